// Applies desk command batches (DESIGN §3, §6): per command one transaction that locks the client's sequence row,
// answers repeats from the record, refuses gaps, runs the shared `decide`/`evolve`, assigns entry numbers, stores the
// cases, appends change rows and records the outcome with the new last seq. Mails and pokes follow the commit.
import { and, eq } from 'drizzle-orm';
import { clientSequences, commandOutcomes } from '../../db/hub/syncSchema';
import type { RequestCommand } from '../../shared/request/commands';
import type { RequestEvent } from '../../shared/request/events';
import type { RequestCase } from '../../shared/request/requestCase';
import { decide, evolve } from '../../shared/request/requestLifecycle';
import type { Actor, User } from '../../shared/user/user';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import type { CommandEnvelope, CommandOutcome, PushRequest, PushResponse } from '../../shared/sync/protocol';
import type { HubExecutor } from '../db/openHubDatabase';
import type { HubDeps } from '../deps';
import { ok, refusal, type Outcome } from '../errors';
import { blobUploaded } from '../attachments/blobCheck';
import { audienceOf } from './audience';
import { appendChange, loadCasesForUpdate, nextEntryNumber, saveCase } from './caseStore';
import { loadDirectory } from './directory';
import { EMPTY_REFERENCE } from './referenceLookup';
import { notifyChange } from '../sync/changeNotifier';
import { sendRequestMails, type AppliedCommand } from './requestMailer';

/** The oldest desk protocol this hub still understands. */
export const MIN_PROTOCOL_VERSION = 1;

type EnvelopeResult =
  | { kind: 'outcome'; outcome: CommandOutcome; lastSeq: number; applied?: AppliedCommand }
  | { kind: 'refused'; refused: Extract<Outcome<never>, { ok: false }> };

const CREATING_EVENTS = new Set<RequestEvent['type']>(['draftCreated', 'splitCaseCreated', 'copyCreated']);

export function actorOf(user: User): Actor {
  return { id: user.id, authorityId: user.authorityId, generalRoles: user.generalRoles, rights: user.rights, displayName: `${user.name} ${user.surname}` };
}

/** Applies a batch in order; stops at the first refused envelope (SEQ_GAP, CLIENT_ID_TAKEN), keeping what committed before it. */
export async function pushCommands(deps: HubDeps, user: User, request: PushRequest): Promise<Outcome<PushResponse>> {
  if (request.protocolVersion < MIN_PROTOCOL_VERSION || request.protocolVersion > PROTOCOL_VERSION) {
    return refusal('UPDATE_REQUIRED', { minProtocolVersion: MIN_PROTOCOL_VERSION, protocolVersion: PROTOCOL_VERSION });
  }
  const outcomes: CommandOutcome[] = [];
  let lastSeq = 0;
  for (const envelope of request.commands) {
    const result = await applyEnvelope(deps, user, envelope);
    if (result.kind === 'refused') return result.refused;
    outcomes.push(result.outcome);
    lastSeq = result.lastSeq;
    if (result.applied) await sendRequestMails(deps, result.applied);
  }
  return ok({ outcomes, lastSeq });
}

async function applyEnvelope(deps: HubDeps, user: User, envelope: CommandEnvelope): Promise<EnvelopeResult> {
  const now = deps.clock.now();
  // I/O the pure decision cannot do: is the attachment's content really on the hub?
  const attachmentMissing = envelope.command.type === 'addAttachment' && !(await attachmentUploaded(deps, envelope.command));
  return deps.db.transaction(async (tx) => {
    await tx.insert(clientSequences).values({ clientId: envelope.clientId, userId: user.id, lastSeq: 0, updatedAt: now }).onConflictDoNothing();
    const [sequence] = await tx.select().from(clientSequences).where(eq(clientSequences.clientId, envelope.clientId)).for('update');
    if (!sequence || sequence.userId !== user.id) return { kind: 'refused', refused: refusal('CLIENT_ID_TAKEN') };
    if (envelope.seq <= sequence.lastSeq) {
      const [recorded] = await tx.select({ outcome: commandOutcomes.outcome }).from(commandOutcomes)
        .where(and(eq(commandOutcomes.clientId, envelope.clientId), eq(commandOutcomes.seq, envelope.seq)));
      if (!recorded) throw new Error(`no recorded outcome for ${envelope.clientId}/${envelope.seq}`);
      return { kind: 'outcome', outcome: recorded.outcome, lastSeq: sequence.lastSeq };
    }
    if (envelope.seq > sequence.lastSeq + 1) return { kind: 'refused', refused: refusal('SEQ_GAP', { expectedSeq: sequence.lastSeq + 1 }) };

    const result = attachmentMissing
      ? { outcome: rejected(envelope.seq, 'ATTACHMENT_NOT_UPLOADED') }
      : await applyCommand(tx, deps, user, envelope, now);
    await tx.insert(commandOutcomes).values({ clientId: envelope.clientId, seq: envelope.seq, outcome: result.outcome, createdAt: now });
    await tx.update(clientSequences).set({ lastSeq: envelope.seq, updatedAt: now }).where(eq(clientSequences.clientId, envelope.clientId));
    return { kind: 'outcome', outcome: result.outcome, lastSeq: envelope.seq, ...(result.applied ? { applied: result.applied } : {}) };
  });
}

