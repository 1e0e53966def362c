// Request summary and subject: the common part and the subject section, personal fields masked below FULL.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { hrefOf } from '../app/useHashRoute';
import type { FieldDefinition } from '../../../shared/reference/questionSet';
import type { FieldValues } from '../../../shared/request/requestCase';
import { useLocalize } from '../i18n/useFreeTextLanguage';
import { FieldValueText } from './FieldValueText';
import type { FullCase, QuestionSetData, SubjectSectionData } from './useRequest';

function FieldList({ fields, values, seesPersonalData }: { fields: readonly FieldDefinition[]; values: FieldValues; seesPersonalData: boolean }) {
  const localize = useLocalize();
  return (
    <dl className="field-list">
      {fields.map((field) => (
        <div key={field.id}>
          <dt>{localize(field.label)}</dt>
          <dd data-testid={`value-${field.id}`}><FieldValueText field={field} value={values[field.id]} masked={field.personal && !seesPersonalData} /></dd>
        </div>
      ))}
    </dl>
  );
}

export interface SummaryTabProps {
  c: FullCase;
  seesPersonalData: boolean;
  questionSet: QuestionSetData | undefined;
  subjectSection: SubjectSectionData | undefined;
  /** The masking ends when the user's authority accepts (a responder's reader); otherwise it is the user's level (allocator, coordinator). */
  untilAccepted?: boolean | undefined;
}

export function SummaryTab({ c, seesPersonalData, questionSet, subjectSection, untilAccepted = true }: SummaryTabProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  return (
    <div className="tab-content">
      <h2>{t('request.tabs.summary')}</h2>
      <dl className="field-list">
        <div><dt>{t('request.proposedDueDays')}</dt><dd>{c.proposedDueDays ?? '—'}</dd></div>
        {c.acceptedDays !== null ? <div><dt>{t('request.acceptedDays')}</dt><dd>{c.acceptedDays}</dd></div> : null}
        {c.summary ? <div><dt>{t('request.summary')}</dt><dd>{c.summary.text}</dd></div> : null}
        {c.referencedEntryNumber ? <div><dt>{t('request.referencedEntryNumber')}</dt><dd>{c.referencedEntryNumber}</dd></div> : null}
        {c.splitFromCaseId ? <div><dt>{t('request.splitFrom')}</dt><dd><CaseLink id={c.splitFromCaseId} /></dd></div> : null}
        {c.splitIntoCaseIds.length > 0 ? (
          <div><dt>{t('request.splitInto')}</dt><dd>{c.splitIntoCaseIds.map((id) => <CaseLink key={id} id={id} />)}</dd></div>
        ) : null}
      </dl>
      {questionSet && questionSet.formFields.length > 0 ? <FieldList fields={questionSet.formFields} values={c.formFields} seesPersonalData={seesPersonalData} /> : null}
      {subjectSection ? (
        <section aria-labelledby="subject-title">
          <h2 id="subject-title">{localize(subjectSection.title)}</h2>
          {!seesPersonalData ? <p className="notice notice-info">{t(untilAccepted ? 'request.personalDataHidden' : 'request.personalDataNotAtYourLevel')}</p> : null}
          <FieldList fields={subjectSection.fields} values={c.subject} seesPersonalData={seesPersonalData} />
        </section>
      ) : null}
    </div>
  );
}

/** A request that references this one (split), by its number when this user can see it. */
function CaseLink({ id }: { id: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const other = useQuery(trpc.requests.get.queryOptions({ id }, { retry: false }));
  if (other.isPending) return <span className="case-link">{t('common.loading')}</span>;
  const entryNumber = (other.data as { view: { case: { entryNumber: number | null } } } | undefined)?.view.case.entryNumber;
  if (other.isError || entryNumber === undefined) return <span className="case-link">{t('request.notVisible')}</span>;
  return (
    <Link className="case-link" href={hrefOf({ name: 'request', id })}>
      {entryNumber === null ? t('request.numberPending') : t('request.entryNumber', { number: entryNumber })}
    </Link>
  );
}
