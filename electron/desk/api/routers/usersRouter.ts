// `users.*`: the hub's LDA user management passed through (online only). The hub validates every input;
// the desk only types them and turns "no connection" into a clear OFFLINE / HUB_UNREACHABLE refusal.
import type { inferRouterInputs } from '@trpc/server';
import { z } from 'zod';
import type { HubRouter } from '../../../../hub/router';
import { HubRefusalError } from '../../hubLink/hubClient';
import type { HubTrpcClient } from '../../hubLink/hubClient';
import type { SignedInDesk } from '../../deskService';
import type { DeskOutcome } from '../deskErrors';
import { router, signedInProcedure, unwrap } from '../trpc';

type UsersInput = inferRouterInputs<HubRouter>['users'];
const hubInput = <T>() => z.custom<T>((value) => typeof value === 'object' && value !== null);

async function onHub<T>(signedIn: SignedInDesk, run: (hub: HubTrpcClient) => Promise<T>): Promise<T> {
  if (!signedIn.hub) return unwrap<T>({ ok: false, reason: 'OFFLINE' });
  let outcome: DeskOutcome<T>;
  try {
    outcome = { ok: true, value: await run(signedIn.hub.trpc) };
  } catch (error) {
    outcome = error instanceof HubRefusalError
      ? { ok: false, reason: error.reason, ...(error.details ? { details: error.details } : {}) }
      : { ok: false, reason: 'HUB_UNREACHABLE' };
  }
  return unwrap(outcome);
}

export const usersRouter = router({
  list: signedInProcedure.query(({ ctx }) => onHub(ctx.signedIn, (hub) => hub.users.list.query())),
  register: signedInProcedure.input(hubInput<UsersInput['register']>())
    .mutation(({ ctx, input }) => onHub(ctx.signedIn, (hub) => hub.users.register.mutate(input))),
  changeRights: signedInProcedure.input(hubInput<UsersInput['changeRights']>())
    .mutation(({ ctx, input }) => onHub(ctx.signedIn, (hub) => hub.users.changeRights.mutate(input))),
  changeUsername: signedInProcedure.input(hubInput<UsersInput['changeUsername']>())
    .mutation(({ ctx, input }) => onHub(ctx.signedIn, (hub) => hub.users.changeUsername.mutate(input))),
  resetPassword: signedInProcedure.input(hubInput<UsersInput['resetPassword']>())
    .mutation(({ ctx, input }) => onHub(ctx.signedIn, (hub) => hub.users.resetPassword.mutate(input))),
  unblock: signedInProcedure.input(hubInput<UsersInput['unblock']>())
    .mutation(({ ctx, input }) => onHub(ctx.signedIn, (hub) => hub.users.unblock.mutate(input))),
  deactivate: signedInProcedure.input(hubInput<UsersInput['deactivate']>())
    .mutation(({ ctx, input }) => onHub(ctx.signedIn, (hub) => hub.users.deactivate.mutate(input))),
});
