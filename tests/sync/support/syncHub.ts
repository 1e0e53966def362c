// A real hub for the sync tests: PGlite with demo data and the shipped reference data, the poke bridge, a server
// that can be restarted on the same port and database, cuttable TCP proxies for desks, API clients for set-up,
// and read-outs of what the hub holds (cases, applied outcomes per client id, each user's view).
import { asc, eq } from 'drizzle-orm';
import { authorities, users } from '../../../db/hub/schema';
import { cases, commandOutcomes } from '../../../db/hub/syncSchema';
import { PokeBus } from '../../../hub/pokes';
import { directoryOf } from '../../../hub/requests/directory';
import { shippedReferenceLookup } from '../../../hub/requests/referenceLookup';
import { startHubServer } from '../../../hub/server';
import type { RunningHub } from '../../../hub/server';
import { startChangeListener } from '../../../hub/sync/changeNotifier';
import { hubBackends, logInOk, openTestHub } from '../../../hub/testing/hubHarness.testkit';
import type { TestHub } from '../../../hub/testing/hubHarness.testkit';
import type { RequestCase } from '../../../shared/request/requestCase';
import { viewFor } from '../../../shared/request/visibility';
import type { RequestView } from '../../../shared/request/visibility';
import type { CommandOutcome } from '../../../shared/sync/protocol';
import type { User } from '../../../shared/user/user';
import { Desk } from '../../hub/support/hubApi.testkit';
import { startTcpProxy } from '../../desk/support/tcpProxy';
import type { TcpProxy } from '../../desk/support/tcpProxy';

export interface SyncHub {
  hub: TestHub;
  /** The hub's own address (no proxy). */
  url(): string;
  /** A new proxy in front of the hub: one per desk, so each desk's network can be cut on its own. */
  proxy(): Promise<TcpProxy>;
  /** Closes the server (every connection drops) and starts it again on the same port and database. */
  restart(): Promise<void>;
  /** An API client logged in as a demo user, for setting up cases without a desk. */
  api(username: string): Promise<Desk>;
  caseOnHub(id: string): Promise<RequestCase | undefined>;
  casesOnHub(): Promise<RequestCase[]>;
  /** Every outcome the hub recorded for a desk's client id, in seq order. */
  outcomesOf(clientId: string): Promise<CommandOutcome[]>;
  userByName(username: string): Promise<User>;
  /** What `user` may see of every case right now, computed from the hub's database with the shared `viewFor`. */
  viewsFor(user: User): Promise<Map<string, RequestView>>;
  close(): Promise<void>;
}

export async function startSyncHub(): Promise<SyncHub> {
  const pglite = hubBackends().find((b) => b.name === 'pglite');
  if (!pglite) throw new Error('no PGlite backend');
  const hub = await openTestHub(pglite);
  // Desks decide with the wall clock; the hub's clock must agree or due dates and sessions drift apart.
  hub.clock.set(new Date());
  const reference = await shippedReferenceLookup();
  hub.deps.reference = reference;
  const pokes = new PokeBus();
  const stopListener = await startChangeListener(hub.database.db, pokes, () => undefined);
  let server: RunningHub = await startHubServer(hub.deps, pokes);
  const port = Number(new URL(server.url).port);
  const proxies: TcpProxy[] = [];
  const apis: Desk[] = [];

  const db = hub.database.db;
  const userByName = async (username: string): Promise<User> => {
    const [row] = await db.select({ data: users.data }).from(users).where(eq(users.username, username));
    if (!row) throw new Error(`no user ${username}`);
    return row.data as User;
  };

  return {
    hub,
    url: () => server.url,
    async proxy() {
      const p = await startTcpProxy({ host: '127.0.0.1', port });
      proxies.push(p);
      return p;
    },
    async restart() {
      await server.close();
      server = await startHubServer({ ...hub.deps, config: { ...hub.deps.config, port } }, pokes);
    },
    async api(username) {
      const { token } = await logInOk(hub.deps, username);
      const desk = new Desk(username, server, token);
      apis.push(desk);
      return desk;
    },
    async caseOnHub(id) {
      const [row] = await db.select({ data: cases.data }).from(cases).where(eq(cases.id, id));
      return row?.data;
    },
    async casesOnHub() {
      return (await db.select({ data: cases.data }).from(cases)).map((r) => r.data);
    },
    async outcomesOf(clientId) {
      const rows = await db.select({ outcome: commandOutcomes.outcome }).from(commandOutcomes)
        .where(eq(commandOutcomes.clientId, clientId)).orderBy(asc(commandOutcomes.seq));
      return rows.map((r) => r.outcome);
    },
    userByName,
    async viewsFor(user) {
      const [authorityRows, caseRows] = await Promise.all([db.select({ data: authorities.data }).from(authorities), db.select({ data: cases.data }).from(cases)]);
      const env = directoryOf(authorityRows.map((r) => r.data), [user], reference);
      const views = new Map<string, RequestView>();
      for (const { data } of caseRows) {
        const view = viewFor(data, user, env);
        if (view) views.set(data.id, view);
      }
      return views;
    },
    async close() {
      for (const a of apis) a.close();
      for (const p of proxies) await p.close();
      await server.close();
      await stopListener();
      await hub.close();
    },
  };
}
