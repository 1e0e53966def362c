// Log-in: username, then password and the three requested positions of the security code (online), or
// the positions the desk can verify (offline). A first log-in goes on to FirstLoginScreen via the status.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import type { DeskOutputs } from '../api/trpc';
import { errorText } from '../api/refusals';
import { TextInput } from '../ui/TextInput';
import { Notice } from '../ui/Notice';
import { LanguageSwitch } from '../settings/LanguageSwitch';
import { SecurityCodeFields } from './SecurityCodeFields';
import { useApplySessionStatus } from './useSession';

type Challenge = DeskOutputs['session']['startLogin'];

export function LoginScreen() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const apply = useApplySessionStatus();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState<string[]>(['', '', '']);
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const start = useMutation(trpc.session.startLogin.mutationOptions());
  const complete = useMutation(trpc.session.completeLogin.mutationOptions({ onSuccess: apply }));
  const error = start.error ?? complete.error;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!challenge) {
      setProblem(null);
      complete.reset(); // the last refusal stays on screen until the next attempt starts
      start.mutate({ username }, { onSuccess: (next) => { setChallenge(next); setCode(next.positions.map(() => '')); } });
      return;
    }
    // A first log-in has no security code yet: the three fields stay empty (the hub never says whether one exists).
    const filled = code.filter((character) => character !== '').length;
    if (challenge.positions.length > 0 && filled > 0 && filled < challenge.positions.length) return setProblem(t('login.codeIncomplete'));
    setProblem(null);
    const codeCharacters = challenge.positions.length > 0 && filled > 0 ? code : undefined;
    complete.mutate({ challengeId: challenge.challengeId, username, password, codeCharacters }, {
      // A refused attempt needs a fresh challenge (new positions) for the next try.
      onError: () => { setChallenge(null); setCode(['', '', '']); },
    });
  };

  return (
    <main className="login-screen">
      <Form className="login-card" onSubmit={onSubmit} aria-labelledby="login-title">
        <h1 id="login-title">{t('app.title')}</h1>
        <p className="login-subtitle">{t('login.subtitle')}</p>
        <LanguageSwitch signedIn={false} />
        {problem ? <Notice kind="error">{problem}</Notice> : error ? <Notice kind="error">{errorText(t, error)}</Notice> : null}
        {challenge?.mode === 'offline' ? <Notice kind="info">{t('login.offlineNotice')}</Notice> : null}
        <TextInput label={t('login.username')} value={username} onChange={(v) => { setUsername(v); setChallenge(null); }}
          autoComplete="username" isReadOnly={challenge !== null} autoFocus name="username" />
        {challenge ? (
          <>
            <TextInput label={t('login.password')} type="password" value={password} onChange={setPassword} autoComplete="current-password" autoFocus name="password" />
            {challenge.positions.length > 0 ? <SecurityCodeFields positions={challenge.positions} values={code} onChange={setCode} showFirstTimeHint={challenge.mode !== 'offline'} /> : null}
            <div className="form-actions">
              <Button className="button" onPress={() => { setChallenge(null); setPassword(''); }}>{t('login.back')}</Button>
              <Button type="submit" className="button button-primary" isPending={complete.isPending}>{t('login.logIn')}</Button>
            </div>
          </>
        ) : (
          <div className="form-actions">
            <Button type="submit" className="button button-primary" isPending={start.isPending}>{t('login.continue')}</Button>
          </div>
        )}
      </Form>
    </main>
  );
}
