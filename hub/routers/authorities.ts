// `authoritiesRouter`: the signed-in user's own authority (`mine`) and its LDA's changes to it (`updateMine`, SPEC §4).
import { loadOwnAuthority, updateOwnAuthority } from '../authorities/ownAuthority';
import { OwnAuthorityPatch } from '../authorities/ownAuthorityChange';
import { authedProcedure, ldaProcedure, router, unwrap } from '../trpc';

export const authoritiesRouter = router({
  mine: authedProcedure.query(async ({ ctx }) => unwrap(await loadOwnAuthority(ctx, ctx.session.user))),
  updateMine: ldaProcedure
    .input(OwnAuthorityPatch)
    .mutation(async ({ ctx, input }) => unwrap(await updateOwnAuthority(ctx, ctx.session.user, input))),
});
