// Bad input to sync.push and sync.pull, each refused with its stable code and nothing changed; and idempotency: a batch
// sent twice, or twice at once, changes state once.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { attachmentMeta } from '../../shared/testkit/world.testkit';
import { hubBackends } from '../../hub/testing/hubHarness.testkit';
import { reasonOf, useApiHub, type ApiHub, type Desk } from './support/hubApi.testkit';
import { createDraft, newCaseId, why } from './support/requests.testkit';

describe.each(hubBackends())('sync bad input and idempotency on $name', { timeout: 120_000 }, (backend) => {
  const current = useApiHub(backend, { maxBodyBytes: 256 * 1024 });
  let api: ApiHub;
  let requester: Desk;
  let responder: Desk;
  let caseId: string;
  beforeEach(async () => {
    api = current();
    requester = await api.desk('it-salute-handler');
    responder = await api.desk('hu-enkk-handler');
    caseId = newCaseId();
    await requester.ok(createDraft(caseId));
    await requester.ok({ type: 'sendRequest', caseId });
  });

  /** Everything a command could change: the cases, the feed, the recorded seqs. */
  async function snapshot(): Promise<string> {
    const db = api.hub.database.db;
    const rows = await Promise.all([
      db.execute(sql`select id, version, data from cases order by id`),
      db.execute(sql`select position, entity, entity_id from changes order by position`),
      db.execute(sql`select client_id, last_seq from client_sequences order by client_id`),
    ]);
    return JSON.stringify(rows.map((r) => (r as unknown as { rows: unknown[] }).rows));
  }
  async function expectUnchanged(action: () => Promise<void>): Promise<void> {
    const before = await snapshot();
    await action();
    expect(await snapshot()).toBe(before);
  }
  const push = (desk: Desk, commands: unknown[], protocolVersion = PROTOCOL_VERSION) =>
    desk.trpc.sync.push.mutate({ protocolVersion, commands } as never);

  it('refuses a malformed body as MALFORMED_REQUEST', async () => {
    await expectUnchanged(async () => {
      const response = await fetch(`${api.server.url}/sync.push`, {
        method: 'POST', headers: { authorization: `Bearer ${requester.token}`, 'content-type': 'application/json' }, body: '{"protocolVersion": 1, "commands": [',
      });
      const body = await response.json() as { error: { data: { reason: string } } };
      expect(body.error.data.reason).toBe('MALFORMED_REQUEST');
    });
  });

  it('refuses an oversized batch as PAYLOAD_TOO_LARGE', async () => {
    await expectUnchanged(async () => {
      const huge = { type: 'addMessage', caseId, messageId: 'm-1', messageType: 'OTHER', text: { text: 'x'.repeat(300 * 1024), language: 'en' } };
      expect((await reasonOf(push(requester, [{ clientId: randomUUID(), seq: 1, command: huge }]))).reason).toBe('PAYLOAD_TOO_LARGE');
    });
  });

  it('refuses an unknown command type as INVALID_INPUT', async () => {
    await expectUnchanged(async () => {
      expect((await reasonOf(push(requester, [{ clientId: randomUUID(), seq: 1, command: { type: 'launchMissiles', caseId } }]))).reason).toBe('INVALID_INPUT');
    });
  });

  it('asks a desk of an unknown protocol version to update', async () => {
    await expectUnchanged(async () => {
      expect(await reasonOf(push(requester, [{ clientId: randomUUID(), seq: 1, command: { type: 'closeRequest', caseId } }], PROTOCOL_VERSION + 1)))
        .toMatchObject({ reason: 'UPDATE_REQUIRED' });
      expect((await reasonOf(requester.trpc.sync.pull.query({ protocolVersion: PROTOCOL_VERSION + 1, after: 0 }))).reason).toBe('UPDATE_REQUIRED');
    });
  });

  it('records a command of the wrong role as rejected with ROLE_REQUIRED and changes no case', async () => {
    const basic = await api.desk('hu-enkk-basic');
    const before = await snapshot();
    expect(await basic.run({ type: 'acceptRequest', caseId, days: 10 })).toMatchObject({ status: 'rejected', reason: 'ROLE_REQUIRED' });
    const after = JSON.parse(await snapshot()) as unknown[][];
    expect(after.slice(0, 2)).toEqual((JSON.parse(before) as unknown[][]).slice(0, 2));
  });

  it('records a command in the wrong state as rejected with WRONG_STATUS, and the queue goes on', async () => {
    expect(await requester.run({ type: 'closeRequest', caseId })).toMatchObject({ status: 'rejected', reason: 'WRONG_STATUS' });
    expect(await requester.run({ type: 'withdrawRequest', caseId, justification: why })).toMatchObject({ status: 'applied' });
  });

  it('answers a replayed seq with the recorded outcome and changes nothing', async () => {
    const clientId = randomUUID();
    const accept = { clientId, seq: 1, command: { type: 'acceptRequest', caseId, days: 10 } };
    const first = await push(responder, [accept]);
    await expectUnchanged(async () => {
      expect(await push(responder, [accept])).toEqual(first);
      // Even a different command under a used seq gets the recorded answer: the seq identifies the command.
      expect(await push(responder, [{ ...accept, command: { type: 'refuseRequest', caseId, justification: why } }])).toEqual(first);
    });
  });

  it('refuses a seq gap with SEQ_GAP naming the expected seq, keeping what came before it in the batch', async () => {
    const clientId = randomUUID();
    const error = await reasonOf(push(responder, [
      { clientId, seq: 1, command: { type: 'acceptRequest', caseId, days: 10 } },
      { clientId, seq: 3, command: { type: 'saveReply', caseId, answers: [] } },
    ]));
    expect(error).toEqual({ reason: 'SEQ_GAP', details: { expectedSeq: 2 } });
    expect(await responder.requestView(caseId)).toMatchObject({ case: { status: 'ACCEPTED' } });
    await expectUnchanged(async () => {
      expect(await reasonOf(push(responder, [{ clientId, seq: 5, command: { type: 'saveReply', caseId, answers: [] } }]))).toEqual({ reason: 'SEQ_GAP', details: { expectedSeq: 2 } });
    });
  });

  it("refuses another user's client id with CLIENT_ID_TAKEN", async () => {
    await expectUnchanged(async () => {
      expect((await reasonOf(push(responder, [{ clientId: requester.clientId, seq: 3, command: { type: 'acceptRequest', caseId, days: 10 } }]))).reason)
        .toBe('CLIENT_ID_TAKEN');
    });
  });

  it('rejects addAttachment whose content was never uploaded with ATTACHMENT_NOT_UPLOADED', async () => {
    const before = await requester.requestView(caseId);
    expect(await requester.run({ type: 'addAttachment', caseId, attachment: attachmentMeta({ sha256: 'b'.repeat(64) }) }))
      .toMatchObject({ status: 'rejected', reason: 'ATTACHMENT_NOT_UPLOADED' });
    expect(await requester.requestView(caseId)).toEqual(before);
  });

  it('refuses sync calls without a session', async () => {
    const response = await fetch(`${api.server.url}/sync.pull?input=${encodeURIComponent(JSON.stringify({ protocolVersion: 1, after: 0 }))}`);
    expect(((await response.json()) as { error: { data: { reason: string } } }).error.data.reason).toBe('UNAUTHENTICATED');
  });

  it('applies a batch sent twice once, with the same outcomes and entry numbers', async () => {
    const clientId = randomUUID();
    const id = newCaseId();
    const batch = [{ clientId, seq: 1, command: createDraft(id) }, { clientId, seq: 2, command: { type: 'sendRequest', caseId: id } }];
    const first = await push(requester, batch);
    expect(await push(requester, batch)).toEqual(first);
    const count = await api.hub.database.db.execute(sql`select count(*)::int as n from cases where id = ${id}`) as unknown as { rows: Array<{ n: number }> };
    expect(count.rows[0]?.n).toBe(1);
    expect(first.outcomes[0]).toMatchObject({ status: 'applied', entryNumbers: { [id]: 63001 } });
  });

  it('applies the same batch sent concurrently once', async () => {
    const clientId = randomUUID();
    const id = newCaseId();
    const batch = [{ clientId, seq: 1, command: createDraft(id) }, { clientId, seq: 2, command: { type: 'sendRequest', caseId: id } }];
    const [a, b] = await Promise.all([push(requester, batch), push(requester, batch)]);
    expect(a).toEqual(b);
    const rows = await api.hub.database.db.execute(sql`select version from cases where id = ${id}`) as unknown as { rows: Array<{ version: number }> };
    expect(rows.rows).toEqual([{ version: 2 }]);
    const seqRow = await api.hub.database.db.execute(sql`select last_seq from client_sequences where client_id = ${clientId}`) as unknown as { rows: Array<{ last_seq: number }> };
    expect(seqRow.rows).toEqual([{ last_seq: 2 }]);
  });
});
