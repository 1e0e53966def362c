// The product's reference data (SPEC §2, §6): the aggregate schema, its validation with messages that
// name the file and path of every problem, the memoised loader of resources/, and lookups.
import { z } from 'zod';
import { CATALOGUE_FILES } from '../i18n/catalogueFiles';
import { Catalogue } from '../i18n/catalogues';
import type { CataloguesByLanguage } from '../i18n/catalogues';
import { localizeReferenceData } from '../i18n/referenceCatalogues';
import type { ReferenceCatalogues, TranslationGap } from '../i18n/referenceCatalogues';
import type { LanguageCode, LegislativeArea } from './codes';
import { QuestionSet, SubjectSection } from './questionSet';
import { crossCheckReferenceData } from './referenceCrossChecks';
import { REFERENCE_FILES } from './referenceFiles';
import { ClassificationNode, Country, Language, LegislativeAreaInfo, MessageTypeInfo } from './referenceSchemas';

export const ReferenceData = z
  .object({
    countries: z.array(Country),
    languages: z.array(Language),
    legislativeAreas: z.array(LegislativeAreaInfo),
    messageTypes: z.array(MessageTypeInfo),
    economicActivities: z.array(ClassificationNode),
    policyAreas: z.array(ClassificationNode),
    subjectSections: z.array(SubjectSection),
    questionSets: z.array(QuestionSet),
  })
  .superRefine((data, ctx) => {
    for (const p of crossCheckReferenceData(data)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
  });
export type ReferenceData = z.infer<typeof ReferenceData>;

/** Reference files keyed by their path under resources/, e.g. `questionSets/pq-diploma-authenticity.json`. */
export type ReferenceFiles = Readonly<Record<string, unknown>>;

/** Which file holds each single-file part of the aggregate. */
const SINGLE_FILES = {
  countries: 'reference/countries.json',
  languages: 'reference/languages.json',
  legislativeAreas: 'reference/legislativeAreas.json',
  messageTypes: 'reference/messageTypes.json',
  economicActivities: 'reference/economicActivities.json',
  policyAreas: 'reference/policyAreas.json',
} as const;
/** Parts made of one file per item, found by folder. */
const FOLDERS = { subjectSections: 'subjectSections/', questionSets: 'questionSets/' } as const;

export const REFERENCE_DATA_INVALID = 'REFERENCE_DATA_INVALID' as const;
export type ReferenceDataCheck =
  | { ok: true; data: ReferenceData }
  | { ok: false; code: typeof REFERENCE_DATA_INVALID; problems: string[] };

/** The schema of one item of each part: every part is a list (of entries in a file, or of files in a folder). */
const ITEM_SCHEMAS: { [K in keyof ReferenceData]: z.ZodType<ReferenceData[K][number], unknown> } = {
  countries: Country,
  languages: Language,
  legislativeAreas: LegislativeAreaInfo,
  messageTypes: MessageTypeInfo,
  economicActivities: ClassificationNode,
  policyAreas: ClassificationNode,
  subjectSections: SubjectSection,
  questionSets: QuestionSet,
};
type Part = keyof ReferenceData;
const PARTS = Object.keys(ITEM_SCHEMAS) as Part[];
const isSingleFile = (part: Part): part is keyof typeof SINGLE_FILES => part in SINGLE_FILES;

interface Located {
  /** Where the problem is: the file, then the path inside it. */
  file: string;
  path: PropertyKey[];
  message: string;
}

/**
 * Validates each item on its own, so that one broken item neither hides the problems of the others
 * nor stops the cross-checks, which then run on the valid items.
 */
function validate(files: ReferenceFiles): Located[] | ReferenceData {
  const problems: Located[] = [];
  const valid: Record<string, unknown[]> = {};
  /** For each part, the original index (and file) of each valid item, to report cross-check paths. */
  const origins: Record<string, { file: string; index: number | undefined }[]> = {};
  for (const part of PARTS) {
    const schema = ITEM_SCHEMAS[part];
    const items: { file: string; index: number | undefined; value: unknown }[] = [];
    if (isSingleFile(part)) {
      const file = SINGLE_FILES[part];
      const list = z.array(z.unknown()).safeParse(files[file]);
      if (!list.success) problems.push({ file, path: [], message: files[file] === undefined ? 'file missing' : 'must be a list' });
      else list.data.forEach((value, index) => items.push({ file, index, value }));
    } else {
      const folder = FOLDERS[part];
      for (const file of Object.keys(files).filter((f) => f.startsWith(folder)).sort()) items.push({ file, index: undefined, value: files[file] });
    }
    valid[part] = [];
    origins[part] = [];
    for (const item of items) {
      const parsed = schema.safeParse(item.value);
      const prefix = item.index === undefined ? [] : [item.index];
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push({ file: item.file, path: [...prefix, ...issue.path], message: issue.message });
        continue;
      }
      valid[part].push(parsed.data);
      origins[part].push({ file: item.file, index: item.index });
    }
  }
  const data = valid as unknown as ReferenceData;
  for (const p of crossCheckReferenceData(data)) {
    const [part, index, ...rest] = p.path;
    const partName = part as Part;
    const origin = typeof index === 'number' ? origins[partName]?.[index] : undefined;
    if (origin) problems.push({ file: origin.file, path: origin.index === undefined ? rest : [origin.index, ...rest], message: p.message });
    else problems.push({ file: isSingleFile(partName) ? SINGLE_FILES[partName] : FOLDERS[partName], path: p.path.slice(1), message: p.message });
  }
  return problems.length ? problems : data;
}

