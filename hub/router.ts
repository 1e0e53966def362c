// `hubRouter`: every procedure the hub serves. The desk imports only `type HubRouter`.
import { attachmentsRouter } from './routers/attachments';
import { authRouter } from './routers/auth';
import { syncRouter } from './routers/sync';
import { systemRouter } from './routers/system';
import { usersRouter } from './routers/users';
import { router } from './trpc';

export const hubRouter = router({
  system: systemRouter,
  auth: authRouter,
  users: usersRouter,
  sync: syncRouter,
  attachments: attachmentsRouter,
});

export type HubRouter = typeof hubRouter;
