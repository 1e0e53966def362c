// Checks one language's catalogue files against English, in every domain: the resource catalogues
// (resources/i18n/<domain>/<lang>.json), the hub's e-mail templates and the renderer's interface strings.
// For translators: what is missing or wrong, and with --missing the English texts still to translate.
// Run: npx tsx scripts/i18n/checkLanguage.ts <lang> [--missing]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE_DOMAINS, checkCatalogues, flattenCatalogue } from '../../shared/i18n/catalogues';
import type { Catalogue, CheckedDomain } from '../../shared/i18n/catalogues';
import { LanguageCode } from '../../shared/reference/codes';

const ROOT = join(import.meta.dirname, '../..');

/** Where each domain keeps its file for a language. */
export function catalogueFile(domain: CheckedDomain, language: LanguageCode): string {
  if (domain === 'mailTemplates') return join(ROOT, 'hub/mail/templates', `${language}.json`);
  if (domain === 'interface') return join(ROOT, 'renderer/i18n', `${language}.json`);
  return join(ROOT, 'resources/i18n', domain, `${language}.json`);
}

export const CHECKED_DOMAINS: readonly CheckedDomain[] = [...CATALOGUE_DOMAINS, 'mailTemplates', 'interface'];

/** A catalogue file flattened to dotted keys, or undefined when the language has no file yet. */
export function readCatalogue(domain: CheckedDomain, language: LanguageCode): Catalogue | undefined {
  const file = catalogueFile(domain, language);
  if (!existsSync(file)) return undefined;
  const flat = flattenCatalogue(JSON.parse(readFileSync(file, 'utf8')));
  if (!flat.ok) throw new Error(`${file}: ${flat.key} is not text`);
  return flat.catalogue;
}

function main(): number {
  const language = LanguageCode.parse(process.argv[2]);
  const showMissing = process.argv.includes('--missing');
  let problemCount = 0;
  for (const domain of CHECKED_DOMAINS) {
    const english = readCatalogue(domain, 'en');
    const translated = readCatalogue(domain, language);
    if (!english) throw new Error(`no English catalogue for ${domain}`);
    if (!translated) {
      console.log(`${domain}: no file ${catalogueFile(domain, language)}`);
      problemCount += 1;
      continue;
    }
    const problems = checkCatalogues(domain, { en: english, [language]: translated });
    problemCount += problems.length;
    console.log(`${domain}: ${problems.length ? `${problems.length} problem(s)` : 'complete'}`);
    for (const p of problems.slice(0, 50)) {
      const detail = p.code === 'PLACEHOLDERS_DIFFER' ? ` expected {${(p.expected ?? []).join('} {')}} found {${(p.found ?? []).join('} {')}}` : '';
      console.log(`  ${p.code} ${p.key ?? ''}${detail}`);
    }
    if (showMissing) {
      const missing: Record<string, string> = {};
      for (const p of problems.filter((q) => q.code === 'MISSING_KEY' || q.code === 'EMPTY_TEXT')) {
        const key = p.key ?? '';
        const base = /^(.*)_(zero|one|two|few|many|other)$/.exec(key)?.[1];
        missing[key] = english[key] ?? (base !== undefined ? english[`${base}_other`] : undefined) ?? '';
      }
      if (Object.keys(missing).length) console.log(JSON.stringify(missing, null, 2));
    }
  }
  return problemCount ? 1 : 0;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) process.exitCode = main();
