// Mechanical catalogue keys for every pre-translated text (LocalizedText) inside a JSON tree: the key is the
// path to the text, with list items named by their id (or code, or area) so keys survive reordering.
import { LANGUAGE_CODES } from '../reference/codes';

const LANGUAGES: ReadonlySet<string> = new Set(LANGUAGE_CODES);

/** A pre-translated text as found in the data: English plus any languages already inline. */
export type TextByLanguage = Readonly<Partial<Record<string, string>>>;

/** Whether a value is a pre-translated text: only language codes as keys, strings as values, English present. */
export function isLocalizedText(value: unknown): value is TextByLanguage {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return typeof (value as Record<string, unknown>).en === 'string' && entries.every(([k, v]) => LANGUAGES.has(k) && typeof v === 'string');
}

/** The name of a list item in a key: its id, code or area, else its position. */
function itemName(item: unknown, index: number): string {
  if (item !== null && typeof item === 'object') {
    const named = item as Record<string, unknown>;
    for (const field of ['id', 'code', 'area'] as const) if (typeof named[field] === 'string') return named[field];
  }
  return String(index);
}

/**
 * Copies `tree`, replacing each pre-translated text with `replace(key, text)`. Keys start with `prefix`;
 * items of a `children` list (hierarchical classifications, whose codes are unique) restart at the
 * prefix's first segment, so `economicActivities.32.5.label` does not spell out the whole ancestry.
 */
export function mapLocalizedTexts<T>(tree: T, prefix: readonly string[], replace: (key: string, text: TextByLanguage) => TextByLanguage): T {
  const root = prefix.slice(0, 1);
  const walk = (value: unknown, path: readonly string[]): unknown => {
    if (isLocalizedText(value)) return replace(path.join('.'), value);
    if (Array.isArray(value)) return value.map((item, i) => walk(item, [...path, itemName(item, i)]));
    if (value !== null && typeof value === 'object') {
      const copy: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) copy[k] = Array.isArray(v) && k === 'children' ? v.map((item, i) => walk(item, [...root, itemName(item, i)])) : walk(v, [...path, k]);
      return copy;
    }
    return value;
  };
  return walk(tree, prefix) as T;
}

/** Every pre-translated text of `tree` with its key, in document order. */
export function localizedTextsOf(tree: unknown, prefix: readonly string[]): [key: string, text: TextByLanguage][] {
  const found: [string, TextByLanguage][] = [];
  mapLocalizedTexts(tree, prefix, (key, text) => {
    found.push([key, text]);
    return text;
  });
  return found;
}
