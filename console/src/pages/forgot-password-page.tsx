import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useAppState } from '../app-state';
import { AuthLayout } from '../components/auth-layout';
import { Field } from '../components/field';
import { ErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';
import { Link, useNavigate } from '../lib/router';

/**
 * "Lupa Password". The answer is the same whether or not the address has an account, so the
 * page says the same thing in every case (on the sign-in page, as BeID does).
 */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { setFlash } = useAppState();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.post('/api/v1/auth/forgot-password', { email: email.trim() });
      setFlash({ tone: 'success', key: 'forgot.sent' });
      void navigate('/masuk');
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <AuthLayout>
      <PageHeading title={t('forgot.title')}>{t('forgot.title')}</PageHeading>
      <ErrorNotice error={error} />
      <form onSubmit={(e) => void submit(e)} className="form">
        <Field
          label={t('forgot.email')}
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          hint={t('forgot.help')}
        />
        <div className="form-row">
          <Link to="/masuk">{t('forgot.back')}</Link>
          <button type="submit" className="button primary" disabled={busy}>
            {t('forgot.submit')}
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
