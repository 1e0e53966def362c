// The e-mail templates as catalogues (issue 7): every language that has a file is complete against English,
// with the same placeholders; and the hub's own reason codes each have a user-facing sentence.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import reasons from '../../../resources/i18n/reasons/en.json';
import { checkCatalogues, flattenCatalogue } from '../../../shared/i18n/catalogues';
import type { CataloguesByLanguage } from '../../../shared/i18n/catalogues';
import { LANGUAGE_CODES, LanguageCode } from '../../../shared/reference/codes';
import { HubReason } from '../../errors';

const HERE = import.meta.dirname;

function templateCatalogues(): CataloguesByLanguage {
  const out: CataloguesByLanguage = {};
  for (const file of readdirSync(HERE).filter((f) => f.endsWith('.json'))) {
    const language = LanguageCode.parse(file.replace(/\.json$/, ''));
    const flat = flattenCatalogue(JSON.parse(readFileSync(join(HERE, file), 'utf8')));
    if (!flat.ok) throw new Error(`${file}: ${flat.key} is not text`);
    out[language] = flat.catalogue;
  }
  return out;
}

describe('the e-mail templates', () => {
  it('are complete, with the English placeholders, in every language that has a file', () => {
    const problems = checkCatalogues('mailTemplates', templateCatalogues()).map((p) => `${p.language}/${p.key ?? ''}: ${p.code}`);
    expect(problems).toEqual([]);
  });

  it('exist in every language of the reference data', () => {
    const catalogues = templateCatalogues();
    expect(LANGUAGE_CODES.filter((language) => !catalogues[language])).toEqual([]);
  });
});

describe('the reasons catalogue', () => {
  it('has a sentence for every hub reason code', () => {
    const english: Record<string, string> = reasons;
    expect(HubReason.options.filter((code) => !english[code])).toEqual([]);
  });
});
