// The one text normalisation of desk search, applied to indexed text and to queries alike.
// FTS5's `remove_diacritics 2` makes "München" match "munchen"; German transliteration ("Muenchen",
// "Strasse") needs more: both sides also fold ae/oe/ue → a/o/u and ß → ss, so all three spellings meet.

const TRANSLITERATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/ß/g, 'ss'],
  [/æ/g, 'ae'],
  [/œ/g, 'oe'],
  [/ø/g, 'o'],
  [/ł/g, 'l'],
  [/đ/g, 'd'],
  [/ae/g, 'a'],
  [/oe/g, 'o'],
  [/ue/g, 'u'],
];

/**
 * Lower-cases, strips combining accents (NFD) and folds transliterations. Folding "ue" everywhere also
 * turns "question" into "qustion", harmlessly: the query is folded the same way, so it still matches.
 */
export function foldForSearch(text: string): string {
  let folded = text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  for (const [pattern, replacement] of TRANSLITERATIONS) folded = folded.replace(pattern, replacement);
  return folded;
}

/**
 * A user's query as an FTS5 MATCH expression: every word must occur, each as a prefix. Words are quoted,
 * so no input can inject FTS5 syntax (AND/OR/NEAR, column filters, stray quotes). Null for an empty query.
 */
export function ftsQuery(input: string): string | null {
  const words = foldForSearch(input).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}
