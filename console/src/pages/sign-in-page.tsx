import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useAppState } from '../app-state';
import { AuthLayout } from '../components/auth-layout';
import { Field } from '../components/field';
import { ErrorNotice, Notice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';
import { Link } from '../lib/router';

/** BeID: "Username atau Email", "Password", "Ingat Akun ini", "Lupa Password", "Masuk". */
export function SignInPage() {
  const { t } = useI18n();
  const { flash, setFlash, followStep } = useAppState();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setFlash(undefined);
    try {
      const result = await api.post('/api/v1/auth/sign-in', { login, password, remember });
      await followStep(result, 'login');
    } catch (e) {
      // One message for a wrong username and a wrong password alike (the server sends one code).
      setError(e);
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <AuthLayout>
      <PageHeading title={t('signIn.submit')}>{t('signIn.title')}</PageHeading>
      {flash && <Notice tone={flash.tone}>{t(flash.key)}</Notice>}
      <ErrorNotice error={error} />
      <form onSubmit={(e) => void submit(e)} className="form">
        <Field
          label={t('signIn.login')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={login}
          onChange={(e) => setLogin(e.target.value)}
        />
        <Field
          label={t('signIn.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <div className="form-row">
          <label className="checkbox">
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />{' '}
            {t('signIn.remember')}
          </label>
          <Link to="/lupa-password">{t('signIn.forgot')}</Link>
        </div>
        <button type="submit" className="button primary block" disabled={busy}>
          {busy ? t('signIn.working') : t('signIn.submit')}
        </button>
      </form>
      <p className="auth-alt">
        <Link to="/daftar">{t('signIn.register')}</Link>
      </p>
    </AuthLayout>
  );
}
