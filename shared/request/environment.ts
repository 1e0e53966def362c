// What a request decision may look up besides the case itself: the directory and the reference data.
import type { Authority } from '../authority/authority';
import type { QuestionSet, SubjectSection } from '../reference/questionSet';
import type { LegislativeArea } from '../reference/codes';
import type { User } from '../user/user';

/**
 * Read-only lookups that `decide` and `viewFor` need. The hub backs it with its database, the desk
 * with its replica; tests with fixtures. No lookup may perform I/O that can fail mid-decision.
 */
export interface RequestEnvironment {
  authority(id: string): Authority | undefined;
  user(id: string): User | undefined;
  questionSet(id: string): QuestionSet | undefined;
  subjectSection(area: LegislativeArea): SubjectSection | undefined;
}
