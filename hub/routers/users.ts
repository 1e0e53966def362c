// `usersRouter`: an LDA manages the users of their own authority (SPEC §4); inputs are the shared zod schemas.
import { z } from 'zod';
import { LanguageCode, LegislativeArea } from '../../shared/reference/codes';
import { AreaRights, GeneralRole, UserId } from '../../shared/user/user';
import { changeRights, changeUsername, deactivateUser, listUsers, registerUser, resetPassword, unblockUser } from '../users/userManagement';
import { ldaProcedure, router, unwrap } from '../trpc';

const Rights = z.object({
  generalRoles: z.array(GeneralRole).max(10),
  dataAdministratorAreas: z.array(LegislativeArea).max(20).default([]),
  rights: z.array(AreaRights).max(50),
});
const Target = z.object({ userId: UserId });

export const usersRouter = router({
  list: ldaProcedure.query(({ ctx }) => listUsers(ctx, ctx.session.user)),

  register: ldaProcedure
    .input(Rights.extend({
      name: z.string().trim().min(1).max(200),
      surname: z.string().trim().min(1).max(200),
      email: z.email().max(254),
      preferredLanguage: LanguageCode,
      telephone: z.string().max(50).optional(),
      username: z.string().max(64).optional(),
    }))
    .mutation(async ({ ctx, input }) => unwrap(await registerUser(ctx, ctx.session.user, input))),

  changeRights: ldaProcedure
    .input(Rights.extend({ userId: UserId }))
    .mutation(async ({ ctx, input }) => unwrap(await changeRights(ctx, ctx.session.user, input))),

  changeUsername: ldaProcedure
    .input(z.object({ userId: UserId, username: z.string().max(64) }))
    .mutation(async ({ ctx, input }) => unwrap(await changeUsername(ctx, ctx.session.user, input))),

  resetPassword: ldaProcedure.input(Target).mutation(async ({ ctx, input }) => unwrap(await resetPassword(ctx, ctx.session.user, input))),
  unblock: ldaProcedure.input(Target).mutation(async ({ ctx, input }) => unwrap(await unblockUser(ctx, ctx.session.user, input))),
  deactivate: ldaProcedure.input(Target).mutation(async ({ ctx, input }) => unwrap(await deactivateUser(ctx, ctx.session.user, input))),
});
