// `systemRouter`: liveness and the data-free poke subscription desks listen on (nothing emits into it yet).
import { on } from 'node:events';
import { authedProcedure, publicProcedure, router } from '../trpc';

export const HUB_PROTOCOL_VERSION = 1;

export const systemRouter = router({
  health: publicProcedure.query(({ ctx }) => ({ status: 'ok' as const, protocolVersion: HUB_PROTOCOL_VERSION, time: ctx.clock.now().toISOString() })),

  /** Emits `{}` (no data, ever) whenever the desk should pull. */
  poke: authedProcedure.subscription(async function* ({ ctx, signal }) {
    for await (const [userId] of on(ctx.pokes, 'poke', { signal })) {
      // Only this user's pokes; the payload stays empty so a poke can never leak anything.
      if (userId === ctx.session.user.id) yield {};
    }
  }),
});
