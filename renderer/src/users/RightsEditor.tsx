// Rights per legislative area and workflow (SPEC §4), offered only as far as the authority's access goes,
// plus the local data administrator role. Presentational: the dialogs own the state.
import { Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AreaRights, ContentRole, GeneralRole, User } from '../../../shared/user/user';
import { areaName } from '../i18n/displayNames';

export interface RightsValue {
  isLda: boolean;
  rights: AreaRights[];
}

export interface RightsEditorProps {
  /** Every right the authority can hand out (shared/user/invariants firstUserRights). */
  available: readonly AreaRights[];
  value: RightsValue;
  onChange: (value: RightsValue) => void;
}

function rolesOf(rights: readonly AreaRights[], area: AreaRights['area'], workflow: AreaRights['workflow']): string[] {
  return rights.find((r) => r.area === area && r.workflow === workflow)?.roles ?? [];
}

export function RightsEditor({ available, value, onChange }: RightsEditorProps) {
  const { t, i18n } = useTranslation();
  const setRoles = (slot: AreaRights, roles: string[]) => {
    const others = value.rights.filter((r) => !(r.area === slot.area && r.workflow === slot.workflow));
    const chosen = slot.roles.filter((role) => roles.includes(role)) as ContentRole[];
    onChange({ ...value, rights: chosen.length ? [...others, { area: slot.area, workflow: slot.workflow, roles: chosen }] : others });
  };
  return (
    <div className="rights-editor">
      <Checkbox className="checkbox" isSelected={value.isLda} onChange={(isLda) => onChange({ ...value, isLda })}>
        <span className="checkbox-box" aria-hidden="true" />{t('roles.LDA')}
      </Checkbox>
      {available.map((slot) => (
        <CheckboxGroup key={`${slot.area}-${slot.workflow}`} className="field rights-group"
          value={rolesOf(value.rights, slot.area, slot.workflow)} onChange={(roles) => setRoles(slot, roles)}>
          <Label>{t('users.rightsIn', { area: areaName(slot.area, i18n.language), workflow: t(`users.workflows.${slot.workflow}`) })}</Label>
          {slot.roles.map((role) => (
            <Checkbox key={role} value={role} className="checkbox"><span className="checkbox-box" aria-hidden="true" />{t(`roles.${role}`)}</Checkbox>
          ))}
        </CheckboxGroup>
      ))}
    </div>
  );
}

/**
 * The hub's rights input from the editor's value: BASIC_USER is everyone's, LDA is the box above, and other
 * general roles the user already holds (a coordinator's data administrator) are kept as they are.
 */
export function rightsInput(value: RightsValue, current: Pick<User, 'generalRoles' | 'dataAdministratorAreas'> = { generalRoles: [], dataAdministratorAreas: [] }) {
  const kept = current.generalRoles.filter((role) => role !== 'LDA' && role !== 'BASIC_USER');
  const generalRoles: GeneralRole[] = [...(value.isLda ? (['LDA'] as const) : []), 'BASIC_USER', ...kept];
  return { generalRoles, dataAdministratorAreas: current.dataAdministratorAreas, rights: value.rights };
}
