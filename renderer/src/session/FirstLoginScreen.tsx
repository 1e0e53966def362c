// First log-in (SPEC §4): replace the temporary password and choose the 12-character security code.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { errorText } from '../api/refusals';
import { TextInput } from '../ui/TextInput';
import { Notice } from '../ui/Notice';
import { useApplySessionStatus } from './useSession';
import type { SessionStatus } from './useSession';

type FirstLogin = Extract<SessionStatus, { state: 'firstLoginRequired' }>;

/** The code's rule (SPEC §4): 12 characters of letters, digits and symbols. */
const CODE_LENGTH = 12;

export function FirstLoginScreen({ status }: { status: FirstLogin }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const apply = useApplySessionStatus();
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [securityCode, setSecurityCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const complete = useMutation(trpc.session.completeFirstLogin.mutationOptions({ onSuccess: apply }));
  const logout = useMutation(trpc.session.logout.mutationOptions({ onSuccess: apply }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (status.mustChangePassword && newPassword !== repeat) return setProblem(t('firstLogin.passwordsDiffer'));
    if (status.mustSetSecurityCode && securityCode.length !== CODE_LENGTH) return setProblem(t('firstLogin.codeLength', { length: CODE_LENGTH }));
    setProblem(null);
    complete.mutate({ newPassword, securityCode: status.mustSetSecurityCode ? securityCode : undefined });
  };

  return (
    <main className="login-screen">
      <Form className="login-card" onSubmit={onSubmit} aria-labelledby="first-login-title">
        <h1 id="first-login-title">{t('firstLogin.title')}</h1>
        <p>{t('firstLogin.welcome', { name: `${status.user.name} ${status.user.surname}` })}</p>
        {problem ? <Notice kind="error">{problem}</Notice> : null}
        {complete.error ? <Notice kind="error">{errorText(t, complete.error)}</Notice> : null}
        {status.mustChangePassword ? (
          <>
            <TextInput label={t('firstLogin.newPassword')} type="password" value={newPassword} onChange={setNewPassword} autoComplete="new-password" autoFocus />
            <TextInput label={t('firstLogin.repeatPassword')} type="password" value={repeat} onChange={setRepeat} autoComplete="new-password" />
          </>
        ) : null}
        {status.mustSetSecurityCode ? (
          <TextInput label={t('firstLogin.securityCode')} type="password" value={securityCode} onChange={setSecurityCode}
            description={t('firstLogin.codeRule', { length: CODE_LENGTH })} maxLength={CODE_LENGTH} autoComplete="off" />
        ) : null}
        <div className="form-actions">
          <Button className="button" onPress={() => logout.mutate()}>{t('common.cancel')}</Button>
          <Button type="submit" className="button button-primary" isPending={complete.isPending}>{t('firstLogin.submit')}</Button>
        </div>
      </Form>
    </main>
  );
}
