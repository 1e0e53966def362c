// Loads language catalogues on demand: the interface texts (renderer/i18n/<lang>.json) and the shared
// catalogues of names, reasons and report labels (resources/i18n/{reference,reasons,reports}/<lang>.json). Vite turns each file
// into its own chunk, so a desk downloads only the languages its users choose. English is bundled.
import type { ResourceKey } from 'i18next';
import english from '../../i18n/en.json';
import { LanguageCode } from '../../../shared/reference/codes';

type Loaders = Record<string, () => Promise<unknown>>;

const interfaceFiles: Loaders = import.meta.glob(['../../i18n/*.json', '!../../i18n/en.json'], { import: 'default' });
const referenceFiles: Loaders = import.meta.glob('../../../resources/i18n/reference/*.json', { import: 'default' });
const reasonFiles: Loaders = import.meta.glob('../../../resources/i18n/reasons/*.json', { import: 'default' });
const reportFiles: Loaders = import.meta.glob('../../../resources/i18n/reports/*.json', { import: 'default' });

/** The i18next namespaces: the interface's own texts, and the shared catalogues it borrows names from. */
export const NAMESPACES = ['translation', 'reference', 'reasons', 'reports'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const englishInterface: Record<string, unknown> = english;

function fileOf(files: Loaders, language: string): (() => Promise<unknown>) | undefined {
  return Object.entries(files).find(([file]) => file.endsWith(`/${language}.json`))?.[1];
}

/** Shared catalogues write placeholders as `{name}`; i18next reads `{{name}}`. (Report labels are nested.) */
function withI18nextPlaceholders(catalogue: unknown): ResourceKey {
  if (typeof catalogue === 'string') return catalogue.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, '{{$1}}');
  const converted: Record<string, ResourceKey> = {};
  if (catalogue && typeof catalogue === 'object') {
    for (const [key, text] of Object.entries(catalogue)) converted[key] = withI18nextPlaceholders(text);
  }
  return converted;
}

/** Which interface languages have a catalogue in this build (English always). */
export function interfaceLanguagesWithCatalogue(): LanguageCode[] {
  return LanguageCode.options.filter((code) => code === 'en' || fileOf(interfaceFiles, code) !== undefined);
}

/**
 * One namespace of one language; a language whose file has not landed yet gives an empty catalogue, so
 * every text falls back to English (and is counted as missing) instead of the desk failing to start.
 */
export async function loadCatalogue(language: string, namespace: string): Promise<ResourceKey> {
  if (namespace === 'translation') {
    if (language === 'en') return englishInterface;
    const load = fileOf(interfaceFiles, language);
    return load ? ((await load()) as ResourceKey) : {};
  }
  const files = { reference: referenceFiles, reasons: reasonFiles, reports: reportFiles }[namespace] ?? {};
  const load = fileOf(files, language);
  return load ? withI18nextPlaceholders(await load()) : {};
}