function rejected(seq: number, reason: string, details?: Record<string, unknown>): CommandOutcome {
  return details ? { status: 'rejected', seq, reason, details } : { status: 'rejected', seq, reason };
}

async function attachmentUploaded(deps: HubDeps, command: Extract<RequestCommand, { type: 'addAttachment' }>): Promise<boolean> {
  return blobUploaded(deps.attachments, command.attachment.sha256, command.attachment.size);
}

/** The command's own effects, inside the envelope's transaction. */
async function applyCommand(
  tx: HubExecutor, deps: HubDeps, user: User, envelope: CommandEnvelope, now: Date,
): Promise<{ outcome: CommandOutcome; applied?: AppliedCommand }> {
  const { command } = envelope;
  const loaded = await loadCasesForUpdate(tx, [command.caseId]);
  const before = loaded.get(command.caseId);
  const relatedIds = before ? [before.requestingAuthorityId, before.respondingAuthorityId, before.requestingCoordinatorId, before.respondingCoordinatorId] : [];
  const directory = await loadDirectory(tx, deps.reference ?? EMPTY_REFERENCE, [user.authorityId, ...relatedIds.filter((id): id is string => id !== null)]);
  const decision = decide(before, command, actorOf(user), now.toISOString(), directory);
  if (!decision.ok) return { outcome: rejected(envelope.seq, decision.rejection.reason, decision.rejection.details) };

  // Cases a command creates must be new: the desk picks their ids, so a clash is refused, never overwritten.
  const createdIds = decision.events.filter((e) => CREATING_EVENTS.has(e.type)).map((e) => e.caseId);
  const existing = await loadCasesForUpdate(tx, createdIds.filter((id) => id !== command.caseId));
  if (existing.size > 0 || (command.type !== 'createDraft' && createdIds.includes(command.caseId))) {
    return { outcome: rejected(envelope.seq, 'CASE_ALREADY_EXISTS') };
  }

  const events: RequestEvent[] = [...decision.events];
  const entryNumbers: Record<string, number> = {};
  for (const caseId of createdIds) {
    const entryNumber = await nextEntryNumber(tx);
    entryNumbers[caseId] = entryNumber;
    events.push({ type: 'entryNumberAssigned', caseId, entryNumber });
  }

  const touched = [...new Set(events.map((e) => e.caseId))];
  const afterStates = new Map<string, RequestCase | undefined>();
  const audience = new Set<string>();
  for (const caseId of touched) {
    const start = caseId === command.caseId ? before : undefined;
    const after = events.filter((e) => e.caseId === caseId).reduce<RequestCase | undefined>(evolve, start);
    afterStates.set(caseId, after);
    await saveCase(tx, caseId, after, now);
    const caseAudience = audienceOf(start, after, directory);
    await appendChange(tx, 'request', caseId, caseAudience, now);
    for (const id of caseAudience) audience.add(id);
  }
  await notifyChange(tx, [...audience]);
  return {
    outcome: { status: 'applied', seq: envelope.seq, entryNumbers },
    applied: { command, user, cases: afterStates, directoryAuthorityIds: [...audience] },
  };
}

