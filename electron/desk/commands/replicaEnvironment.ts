// The RequestEnvironment of the desk: the directory from the replica, the shipped reference data (question
// sets, subject sections) unless the caller passes other lookups, the signed-in user.
import type { RequestEnvironment } from '../../../shared/request/environment';
import { loadReferenceData, questionSetById, subjectSectionFor } from '../../../shared/reference/referenceData';
import type { ReferenceData } from '../../../shared/reference/referenceData';
import { readAuthority, readUser } from '../replica/directoryStore';
import type { Replica } from '../replica/openReplica';

export type ReferenceLookups = Pick<RequestEnvironment, 'questionSet' | 'subjectSection'>;

/** Lookups over reference data; a missing subject section reads as "unknown", never as a throw mid-decision. */
export function referenceLookups(data: ReferenceData): ReferenceLookups {
  return {
    questionSet: (id) => questionSetById(id, data),
    subjectSection: (area) => {
      try {
        return subjectSectionFor(area, data);
      } catch {
        return undefined;
      }
    },
  };
}

/** The reference data shipped with the desk (bundled JSON, validated once). */
export const shippedReference = (): ReferenceLookups => referenceLookups(loadReferenceData());

export function replicaEnvironment(replica: Pick<Replica, 'db' | 'user'>, reference: ReferenceLookups = shippedReference()): RequestEnvironment {
  return {
    authority: (id) => readAuthority(replica.db, id),
    // The signed-in user is always known, even before the feed delivered their own row.
    user: (id) => (id === replica.user.id ? replica.user : readUser(replica.db, id)),
    questionSet: (id) => reference.questionSet(id),
    subjectSection: (area) => reference.subjectSection(area),
  };
}
