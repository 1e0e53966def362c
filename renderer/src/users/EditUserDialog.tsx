// Change a user's username and rights (SPEC §4). Each is its own hub call; the hub refuses a change that
// would leave the authority without an LDA, a handler or an allocator, and the reason is shown in words.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AreaRights, User } from '../../../shared/user/user';
import { useTRPC } from '../api/trpc';
import { errorText } from '../api/refusals';
import { ModalDialog } from '../ui/ModalDialog';
import { Notice } from '../ui/Notice';
import { TextInput } from '../ui/TextInput';
import { RightsEditor, rightsInput } from './RightsEditor';
import type { RightsValue } from './RightsEditor';

export interface EditUserDialogProps {
  user: User;
  available: readonly AreaRights[];
  onClose: () => void;
  onDone: (user: User) => void;
}

const sameRights = (a: readonly AreaRights[], b: readonly AreaRights[]) => {
  const key = (rights: readonly AreaRights[]) => rights.map((r) => `${r.area}/${r.workflow}:${[...r.roles].sort().join(',')}`).sort().join('|');
  return key(a) === key(b);
};

export function EditUserDialog({ user, available, onClose, onDone }: EditUserDialogProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [username, setUsername] = useState(user.username);
  // Only rights the authority can hand out are editable; an LDA's implied alert rights come back from the hub.
  const [rights, setRights] = useState<RightsValue>({ isLda: user.generalRoles.includes('LDA'), rights: user.rights });
  const changeUsername = useMutation(trpc.users.changeUsername.mutationOptions());
  const changeRights = useMutation(trpc.users.changeRights.mutationOptions());
  const error = changeUsername.error ?? changeRights.error;
  const pending = changeUsername.isPending || changeRights.isPending;

  const save = async () => {
    let latest = user;
    try {
      if (username.trim() !== user.username) latest = await changeUsername.mutateAsync({ userId: user.id, username: username.trim() });
      if (rights.isLda !== user.generalRoles.includes('LDA') || !sameRights(rights.rights, user.rights)) {
        latest = await changeRights.mutateAsync({ userId: user.id, ...rightsInput(rights, user) });
      }
    } catch {
      return; // shown from the mutation's error
    }
    onDone(latest);
  };

  return (
    <ModalDialog title={t('users.editTitle', { name: `${user.name} ${user.surname}` })} isOpen onClose={onClose} wide
      actions={<>
        <Button className="button" onPress={onClose}>{t('common.cancel')}</Button>
        <Button className="button button-primary" onPress={() => void save()} isPending={pending}>{t('users.save')}</Button>
      </>}>
      {error ? <Notice kind="error">{errorText(t, error)}</Notice> : null}
      <TextInput label={t('users.username')} value={username} onChange={setUsername} requirement="red" />
      <RightsEditor available={available} value={rights} onChange={setRights} />
    </ModalDialog>
  );
}
