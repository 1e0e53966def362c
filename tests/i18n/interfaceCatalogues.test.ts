// The renderer's interface catalogues (renderer/i18n/<lang>.json, issue 7): every language that has a file is
// complete against English with the plural forms its language needs and the same placeholders; and every key the
// components ask for with a literal t('…') exists in English, so no screen shows a raw key.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCatalogues, flattenCatalogue } from '../../shared/i18n/catalogues';
import type { Catalogue, CataloguesByLanguage } from '../../shared/i18n/catalogues';
import { LANGUAGE_CODES, LanguageCode } from '../../shared/reference/codes';

const ROOT = join(import.meta.dirname, '../..');
const CATALOGUES = join(ROOT, 'renderer/i18n');
const SOURCES = join(ROOT, 'renderer/src');

function interfaceCatalogues(): CataloguesByLanguage {
  const out: CataloguesByLanguage = {};
  for (const file of readdirSync(CATALOGUES).filter((f) => f.endsWith('.json'))) {
    const language = LanguageCode.parse(file.replace(/\.json$/, ''));
    const flat = flattenCatalogue(JSON.parse(readFileSync(join(CATALOGUES, file), 'utf8')));
    if (!flat.ok) throw new Error(`renderer/i18n/${file}: ${flat.key} is not text`);
    out[language] = flat.catalogue;
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Keys a component asks for literally: t('a.b'), t("a.b"), i18nKey="a.b". Template keys (t(`roles.${r}`)) are not literal. */
function literalKeys(): { key: string; file: string }[] {
  const found: { key: string; file: string }[] = [];
  for (const file of sourceFiles(SOURCES)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?<![\w.])t\(\s*['"]([A-Za-z][\w-]*(?:\.[\w-]+)+)['"]|i18nKey=["']([A-Za-z][\w-]*(?:\.[\w-]+)+)["']/g)) {
      found.push({ key: match[1] ?? match[2] ?? '', file: relative(ROOT, file) });
    }
  }
  return found;
}

const catalogues = interfaceCatalogues();

describe('the interface catalogues', () => {
  it('are complete, with each language\'s plural forms and the English placeholders, in every language that has a file', () => {
    const problems = checkCatalogues('interface', catalogues).map((p) => `${p.language}/${p.key ?? ''}: ${p.code}`);
    expect(problems).toEqual([]);
  });

  it('have a file for every language of the reference data', () => {
    const missing = LANGUAGE_CODES.filter((language) => !catalogues[language]);
    expect(missing).toEqual([]);
  });

  it('hold every key the components ask for', () => {
    const english = catalogues.en as Catalogue;
    const pluralBase = new Set(Object.keys(english).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));
    const unknown = literalKeys().filter(({ key }) => !(key in english) && !pluralBase.has(key) && !Object.keys(english).some((k) => k.startsWith(`${key}.`)));
    expect(unknown.map(({ key, file }) => `${file}: ${key}`)).toEqual([]);
  });
});