/** Formats a problem as `file: path.inside.file: message`. */
function describe({ file, path, message }: Located): string {
  const where = path.map(String).join('.');
  return `${file}: ${where ? `${where}: ` : ''}${message}`;
}

/** Validates reference files (keyed by path under resources/) and reports every problem as a value. */
export function checkReferenceData(raw: unknown): ReferenceDataCheck {
  const files = z.record(z.string(), z.unknown()).safeParse(raw);
  if (!files.success) return { ok: false, code: REFERENCE_DATA_INVALID, problems: ['reference files must be an object keyed by file path'] };
  const result = validate(files.data);
  if (Array.isArray(result)) return { ok: false, code: REFERENCE_DATA_INVALID, problems: result.map(describe) };
  return { ok: true, data: result };
}

export class ReferenceDataError extends Error {
  readonly code = REFERENCE_DATA_INVALID;
  constructor(readonly problems: string[]) {
    super(`Invalid reference data (${problems.length} problem(s)):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ReferenceDataError';
  }
}

/** Validates reference files (keyed by path under resources/) and returns typed data, or throws listing every problem. */
export function parseReferenceData(raw: unknown): ReferenceData {
  const result = checkReferenceData(raw);
  if (!result.ok) throw new ReferenceDataError(result.problems);
  return result.data;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A catalogue file that is not a flat record of texts is ignored (English shows instead) and reported. */
export type ReferenceTranslationGap = TranslationGap | { code: 'CATALOGUE_INVALID'; domain: keyof ReferenceCatalogues; language: LanguageCode };

/** Parses the shipped `questionSets`/`reference` catalogue files, setting aside the invalid ones as gaps. */
function shippedReferenceCatalogues(): { catalogues: ReferenceCatalogues; invalid: ReferenceTranslationGap[] } {
  const catalogues: ReferenceCatalogues = { questionSets: {}, reference: {} };
  const invalid: ReferenceTranslationGap[] = [];
  for (const domain of ['questionSets', 'reference'] as const) {
    const byLanguage: CataloguesByLanguage = {};
    for (const [language, file] of Object.entries(CATALOGUE_FILES[domain]) as [LanguageCode, unknown][]) {
      const parsed = Catalogue.safeParse(file);
      if (parsed.success) byLanguage[language] = parsed.data;
      else invalid.push({ code: 'CATALOGUE_INVALID', domain, language });
    }
    catalogues[domain] = byLanguage;
  }
  return { catalogues, invalid };
}

let loaded: { data: ReferenceData; gaps: readonly ReferenceTranslationGap[] } | undefined;

function loadOnce() {
  if (!loaded) {
    const { catalogues, invalid } = shippedReferenceCatalogues();
    const { data, gaps } = localizeReferenceData(parseReferenceData(REFERENCE_FILES), catalogues);
    loaded = { data: deepFreeze(data), gaps: Object.freeze([...invalid, ...gaps]) };
  }
  return loaded;
}

/**
 * The shipped reference data with every shipped translation merged in, validated once and frozen;
 * the JSON is bundled, so this does no I/O. Missing translations fall back to English (see referenceTranslationGaps).
 */
export function loadReferenceData(): ReferenceData {
  return loadOnce().data;
}

/** What the shipped catalogues lack against the shipped English texts: reported, never fatal. */
export function referenceTranslationGaps(): readonly ReferenceTranslationGap[] {
  return loadOnce().gaps;
}

export function questionSetById(id: string, data: ReferenceData = loadReferenceData()): QuestionSet | undefined {
  return data.questionSets.find((s) => s.id === id);
}

export function questionSetsForArea(area: LegislativeArea, data: ReferenceData = loadReferenceData()): readonly QuestionSet[] {
  return data.questionSets.filter((s) => s.area === area);
}

/** Every area has exactly one subject section (checked when the data is parsed). */
export function subjectSectionFor(area: LegislativeArea, data: ReferenceData = loadReferenceData()): SubjectSection {
  const section = data.subjectSections.find((s) => s.area === area);
  if (!section) throw new ReferenceDataError([`subjectSections/: no subject section for area ${area}`]);
  return section;
}
