// `hubRouter`: every procedure the hub serves. The desk imports only `type HubRouter`.
import { attachmentsRouter } from './routers/attachments';
import { authRouter } from './routers/auth';
import { authoritiesRouter } from './routers/authorities';
import { certifyRouter } from './routers/certify';
import { syncRouter } from './routers/sync';
import { systemRouter } from './routers/system';
import { usersRouter } from './routers/users';
import { router } from './trpc';

export const hubRouter = router({
  system: systemRouter,
  auth: authRouter,
  users: usersRouter,
  authorities: authoritiesRouter,
  sync: syncRouter,
  attachments: attachmentsRouter,
  certify: certifyRouter,
});

export type HubRouter = typeof hubRouter;
