import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useAppState } from '../app-state';
import { AuthLayout } from '../components/auth-layout';
import { Field } from '../components/field';
import { ErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';
import { useFlow } from '../lib/use-flow';

/** The `password` step of a RESET_OTP_DEVICE link: the password stands in for the lost device. */
export function PasswordStepPage() {
  const { t } = useI18n();
  const { followStep } = useAppState();
  const { flow, error: flowError } = useFlow('password');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.post('/api/v1/auth/password', { password });
      await followStep(result, flow?.kind);
    } catch (e) {
      setError(e);
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <AuthLayout>
      <PageHeading title={t('passwordStep.title')}>{t('passwordStep.title')}</PageHeading>
      <ErrorNotice error={flowError} />
      {flow && (
        <form onSubmit={(e) => void submit(e)} className="form">
          <p className="signing-in-as">{flow.account.username}</p>
          <p>{t('passwordStep.help')}</p>
          <ErrorNotice error={error} />
          <Field
            label={t('signIn.password')}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" className="button primary block" disabled={busy}>
            {t('passwordStep.submit')}
          </button>
        </form>
      )}
    </AuthLayout>
  );
}
