// Addressee search over the replica's authority directory (SPEC §5.2, §14): country, name part, town and
// keywords, accent- and case-insensitive across official names and every translated informal title;
// only active authorities with active access to the area's REQUEST workflow, accepting incoming requests, can be addressed.
import { eq } from 'drizzle-orm';
import { authorities } from '../../../db/replica/schema';
import { canExchangeRequests, requestAccess } from '../../../shared/authority/authority';
import type { Authority } from '../../../shared/authority/authority';
import type { CountryCode, LegislativeArea } from '../../../shared/reference/codes';
import type { ReplicaExecutor } from '../replica/replicaDb';
import { foldForSearch } from './foldForSearch';

export interface DirectoryCriteria {
  area: LegislativeArea;
  country?: CountryCode | undefined;
  /** Every word must occur in the official name or one of the informal titles. */
  name?: string | undefined;
  town?: string | undefined;
  /** Keyword ids of the area; an authority matches when it holds all of them (NIMIC/SDIMIC hold every keyword). */
  keywords?: readonly string[] | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface DirectoryEntry {
  id: string;
  country: CountryCode;
  officialName: string;
  informalTitle: Authority['informalTitle'];
  town: string;
  languages: Authority['languages'];
  keywords: string[];
}

const words = (text: string | undefined): string[] => (text ? foldForSearch(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean) : []);

function matches(authority: Authority, c: DirectoryCriteria): boolean {
  // The same test as the shared addressee check (eligibility.ts): never offer an addressee decide would refuse.
  if (!canExchangeRequests(authority, c.area) || !requestAccess(authority, c.area)?.flags.mayAcceptIncomingRequests) return false;
  if (c.country && authority.country !== c.country) return false;
  const names = foldForSearch([authority.officialName, ...Object.values(authority.informalTitle)].join(' '));
  if (!words(c.name).every((w) => names.includes(w))) return false;
  const town = foldForSearch(authority.address.town);
  if (!words(c.town).every((w) => town.includes(w))) return false;
  const access = authority.areas.find((a) => a.area === c.area);
  const held = new Set(access?.keywords ?? []);
  const holdsAll = access?.administrativeRole === 'NIMIC' || access?.administrativeRole === 'SDIMIC' || authority.generalHorizontalCompetence;
  return holdsAll || (c.keywords ?? []).every((k) => held.has(k));
}

export function searchDirectory(db: ReplicaExecutor, criteria: DirectoryCriteria): { total: number; items: DirectoryEntry[] } {
  // The directory is a few thousand rows at most: filtering in memory keeps folding rules in one place.
  const rows = (criteria.country
    ? db.select({ data: authorities.data }).from(authorities).where(eq(authorities.country, criteria.country)).all()
    : db.select({ data: authorities.data }).from(authorities).all()).map((r) => r.data as Authority);
  const found = rows.filter((a) => matches(a, criteria)).sort((a, b) => a.country.localeCompare(b.country) || a.officialName.localeCompare(b.officialName));
  const offset = criteria.offset ?? 0;
  const items = found.slice(offset, offset + (criteria.limit ?? 50)).map((a) => ({
    id: a.id, country: a.country, officialName: a.officialName, informalTitle: a.informalTitle, town: a.address.town, languages: a.languages,
    keywords: a.areas.find((x) => x.area === criteria.area)?.keywords ?? [],
  }));
  return { total: found.length, items };
}
