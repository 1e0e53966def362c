// LDA: the authority's users (SPEC §4) with reset password and unblock; the hub's invariants come back as
// reasons shown in plain words. Online only: offline the desk says so.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { errorText } from '../api/refusals';
import { Notice } from '../ui/Notice';
import { RegisterUserDialog } from './RegisterUserDialog';

export function UsersScreen() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [registering, setRegistering] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const users = useQuery(trpc.users.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
  const reset = useMutation(trpc.users.resetPassword.mutationOptions({ onSuccess: () => { setDone(t('users.passwordReset')); void refresh(); } }));
  const unblock = useMutation(trpc.users.unblock.mutationOptions({ onSuccess: () => { setDone(t('users.unblocked')); void refresh(); } }));
  const failure = users.error ?? reset.error ?? unblock.error;
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">{t('users.title')}</h1>
      {failure ? <Notice kind="error">{errorText(t, failure)}</Notice> : null}
      {done ? <Notice kind="info">{done}</Notice> : null}
      <div className="toolbar"><Button className="button button-primary" onPress={() => setRegistering(true)}>{t('users.register')}</Button></div>
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
              <Cell>{t(`users.statuses.${user.status}`)}</Cell>
              <Cell>{[...user.generalRoles, ...new Set(user.rights.flatMap((r) => r.roles))].map((r) => t(`roles.${r}`)).join(', ')}</Cell>
              <Cell>
                <Button className="button button-small" onPress={() => reset.mutate({ userId: user.id })}>{t('users.resetPassword')}</Button>
                {user.status === 'BLOCKED' ? <Button className="button button-small" onPress={() => unblock.mutate({ userId: user.id })}>{t('users.unblock')}</Button> : null}
              </Cell>
            </Row>
          )}
        </TableBody>
      </Table>
      {registering ? <RegisterUserDialog onClose={() => setRegistering(false)} onDone={() => { setRegistering(false); setDone(t('users.registered')); void refresh(); }} /> : null}
    </section>
  );
}
