// The retention purge of SPEC §12 driven by a set clock: six months after closure the hub holds no personal data of
// the case, and every replica receives the purged view through the feed.
import { beforeEach, describe, expect, it } from 'vitest';
import { runRetentionPurge } from '../../hub/requests/scheduler';
import { hubBackends } from '../../hub/testing/hubHarness.testkit';
import type { RequestView } from '../../shared/request/visibility';
import { useApiHub, type ApiHub, type Desk } from './support/hubApi.testkit';
import { PERSONAL_VALUES } from './support/leakCheck.testkit';
import { createDraft, fullAnswers, newCaseId } from './support/requests.testkit';

const DAY = 24 * 60 * 60 * 1000;

describe.each(hubBackends())('retention purge on $name', { timeout: 60_000 }, (backend) => {
  const current = useApiHub(backend);
  let api: ApiHub;
  let requester: Desk;
  let responder: Desk;
  beforeEach(async () => {
    api = current();
    requester = await api.desk('it-salute-handler');
    responder = await api.desk('hu-enkk-handler');
  });

  async function closedCase(): Promise<string> {
    const id = newCaseId();
    await requester.ok(createDraft(id));
    await requester.ok({ type: 'sendRequest', caseId: id });
    await responder.ok({ type: 'acceptRequest', caseId: id, days: 10 });
    await responder.ok({ type: 'sendReply', caseId: id, answers: fullAnswers() });
    await requester.ok({ type: 'closeRequest', caseId: id });
    return id;
  }

  it('removes personal data six months after closure and sends the purged view to replicas', async () => {
    const id = await closedCase();
    const cursor = (await responder.pull(0, 500)).nextAfter;
    api.hub.clock.advance(150 * DAY);
    expect(await runRetentionPurge(api.hub.deps)).toEqual([]);
    api.hub.clock.advance(40 * DAY);
    expect(await runRetentionPurge(api.hub.deps)).toEqual([id]);

    // Sessions do not last six months: the responder's desk logs in again and pulls from where it stopped.
    const incremental = await (await api.desk('hu-enkk-handler')).pull(cursor);
    const purged = incremental.changes.find((c) => c.id === id);
    expect(purged).toMatchObject({ op: 'upsert', entity: 'request' });
    const view = (purged && purged.op === 'upsert' ? purged.data : undefined) as RequestView;
    expect(view).toMatchObject({ level: 'FULL', case: { status: 'CLOSED', subject: { profession: 'Nurse' } } });
    for (const value of PERSONAL_VALUES) expect(JSON.stringify(view)).not.toContain(value);
    expect(view.case).toHaveProperty('history');
    expect(await runRetentionPurge(api.hub.deps)).toEqual([]);
  });
});
