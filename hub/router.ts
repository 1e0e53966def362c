// `hubRouter`: every procedure the hub serves. The desk imports only `type HubRouter`.
import { authRouter } from './routers/auth';
import { systemRouter } from './routers/system';
import { usersRouter } from './routers/users';
import { router } from './trpc';

export const hubRouter = router({
  system: systemRouter,
  auth: authRouter,
  users: usersRouter,
});

export type HubRouter = typeof hubRouter;
