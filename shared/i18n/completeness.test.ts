// The catalogues of every domain against English (issue 7): every language of the reference data has a file
// in every domain, and each is complete, with the English placeholders.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccessRejectionReason } from '../authority/accessReasons';
import { LANGUAGE_CODES } from '../reference/codes';
import type { LanguageCode } from '../reference/codes';
import { parseReferenceData } from '../reference/referenceData';
import { REFERENCE_FILES } from '../reference/referenceFiles';
import { RejectionReason } from '../request/reasons';
import { ViolationCode } from '../user/invariants';
import { CATALOGUE_FILES } from './catalogueFiles';
import { CATALOGUE_DOMAINS, checkCatalogues, flattenCatalogue } from './catalogues';
import type { Catalogue, CatalogueDomain, CataloguesByLanguage } from './catalogues';
import { englishReferenceCatalogues } from './referenceCatalogues';

const I18N = join(import.meta.dirname, '../../resources/i18n');

/** The shipped catalogues of a domain, flattened (the report labels are nested). */
function shipped(domain: CatalogueDomain): CataloguesByLanguage {
  const out: CataloguesByLanguage = {};
  for (const [language, file] of Object.entries(CATALOGUE_FILES[domain]) as [LanguageCode, unknown][]) {
    const flat = flattenCatalogue(file);
    if (!flat.ok) throw new Error(`${domain}/${language}.json: ${flat.key} is not text`);
    out[language] = flat.catalogue;
  }
  return out;
}

describe.each(CATALOGUE_DOMAINS)('the %s catalogues', (domain) => {
  it('are complete and consistent with English in every language that has a file', () => {
    const problems = checkCatalogues(domain, shipped(domain));
    expect(problems.map((p) => `${p.language}/${p.key ?? ''}: ${p.code}`)).toEqual([]);
  });

  it('are all listed in the generated import index', () => {
    const onDisk = readdirSync(join(I18N, domain)).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
    expect(Object.keys(CATALOGUE_FILES[domain]).sort()).toEqual(onDisk);
  });

  it('exist in every language of the reference data', () => {
    expect(LANGUAGE_CODES.filter((l) => !(l in CATALOGUE_FILES[domain]))).toEqual([]);
  });
});

describe('the English reference catalogues', () => {
  it('match the English texts of resources/ (run npx tsx scripts/i18n/extractEnglish.ts when this fails)', () => {
    const english = englishReferenceCatalogues(parseReferenceData(REFERENCE_FILES));
    if (!english.ok) throw new Error(english.keys.join(', '));
    expect(shipped('questionSets').en).toEqual(english.catalogues.questionSets);
    expect(shipped('reference').en).toEqual(english.catalogues.reference);
  });
});

describe('the reasons catalogue', () => {
  const english = shipped('reasons').en as Catalogue;
  it.each([
    ['request lifecycle', RejectionReason.options],
    ['authority administration', AccessRejectionReason.options],
    ['user invariants', ViolationCode.options],
  ])('has a sentence for every reason code of the %s', (_name, codes) => {
    expect(codes.filter((code) => !english[code])).toEqual([]);
  });
});
