// `syncRouter`: the desk's command batches (push), the change feed (pull) and the data-free poke subscription.
import { on } from 'node:events';
import { PullRequest, PushRequest } from '../../shared/sync/protocol';
import { pushCommands } from '../requests/commandService';
import { pullChanges } from '../sync/feedService';
import { authedProcedure, router, unwrap } from '../trpc';

export const syncRouter = router({
  push: authedProcedure.input(PushRequest).mutation(async ({ ctx, input }) => unwrap(await pushCommands(ctx, ctx.session.user, input))),

  pull: authedProcedure.input(PullRequest).query(async ({ ctx, input }) => unwrap(await pullChanges(ctx, ctx.session.user, input))),

  /** Emits `{}` whenever something visible to this user may have changed; the desk then pulls. Never any data. */
  onPoke: authedProcedure.subscription(async function* ({ ctx, signal }) {
    for await (const [userId] of on(ctx.pokes, 'poke', { signal })) {
      if (userId === ctx.session.user.id) yield {};
    }
  }),
});
