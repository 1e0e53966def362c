// The RequestEnvironment of the desk: the directory from the replica, reference data from the caller, the signed-in user.
import type { RequestEnvironment } from '../../../shared/request/environment';
import { readAuthority, readUser } from '../replica/directoryStore';
import type { Replica } from '../replica/openReplica';

/** Question sets and subject sections: shared reference data (shared/reference/referenceData.ts once it lands). */
export type ReferenceLookups = Pick<RequestEnvironment, 'questionSet' | 'subjectSection'>;

/** Without reference data every lookup misses: decisions that need a question set are refused, never guessed. */
export const NO_REFERENCE_DATA: ReferenceLookups = { questionSet: () => undefined, subjectSection: () => undefined };

export function replicaEnvironment(replica: Pick<Replica, 'db' | 'user'>, reference: ReferenceLookups = NO_REFERENCE_DATA): RequestEnvironment {
  return {
    authority: (id) => readAuthority(replica.db, id),
    // The signed-in user is always known, even before the feed delivered their own row.
    user: (id) => (id === replica.user.id ? replica.user : readUser(replica.db, id)),
    questionSet: (id) => reference.questionSet(id),
    subjectSection: (area) => reference.subjectSection(area),
  };
}
