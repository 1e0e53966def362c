// Shows a stored form value in words: text, date, yes/no, chosen options; asterisks where personal data is withheld.
import { useTranslation } from 'react-i18next';
import type { FieldDefinition } from '../../../shared/reference/questionSet';
import type { FieldValue } from '../../../shared/request/requestCase';
import { countryName, formatDate, languageName } from '../i18n/displayNames';
import { useLocalize } from '../i18n/useFreeTextLanguage';

export const MASK = '********';

export function FieldValueText({ field, value, masked }: { field: FieldDefinition; value: FieldValue | undefined; masked: boolean }) {
  const { t, i18n } = useTranslation();
  const localize = useLocalize();
  if (masked) return <span className="masked" aria-label={t('request.masked')}>{MASK}</span>;
  if (value === undefined || value === null || value === '') return <span className="empty-value">—</span>;
  if (typeof value === 'boolean') return <>{value ? t('common.yes') : t('common.no')}</>;
  const labelOf = (id: string) => {
    const option = field.options?.find((o) => o.id === id);
    if (option) return localize(option.label);
    if (field.kind === 'country') return countryName(id, i18n.language);
    if (field.kind === 'language') return languageName(id, i18n.language);
    return id;
  };
  if (Array.isArray(value)) return <>{value.map(labelOf).join(', ')}</>;
  if (field.kind === 'date') return <>{formatDate(value, i18n.language)}</>;
  if (field.kind === 'country' || field.kind === 'language' || field.kind === 'choice') return <>{labelOf(value)}</>;
  return <>{value}</>;
}
