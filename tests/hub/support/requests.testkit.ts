// Command inputs for the demo world (Italian requesters, Hungarian responders, question set pq-standard of the fixtures).
import { draftForm, fullAnswers, text, why } from '../../../shared/testkit/world.testkit';
import type { CommandInput } from '../../../shared/testkit/world.testkit';

export { fullAnswers, text, why };

let counter = 0;
export const newCaseId = (label = 'case') => `${label}-${Date.now().toString(36)}-${(counter += 1)}`;

/** A complete PQ draft from the requester to `to` (hu-enkk unless told). */
export function createDraft(caseId: string, to = 'hu-enkk', form: Record<string, unknown> = {}): CommandInput {
  return { type: 'createDraft', caseId, area: 'PQ', questionSetId: 'pq-standard', form: draftForm({ respondingAuthorityId: to, ...form }) };
}
