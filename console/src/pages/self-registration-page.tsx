/**
 * "Daftar" (seed 002): self-registration at an institution that allows it. Choose the Instansi,
 * give Nama Lengkap and an e-mail at its domains; the answer is the same neutral "Periksa email
 * Anda" whether or not the address already has an account.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { AuthLayout } from '../components/auth-layout';
import { Field } from '../components/field';
import { ErrorNotice, Notice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';
import { paths } from '../lib/paths';
import { Link } from '../lib/router';

interface OpenInstitution {
  id: string;
  name: string;
  emailDomains: string[];
}

export function SelfRegistrationPage() {
  const { t, lang } = useI18n();
  const institutionFieldId = useId();
  const [institutions, setInstitutions] = useState<OpenInstitution[]>();
  const [institutionId, setInstitutionId] = useState('');
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    api
      .get('/api/v1/self-registration/institutions')
      .then((list) => setInstitutions(list.institutions))
      .catch((e: unknown) => setError(e));
  }, []);

  const chosen = institutions?.find((i) => i.id === institutionId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.post('/api/v1/self-registration', {
        institutionId,
        fullName: fullName.trim(),
        email: email.trim(),
        locale: lang,
      });
      setSent(true);
    } catch (e) {
      setError(e);
    }
    setBusy(false);
  };

  if (sent)
    return (
      <AuthLayout>
        <PageHeading title={t('selfReg.checkEmail')}>{t('selfReg.checkEmail')}</PageHeading>
        <Notice tone="success">
          <p>{t('selfReg.sent')}</p>
        </Notice>
        <p>
          <Link to={paths.signIn}>{t('forgot.back')}</Link>
        </p>
      </AuthLayout>
    );
  return (
    <AuthLayout>
      <PageHeading title={t('selfReg.title')}>{t('selfReg.title')}</PageHeading>
      <p className="muted">{t('selfReg.help')}</p>
      <ErrorNotice error={error} />
      {institutions && institutions.length === 0 ? (
        <p className="notice notice-info">{t('selfReg.none')}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} className="form">
          <div className="field">
            <label htmlFor={institutionFieldId}>{t('invite.institution')}</label>
            <select
              id={institutionFieldId}
              required
              value={institutionId}
              onChange={(e) => setInstitutionId(e.target.value)}
            >
              <option value="">{t('invite.chooseInstitution')}</option>
              {(institutions ?? []).map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </select>
          </div>
          <Field
            label={t('invite.fullName')}
            name="name"
            autoComplete="name"
            required
            maxLength={200}
            value={fullName}
            onChange={(e) => setFullName(e.target.value)}
          />
          <Field
            label={t('invite.email')}
            type="email"
            name="email"
            autoComplete="email"
            required
            maxLength={254}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            hint={
              chosen && chosen.emailDomains.length > 0
                ? t('selfReg.domains', { domains: chosen.emailDomains.map((d) => `@${d}`).join(', ') })
                : undefined
            }
          />
          <div className="form-row">
            <Link to={paths.signIn}>{t('forgot.back')}</Link>
            <button type="submit" className="button primary" disabled={busy}>
              {t('selfReg.submit')}
            </button>
          </div>
        </form>
      )}
    </AuthLayout>
  );
}
