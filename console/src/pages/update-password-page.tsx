import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { useAppState } from '../app-state';
import { AuthLayout } from '../components/auth-layout';
import { Field } from '../components/field';
import { ErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';
import { useFlow } from '../lib/use-flow';

/** "Update password": a required new password, twice; the policy's refusals are listed. */
export function UpdatePasswordPage() {
  const { t } = useI18n();
  const { followStep } = useAppState();
  const { flow, error: flowError } = useFlow('update_password');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (password !== confirmation) {
      setError(new ApiError(400, 'ERR_PASSWORD_MISMATCH', '', undefined, undefined));
      return;
    }
    setBusy(true);
    try {
      const result = await api.post('/api/v1/auth/new-password', { password, confirmation });
      await followStep(result, flow?.kind);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <AuthLayout>
      <PageHeading title={t('updatePassword.title')}>{t('updatePassword.title')}</PageHeading>
      <ErrorNotice error={flowError} />
      {flow && (
        <form onSubmit={(e) => void submit(e)} className="form">
          <p className="notice notice-warning">{t('updatePassword.notice')}</p>
          <ErrorNotice error={error} />
          <Field
            label={t('updatePassword.new')}
            type="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            hint={t('password.rules')}
          />
          <Field
            label={t('updatePassword.confirm')}
            type="password"
            autoComplete="new-password"
            required
            value={confirmation}
            onChange={(e) => setConfirmation(e.target.value)}
          />
          <button type="submit" className="button primary block" disabled={busy}>
            {t('updatePassword.submit')}
          </button>
        </form>
      )}
    </AuthLayout>
  );
}
