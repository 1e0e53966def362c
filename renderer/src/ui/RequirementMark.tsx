// The red or orange asterisk of SPEC §5.3: red blocks saving, orange blocks sending.
import { useTranslation } from 'react-i18next';
import type { Requirement } from '../../../shared/reference/questionSet';

export function RequirementMark({ requirement }: { requirement?: Requirement | undefined }) {
  const { t } = useTranslation();
  if (!requirement || requirement === 'optional') return null;
  return (
    <span className={`asterisk asterisk-${requirement}`} title={t(`form.requirement.${requirement}`)}>
      <span aria-hidden="true">*</span>
      <span className="visually-hidden">{t(`form.requirement.${requirement}`)}</span>
    </span>
  );
}
