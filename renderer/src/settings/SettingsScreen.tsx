// Settings of the signed-in user (SPEC §13): the interface language, with how dates and numbers then look.
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../i18n/displayNames';
import { LanguageSwitch } from './LanguageSwitch';

/** A fixed moment and number, so the preview shows the locale's conventions rather than today's date. */
const SAMPLE_MOMENT = '2026-03-01T14:30:00Z';
const SAMPLE_NUMBER = 1234567.89;

export function SettingsScreen() {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="settings-title" className="settings-screen">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <LanguageSwitch signedIn />
      <p data-testid="settings-preview">
        {t('settings.preview', { date: formatDateTime(SAMPLE_MOMENT, i18n.language), number: formatNumber(SAMPLE_NUMBER, i18n.language) })}
      </p>
    </section>
  );
}
