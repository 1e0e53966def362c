// What an LDA may change of their own authority's data (SPEC §3.1, §3.3, §4) and the pure rules applied to a change:
// the official name stays with the validating coordinator, links go to same-country ACTIVE authorities only, and a
// substantial change of the informal title asks for re-translation.
import { z } from 'zod';
import { Address, Authority, AuthorityId } from '../../shared/authority/authority';
import { LanguageCode } from '../../shared/reference/codes';
import { LocalizedText } from '../../shared/reference/text';
import { ok, refusal, type Outcome } from '../errors';

/** The fields of `authorities.updateMine`; absent = unchanged. */
export const OwnAuthorityPatch = z.strictObject({
  /** Accepted in the input only to be refused with a reason when it differs: an LDA cannot rename the authority. */
  officialName: z.string().min(1).max(500).optional(),
  informalTitle: LocalizedText.optional(),
  description: z.string().max(4000).optional(),
  languages: z.array(LanguageCode).min(1).max(30).optional(),
  address: Address.optional(),
  telephone: z.string().max(50).optional(),
  website: z.string().max(500).optional(),
  contactEmail: z.email().max(254).optional(),
  usesAllocation: z.boolean().optional(),
  linkedAuthorityIds: z.array(AuthorityId).max(200).optional(),
});
export type OwnAuthorityPatch = z.infer<typeof OwnAuthorityPatch>;

/** Case, spacing and punctuation are cosmetic; anything else in any language makes the translations stale. */
const essence = (text: string) => text.normalize('NFKC').toLocaleLowerCase('en').replace(/[\p{P}\p{S}\s]+/gu, '');

export function isSubstantialTitleChange(before: LocalizedText, after: LocalizedText): boolean {
  const languages = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof LocalizedText>;
  return [...languages].some((language) => essence(before[language] ?? '') !== essence(after[language] ?? ''));
}

/** Checks the links an LDA sets: known, not itself, same country; a newly added one must be ACTIVE. */
export function checkLinks(authority: Authority, linkedIds: readonly string[], lookup: (id: string) => Authority | undefined): Outcome<string[]> {
  const ids = [...new Set(linkedIds)];
  const added = ids.filter((id) => !authority.linkedAuthorityIds.includes(id));
  const unknown = ids.filter((id) => lookup(id) === undefined);
  if (unknown.length > 0) return refusal('LINKED_AUTHORITY_NOT_FOUND', { authorityIds: unknown });
  if (ids.includes(authority.id)) return refusal('LINKED_AUTHORITY_SELF');
  const foreign = ids.filter((id) => lookup(id)?.country !== authority.country);
  if (foreign.length > 0) return refusal('LINKED_AUTHORITY_OTHER_COUNTRY', { authorityIds: foreign, country: authority.country });
  // One already linked that was since suspended may stay: removing it is the LDA's choice, not a side effect of editing the title.
  const inactive = added.filter((id) => lookup(id)?.status !== 'ACTIVE');
  if (inactive.length > 0) return refusal('LINKED_AUTHORITY_NOT_ACTIVE', { authorityIds: inactive });
  return ok(ids.sort());
}

/** The fields an LDA's change can alter (the re-translation flag follows the title). */
export const EDITABLE_FIELDS = [
  'informalTitle', 'retranslationRequested', 'description', 'languages', 'address', 'telephone', 'website', 'contactEmail', 'usesAllocation', 'linkedAuthorityIds',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export interface AppliedPatch {
  after: Authority;
  /** The fields whose value changed, for the audit entry. */
  changed: EditableField[];
}

/** The authority with the patch applied, or the reason it is refused. Links are checked by `checkLinks` separately. */
export function applyOwnAuthorityPatch(before: Authority, patch: OwnAuthorityPatch, linkedAuthorityIds: readonly string[]): Outcome<AppliedPatch> {
  if (patch.officialName !== undefined && patch.officialName !== before.officialName) {
    return refusal('OFFICIAL_NAME_NOT_EDITABLE', { validatingCoordinatorId: before.validatingCoordinatorId ?? '' });
  }
  const { officialName: _officialName, ...editable } = patch;
  const after = Authority.parse({ ...before, ...editable, linkedAuthorityIds });
  if (patch.informalTitle !== undefined && isSubstantialTitleChange(before.informalTitle, patch.informalTitle)) after.retranslationRequested = true;
  const changed = EDITABLE_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
  return ok({ after, changed });
}
