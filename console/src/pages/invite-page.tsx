/**
 * "Undang Pengguna": an RA officer or institution admin invites one person of their institution (a
 * CA admin chooses the Instansi). The answer says where the "[BSrE] Aktivasi Akun" e-mail went
 * and until when its link works, and offers "Kirim ulang tautan aktivasi" (the old link ends).
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Account, Permissions } from '../api/types';
import { Breadcrumb } from '../components/app-shell';
import { Field } from '../components/field';
import { ErrorNotice, Notice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';
import { formatWib } from '../lib/format';

interface Invited {
  accountId: string;
  email: string;
  expiresAt: string;
  resent: boolean;
  /** Whether the notice is about a re-send from this page. */
  again: boolean;
}

export function InvitePage({ account, permissions }: { account: Account; permissions: Permissions }) {
  const { t, lang } = useI18n();
  const institutionFieldId = useId();
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [institutionId, setInstitutionId] = useState(account.institutionId ?? '');
  const [institutions, setInstitutions] = useState<{ id: string; name: string }[]>([]);
  const [invited, setInvited] = useState<Invited>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (!permissions.inviteAnyInstitution) return;
    api
      .get('/api/v1/institutions', { query: { active: true, limit: 200 } })
      .then((list) => setInstitutions(list.institutions.map(({ id, name }) => ({ id, name }))))
      .catch((e: unknown) => setError(e));
  }, [permissions.inviteAnyInstitution]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setInvited(undefined);
    try {
      const address = email.trim();
      const result = await api.post('/api/v1/registrations', {
        institutionId,
        fullName: fullName.trim(),
        email: address,
        locale: lang,
      });
      setInvited({ ...result, email: address, again: false });
      setFullName('');
      setEmail('');
    } catch (e) {
      setError(e);
    }
    setBusy(false);
  };

  const resend = async () => {
    if (!invited) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.post(
        '/api/v1/registrations/{accountId}/resend-activation',
        {},
        { path: { accountId: invited.accountId } },
      );
      setInvited({ ...invited, ...result, again: true });
    } catch (e) {
      setError(e);
    }
    setBusy(false);
  };

  const heading = (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('invite.title') }]} />
      <PageHeading title={t('invite.title')}>{t('invite.title')}</PageHeading>
    </>
  );
  if (!permissions.inviteRegistrants)
    return (
      <>
        {heading}
        <p className="notice notice-error">{t('forbidden.text')}</p>
      </>
    );
  return (
    <>
      {heading}
      <p className="muted">{t('invite.help')}</p>
      <ErrorNotice error={error} />
      {invited && (
        <Notice tone="success">
          <p>
            {t(invited.again || invited.resent ? 'invite.resent' : 'invite.sent', {
              email: invited.email,
              time: formatWib(invited.expiresAt, lang),
            })}
          </p>
          <button type="button" className="button" disabled={busy} onClick={() => void resend()}>
            {t('invite.resend')}
          </button>
        </Notice>
      )}
      <section className="card">
        <form className="form" onSubmit={(e) => void submit(e)}>
          {permissions.inviteAnyInstitution && (
            <div className="field">
              <label htmlFor={institutionFieldId}>
                {t('invite.institution')}
                <span className="required" aria-hidden="true">
                  {' '}
                  *
                </span>
              </label>
              <select
                id={institutionFieldId}
                required
                value={institutionId}
                onChange={(e) => setInstitutionId(e.target.value)}
              >
                <option value="">{t('invite.chooseInstitution')}</option>
                {institutions.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <Field
            label={t('invite.fullName')}
            required
            markRequired
            autoComplete="off"
            maxLength={200}
            value={fullName}
            onChange={(e) => setFullName(e.target.value)}
          />
          <Field
            label={t('invite.email')}
            type="email"
            required
            markRequired
            autoComplete="off"
            maxLength={254}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <button type="submit" className="button primary" disabled={busy}>
            {t('invite.submit')}
          </button>
        </form>
      </section>
    </>
  );
}
