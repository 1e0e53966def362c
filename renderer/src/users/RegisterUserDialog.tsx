// Register a user of the LDA's authority (SPEC §4): name, surname, language, e-mail, telephone, an optional
// username (left empty, the hub generates one), and rights per legislative area and workflow.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_CODES, LanguageCode } from '../../../shared/reference/codes';
import type { AreaRights, User } from '../../../shared/user/user';
import { useTRPC } from '../api/trpc';
import { errorText } from '../api/refusals';
import { languageName } from '../i18n/displayNames';
import { ModalDialog } from '../ui/ModalDialog';
import { Notice } from '../ui/Notice';
import { SelectField } from '../ui/SelectField';
import { TextInput } from '../ui/TextInput';
import { RightsEditor, rightsInput } from './RightsEditor';
import type { RightsValue } from './RightsEditor';

export interface RegisterUserDialogProps {
  available: readonly AreaRights[];
  onClose: () => void;
  onDone: (user: User) => void;
}

export function RegisterUserDialog({ available, onClose, onDone }: RegisterUserDialogProps) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const [name, setName] = useState('');
  const [surname, setSurname] = useState('');
  const [email, setEmail] = useState('');
  const [telephone, setTelephone] = useState('');
  const [username, setUsername] = useState('');
  const [language, setLanguage] = useState<LanguageCode>(LanguageCode.catch('en').parse(i18n.language));
  const [rights, setRights] = useState<RightsValue>({ isLda: false, rights: [] });
  const register = useMutation(trpc.users.register.mutationOptions({ onSuccess: (user) => onDone(user) }));
  const submit = () => register.mutate({
    name, surname, email, preferredLanguage: language, telephone,
    ...(username.trim() ? { username: username.trim() } : {}),
    ...rightsInput(rights),
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
        <TextInput label={t('users.username')} value={username} onChange={setUsername} description={t('users.usernameGenerated')} />
      </div>
      <RightsEditor available={available} value={rights} onChange={setRights} />
    </ModalDialog>
  );
}
