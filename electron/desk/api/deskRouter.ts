// `deskRouter`: every procedure the desk serves its renderer, over Electron IPC in the app and over
// HTTP + WebSocket on loopback in web mode. The renderer imports only `type DeskRouter`.
import { attachmentsRouter } from './routers/attachmentsRouter';
import { attentionRouter } from './routers/attentionRouter';
import { directoryRouter } from './routers/directoryRouter';
import { referenceRouter } from './routers/referenceRouter';
import { reportsRouter } from './routers/reportsRouter';
import { requestsRouter } from './routers/requestsRouter';
import { sessionRouter } from './routers/sessionRouter';
import { settingsRouter } from './routers/settingsRouter';
import { syncRouter } from './routers/syncRouter';
import { usersRouter } from './routers/usersRouter';
import { router } from './trpc';

export const deskRouter = router({
  session: sessionRouter,
  reference: referenceRouter,
  directory: directoryRouter,
  requests: requestsRouter,
  sync: syncRouter,
  attention: attentionRouter,
  settings: settingsRouter,
  users: usersRouter,
  attachments: attachmentsRouter,
  reports: reportsRouter,
});

export type DeskRouter = typeof deskRouter;
export type { DeskContext } from './trpc';
