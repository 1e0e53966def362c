// A desk as its own process, for the kill -9 test (scenario 8): opens the desk service on a data folder, logs in
// online, queues whichever of its N drafts and N messages the replica does not hold yet, and syncs until the outbox
// is empty. It prints one JSON line per event on stdout ({ event: 'status' | 'queued' | 'done', ... }) so the
// parent can choose the moment to SIGKILL it. Input: one JSON argument (see DeskProcessInput).
import { openTestDesk } from './testDesk';
import { completeDraft, text } from './shippedCases';

export interface DeskProcessInput {
  dataDir: string;
  hubUrl: string;
  username: string;
  /** Case ids of the drafts are `${prefix}-d${i}`, message ids `${prefix}-m${i}`. */
  prefix: string;
  /** A sent request the user may message. */
  messageCaseId: string;
  count: number;
  pageSize: number;
}

const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2] ?? '{}') as DeskProcessInput;
  const desk = await openTestDesk(input.hubUrl, { dataDir: input.dataDir, pageSize: input.pageSize, pollIntervalMs: 60_000 });
  await desk.logIn(input.username);
  const { sync } = desk.signedIn();
  sync.onStatus((s) => say({ event: 'status', pending: s.pendingCount, lastSyncAt: s.lastSyncAt }));
  // The message case must be in the replica before a message can be decided locally.
  await desk.settle(30_000);
  let queued = 0;
  for (let i = 0; i < input.count; i += 1) {
    const draftId = `${input.prefix}-d${i}`;
    if (desk.view(draftId) === null) {
      const r = desk.command(completeDraft(draftId));
      if (!r.ok) throw new Error(`createDraft ${i} refused locally: ${r.rejection.reason}`);
      queued += 1;
    }
    const messageId = `${input.prefix}-m${i}`;
    const messages = desk.view(input.messageCaseId)?.case;
    if (!messages || !('messages' in messages) || !messages.messages.some((m) => m.id === messageId)) {
      const r = desk.command({ type: 'addMessage', caseId: input.messageCaseId, messageId, messageType: 'PROGRESS_ENQUIRY', text: text(`enquiry ${i}`) });
      if (!r.ok) throw new Error(`addMessage ${i} refused locally: ${r.rejection.reason}`);
      queued += 1;
    }
  }
  say({ event: 'queued', queued });
  await desk.settle(60_000);
  say({ event: 'done', clientId: desk.signedIn().replica.clientId, file: desk.signedIn().replica.file });
  await desk.close();
}

main().then(() => process.exit(0), (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
