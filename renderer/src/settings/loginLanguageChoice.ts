// A language picked on the log-in screen is meant for the person logging in: kept here until the sign-in
// completes, then saved as that user's interface language (useInterfaceLanguage). Memory only, per page.
import type { LanguageCode } from '../../../shared/reference/codes';

let choice: LanguageCode | null = null;

export function rememberLoginChoice(language: LanguageCode): void {
  choice = language;
}

/** The choice made on the log-in screen since the page loaded, once. */
export function takeLoginChoice(): LanguageCode | null {
  const taken = choice;
  choice = null;
  return taken;
}
