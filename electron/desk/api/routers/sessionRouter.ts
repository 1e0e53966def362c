// `session.*`: log-in online against the hub (or offline against the local verifier), first log-in, log-out.
import { z } from 'zod';
import { listenerStream } from '../listenerStream';
import { publicProcedure, router, unwrap } from '../trpc';

const Username = z.string().trim().min(1).max(64);
const Password = z.string().min(1).max(200);

export const sessionRouter = router({
  status: publicProcedure.query(({ ctx }) => ctx.desk.session.status()),

  /** The status now and at every change (a sign-out from the app menu, an expired hub session). */
  onStatus: publicProcedure.subscription(({ ctx, signal }) => listenerStream(ctx.desk.session.status(), (l) => ctx.desk.session.onStatus(l), signal)),

  startLogin: publicProcedure
    .input(z.object({ username: Username }))
    .mutation(async ({ ctx, input }) => unwrap(await ctx.desk.session.startLogin(input.username))),

  completeLogin: publicProcedure
    .input(z.object({
      challengeId: z.string().min(1).max(100),
      username: Username,
      password: Password,
      codeCharacters: z.array(z.string().length(1)).length(3).optional(),
    }))
    .mutation(async ({ ctx, input }) => unwrap(await ctx.desk.session.completeLogin(input))),

  completeFirstLogin: publicProcedure
    .input(z.object({ newPassword: Password, securityCode: z.string().max(48).optional() }))
    .mutation(async ({ ctx, input }) => unwrap(await ctx.desk.session.completeFirstLogin(input))),

  logout: publicProcedure.mutation(({ ctx }) => ctx.desk.session.logout()),
});
