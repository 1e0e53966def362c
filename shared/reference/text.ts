// Texts: pre-translated (keyed by language, English always present) and free text (with its language).
import { z } from 'zod';
import { LanguageCode } from './codes';

/** A pre-translated text. English is the fallback and must exist; other languages may be added as data. */
export const LocalizedText = z
  .partialRecord(LanguageCode, z.string().min(1))
  .refine((t) => typeof t.en === 'string' && t.en.length > 0, { message: 'English text is required' });
export type LocalizedText = z.infer<typeof LocalizedText>;

export const FREE_TEXT_MAX = 20_000;
/** Text typed by a user: it always records the language it was written in (SPEC §5.6). */
export const FreeText = z.object({
  text: z.string().max(FREE_TEXT_MAX),
  language: LanguageCode,
});
export type FreeText = z.infer<typeof FreeText>;

/** Picks the text in `language`, falling back to English. */
export function localize(text: LocalizedText, language: LanguageCode): string {
  return text[language] ?? text.en ?? '';
}
