// `attention.*`: the refused commands of SPEC §13, shown in plain words by the renderer from their reason.
import { z } from 'zod';
import { dismissAttention, openAttention } from '../../sync/attentionList';
import { router, signedInProcedure, unwrap } from '../trpc';

export const attentionRouter = router({
  list: signedInProcedure.query(({ ctx }) => openAttention(ctx.signedIn.replica.db)),

  dismiss: signedInProcedure
    .input(z.object({ id: z.number().int().positive() }))
    .mutation(({ ctx, input }) => {
      const dismissed = dismissAttention(ctx.signedIn.replica.db, input.id);
      // The status bar counts open items from the live status: it must hear of the dismissal now, not at the next round.
      if (dismissed) ctx.signedIn.sync.notify();
      return unwrap(dismissed ? { ok: true, value: { dismissed: true as const } } : { ok: false, reason: 'ATTENTION_NOT_FOUND' });
    }),
});
