// LDA: the authority's users (SPEC §4): register (the generated username shown once, to hand over outside the
// system), change username and rights, reset password, unblock, deactivate. The hub's invariants come back as
// reasons shown in plain words. Online only: offline the desk says so.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { firstUserRights } from '../../../shared/user/invariants';
import type { User } from '../../../shared/user/user';
import { useTRPC } from '../api/trpc';
import { errorText } from '../api/refusals';
import type { SignedInStatus } from '../session/useSession';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Notice } from '../ui/Notice';
import { EditUserDialog } from './EditUserDialog';
import { RegisterUserDialog } from './RegisterUserDialog';

export function UsersScreen({ session }: { session: SignedInStatus }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [registering, setRegistering] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [deactivating, setDeactivating] = useState<User | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const users = useQuery(trpc.users.list.queryOptions());
  const available = session.authority ? firstUserRights(session.authority).rights : [];
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
  const finished = (message: string) => { setDone(message); void refresh(); };
  const reset = useMutation(trpc.users.resetPassword.mutationOptions({ onSuccess: (u) => finished(t('users.passwordReset', { username: u.username })) }));
  const unblock = useMutation(trpc.users.unblock.mutationOptions({ onSuccess: (u) => finished(t('users.unblocked', { username: u.username })) }));
  const deactivate = useMutation(trpc.users.deactivate.mutationOptions({ onSuccess: (u) => finished(t('users.deactivated', { username: u.username })) }));
  const failure = users.error ?? reset.error ?? unblock.error ?? deactivate.error;
  const act = (run: () => void) => { setDone(null); reset.reset(); unblock.reset(); deactivate.reset(); run(); };

  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">{t('users.title')}</h1>
      {failure ? <Notice kind="error">{errorText(t, failure)}</Notice> : null}
      {done ? <Notice kind="info">{done}</Notice> : null}
      <div className="toolbar"><Button className="button button-primary" onPress={() => act(() => setRegistering(true))}>{t('users.register')}</Button></div>
      <Table aria-label={t('users.title')} className="users-table">
        <TableHeader>
          <Column isRowHeader>{t('users.name')}</Column>
          <Column>{t('users.username')}</Column>
          <Column>{t('users.email')}</Column>
          <Column>{t('users.status')}</Column>
          <Column>{t('users.roles')}</Column>
          <Column>{t('users.actions')}</Column>
        </TableHeader>
        <TableBody items={users.data ?? []} renderEmptyState={() => (users.isPending ? t('common.loading') : t('users.none'))}>
          {(user) => (
            <Row id={user.id}>
              <Cell>{`${user.name} ${user.surname}`}</Cell>
              <Cell>{user.username}</Cell>
              <Cell>{user.email}</Cell>
              <Cell><span data-testid={`user-status-${user.username}`}>{t(`users.statuses.${user.status}`)}</span></Cell>
              <Cell>{[...user.generalRoles, ...new Set(user.rights.flatMap((r) => r.roles))].map((r) => t(`roles.${r}`)).join(', ')}</Cell>
              <Cell>
                {user.status === 'DEACTIVATED' ? null : (
                  <div className="row-actions" aria-label={t('users.actionsFor', { username: user.username })} role="group">
                    <Button className="button button-small" onPress={() => act(() => setEditing(user))}>{t('users.edit')}</Button>
                    <Button className="button button-small" onPress={() => act(() => reset.mutate({ userId: user.id }))}>{t('users.resetPassword')}</Button>
                    {user.status === 'BLOCKED' ? <Button className="button button-small" onPress={() => act(() => unblock.mutate({ userId: user.id }))}>{t('users.unblock')}</Button> : null}
                    {user.id !== session.user.id ? <Button className="button button-small" onPress={() => act(() => setDeactivating(user))}>{t('users.deactivate')}</Button> : null}
                  </div>
                )}
              </Cell>
            </Row>
          )}
        </TableBody>
      </Table>
      {registering ? (
        <RegisterUserDialog available={available} onClose={() => setRegistering(false)}
          onDone={(user) => { setRegistering(false); finished(t('users.registered', { username: user.username })); }} />
      ) : null}
      {editing ? (
        <EditUserDialog user={editing} available={available} onClose={() => setEditing(null)}
          onDone={(user) => { setEditing(null); finished(t('users.changed', { username: user.username })); }} />
      ) : null}
      <ConfirmDialog title={t('users.deactivate')} isOpen={deactivating !== null}
        message={deactivating ? t('users.deactivateQuestion', { name: `${deactivating.name} ${deactivating.surname}`, username: deactivating.username }) : ''}
        onNo={() => setDeactivating(null)}
        onYes={() => { if (deactivating) deactivate.mutate({ userId: deactivating.id }); setDeactivating(null); }} />
    </section>
  );
}
