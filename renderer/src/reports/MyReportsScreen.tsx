// My reports (SPEC §10): the reports this user generated, kept 30 days.
import { useTranslation } from 'react-i18next';

export function MyReportsScreen() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="my-reports-title">
      <h1 id="my-reports-title">{t('nav.myReports')}</h1>
    </section>
  );
}
