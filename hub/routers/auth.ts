// `authRouter`: the two-step log-in of SPEC §4, the first log-in, log-out and who-am-I.
import { z } from 'zod';
import { completeFirstLogin, completeLogin, startLogin } from '../auth/login';
import { revokeSession } from '../auth/sessions';
import { SECURITY_CODE_LENGTH } from '../auth/securityCode';
import { PASSWORD_MAX_LENGTH } from '../auth/passwords';
import { loadAuthority } from '../authorities/authorityStore';
import { authedProcedure, publicProcedure, router, sessionProcedure, unwrap } from '../trpc';

const Username = z.string().trim().min(1).max(64);
const Password = z.string().min(1).max(PASSWORD_MAX_LENGTH);

export const authRouter = router({
  startLogin: publicProcedure
    .input(z.object({ username: Username }))
    .mutation(async ({ ctx, input }) => unwrap(await startLogin(ctx, input, ctx.remoteAddress))),

  completeLogin: publicProcedure
    .input(z.object({
      challengeId: z.uuid(),
      username: Username,
      password: Password,
      codeCharacters: z.array(z.string().length(1)).length(3).optional(),
    }))
    .mutation(async ({ ctx, input }) => unwrap(await completeLogin(ctx, input, ctx.remoteAddress))),

  completeFirstLogin: sessionProcedure
    .input(z.object({ newPassword: Password, securityCode: z.string().max(SECURITY_CODE_LENGTH * 4).optional() }))
    .mutation(async ({ ctx, input }) => unwrap(await completeFirstLogin(ctx, ctx.session, input))),

  logout: sessionProcedure.mutation(async ({ ctx }) => {
    await revokeSession(ctx.db, ctx.session.tokenHash, ctx.clock.now());
    return { loggedOut: true as const };
  }),

  /** Also answers during a first log-in, so the desk knows what is still to be done. */
  me: sessionProcedure.query(async ({ ctx }) => ({
    user: ctx.session.user,
    authority: await loadAuthority(ctx.db, ctx.session.user.authorityId),
    expiresAt: ctx.session.expiresAt.toISOString(),
    mustChangePassword: ctx.session.mustChangePassword,
    mustSetSecurityCode: ctx.session.mustSetSecurityCode,
  })),

  /** A cheap check that the session is live and fully set up. */
  ping: authedProcedure.query(() => ({ ok: true as const })),
});
