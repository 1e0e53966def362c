// Register a user of the LDA's authority: name, surname, language, e-mail, phone and request rights per area.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_CODES, LEGISLATIVE_AREAS, LanguageCode } from '../../../shared/reference/codes';
import { RequestRole } from '../../../shared/user/user';
import { useTRPC } from '../api/trpc';
import { errorText } from '../api/refusals';
import { languageName } from '../i18n/displayNames';
import { ModalDialog } from '../ui/ModalDialog';
import { Notice } from '../ui/Notice';
import { SelectField } from '../ui/SelectField';
import { TextInput } from '../ui/TextInput';

export function RegisterUserDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const [name, setName] = useState('');
  const [surname, setSurname] = useState('');
  const [email, setEmail] = useState('');
  const [telephone, setTelephone] = useState('');
  const [language, setLanguage] = useState<LanguageCode>(LanguageCode.catch('en').parse(i18n.language));
  const [roles, setRoles] = useState<Record<string, string[]>>({});
  const register = useMutation(trpc.users.register.mutationOptions({ onSuccess: onDone }));
  const submit = () => register.mutate({
    name, surname, email, preferredLanguage: language, telephone,
    generalRoles: ['BASIC_USER'], dataAdministratorAreas: [],
    rights: LEGISLATIVE_AREAS.filter((a) => (roles[a] ?? []).length > 0)
      .map((area) => ({ area, workflow: 'REQUEST' as const, roles: (roles[area] ?? []).map((r) => RequestRole.parse(r)) })),
  });
  return (
    <ModalDialog title={t('users.register')} isOpen onClose={onClose} wide
      actions={<>
        <Button className="button" onPress={onClose}>{t('common.cancel')}</Button>
        <Button className="button button-primary" onPress={submit} isPending={register.isPending}>{t('users.register')}</Button>
      </>}>
      {register.error ? <Notice kind="error">{errorText(t, register.error)}</Notice> : null}
      <div className="form-grid">
        <TextInput label={t('users.firstName')} value={name} onChange={setName} requirement="red" />
        <TextInput label={t('users.surname')} value={surname} onChange={setSurname} requirement="red" />
        <TextInput label={t('users.email')} type="email" value={email} onChange={setEmail} requirement="red" />
        <TextInput label={t('users.telephone')} type="tel" value={telephone} onChange={setTelephone} />
        <SelectField label={t('users.language')} value={language} requirement="red"
          onChange={(v) => { const p = LanguageCode.safeParse(v); if (p.success) setLanguage(p.data); }}
          options={LANGUAGE_CODES.map((c) => ({ id: c, label: languageName(c, i18n.language) }))} />
      </div>
      {LEGISLATIVE_AREAS.map((area) => (
        <CheckboxGroup key={area} className="field" value={roles[area] ?? []} onChange={(v) => setRoles((r) => ({ ...r, [area]: v }))}>
          <Label>{t('users.rightsIn', { area: t(`areas.${area}`) })}</Label>
          {RequestRole.options.filter((r) => r !== 'REFERRAL_HANDLER').map((role) => (
            <Checkbox key={role} value={role} className="checkbox"><span className="checkbox-box" aria-hidden="true" />{t(`roles.${role}`)}</Checkbox>
          ))}
        </CheckboxGroup>
      ))}
    </ModalDialog>
  );
}
