/**
 * "Buat akun": username, e-mail, full name, roles and the e-mail language. The account is created
 * in the administrator's institution, without a password; the next step is the UPDATE_PASSWORD
 * link from the account's page, where this page leads.
 */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Permissions, Role } from '../api/types';
import { useAppState } from '../app-state';
import { Breadcrumb } from '../components/app-shell';
import { Field } from '../components/field';
import { ErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';
import { roleName } from '../lib/roles';
import { Link, useNavigate } from '../lib/router';

export function AdminAccountCreatePage({ permissions }: { permissions: Permissions }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { setFlash } = useAppState();
  const rolesId = useId();
  const localeId = useId();
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [fullName, setFullName] = useState('');
  const [roles, setRoles] = useState<Role[]>(
    permissions.createAccountRoles.includes('subscriber') ? ['subscriber'] : [],
  );
  const [locale, setLocale] = useState<'id' | 'en'>('id');
  const [rolesMissing, setRolesMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const toggle = (role: Role, on: boolean) => {
    setRolesMissing(false);
    setRoles((current) => (on ? [...current, role] : current.filter((r) => r !== role)));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (roles.length === 0) {
      setRolesMissing(true);
      return;
    }
    setBusy(true);
    try {
      const { account } = await api.post('/api/v1/admin/accounts', {
        username: username.trim(),
        email: email.trim(),
        fullName: fullName.trim(),
        roles,
        locale,
      });
      setFlash({ tone: 'success', key: 'accountCreate.created' });
      void navigate(`/admin/akun/${account.id}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const breadcrumb = (
    <Breadcrumb
      items={[
        { label: t('nav.home'), to: '/' },
        { label: t('accounts.title'), to: '/admin/akun' },
        { label: t('accountCreate.title') },
      ]}
    />
  );
  if (permissions.createAccountRoles.length === 0)
    return (
      <>
        {breadcrumb}
        <PageHeading title={t('accountCreate.title')}>{t('accountCreate.title')}</PageHeading>
        <p className="notice notice-error">{t('forbidden.text')}</p>
      </>
    );
  return (
    <>
      {breadcrumb}
      <PageHeading title={t('accountCreate.title')}>{t('accountCreate.title')}</PageHeading>
      <p className="muted">{t('accountCreate.help')}</p>
      <ErrorNotice error={error} overrides={{ ERR_INPUT_INVALID: 'accountCreate.invalid' }} />
      <section className="card">
        <form className="form" onSubmit={(e) => void submit(e)}>
          <Field
            label={t('accounts.username')}
            hint={t('accountCreate.usernameHint')}
            required
            markRequired
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            minLength={3}
            maxLength={64}
            pattern="[A-Za-z0-9][A-Za-z0-9._\-]{2,63}"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
          <Field
            label={t('accounts.email')}
            type="email"
            required
            markRequired
            autoComplete="off"
            maxLength={254}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Field
            label={t('accounts.fullName')}
            required
            markRequired
            autoComplete="off"
            maxLength={200}
            value={fullName}
            onChange={(e) => setFullName(e.target.value)}
          />
          <fieldset
            className="choices"
            aria-describedby={rolesMissing ? `${rolesId}-missing` : undefined}
            aria-invalid={rolesMissing || undefined}
          >
            <legend>
              {t('accountCreate.roles')}
              <span className="required" aria-hidden="true">
                {' '}
                *
              </span>
            </legend>
            {permissions.createAccountRoles.map((role) => (
              <label key={role} className="checkbox">
                <input
                  type="checkbox"
                  checked={roles.includes(role)}
                  onChange={(e) => toggle(role, e.target.checked)}
                />
                {roleName(role, t)}
              </label>
            ))}
            {rolesMissing && (
              <p className="hint field-error" id={`${rolesId}-missing`} role="alert">
                {t('accountCreate.rolesRequired')}
              </p>
            )}
          </fieldset>
          <div className="field">
            <label htmlFor={localeId}>{t('accountCreate.locale')}</label>
            <select id={localeId} value={locale} onChange={(e) => setLocale(e.target.value as 'id' | 'en')}>
              <option value="id">{t('locale.id')}</option>
              <option value="en">{t('locale.en')}</option>
            </select>
          </div>
          <button type="submit" className="button primary" disabled={busy}>
            {t('accountCreate.submit')}
          </button>
        </form>
      </section>
      <p>
        <Link to="/admin/akun">{t('accounts.back')}</Link>
      </p>
    </>
  );
}
