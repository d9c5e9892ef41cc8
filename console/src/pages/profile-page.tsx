/**
 * Pengaturan → Profil (seed 003 "Lihat Profil"): the own profile (NIK, NIP and phone masked by the
 * server), "Ubah Profil" with "Cek ketersediaan email", the pending request and the outcome of the
 * last one. A change is a request an RA officer decides (docs/enrollment.md).
 */
import { Fragment, useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../api/client';
import type { components } from '../api/schema';
import type { ResponseBody } from '../api/types';
import { Breadcrumb } from '../components/app-shell';
import { Field } from '../components/field';
import { ErrorNotice, LoadErrorNotice, Notice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { paths } from '../lib/paths';
import { Link } from '../lib/router';

type Profile = ResponseBody<'/api/v1/profile', 'get'>;
type ChangeRequest = components['schemas']['ChangeRequest'];

export const fieldLabel: Record<string, MessageKey> = {
  fullName: 'profile.name',
  gelarDepan: 'profile.gelarDepan',
  gelarBelakang: 'profile.gelarBelakang',
  email: 'profile.email',
  unitOrganisasi: 'profile.unit',
  jabatan: 'profile.jabatan',
  province: 'profile.province',
};

const editable = [
  'fullName',
  'gelarDepan',
  'gelarBelakang',
  'email',
  'unitOrganisasi',
  'jabatan',
  'province',
] as const;
type Editable = (typeof editable)[number];

function RequestStatus({ request, onCancel }: { request: ChangeRequest; onCancel: () => void }) {
  const { t } = useI18n();
  const changes = (
    <ul className="change-list">
      {request.changes.map((c) => (
        <li key={c.field}>
          {t('profile.change', {
            field: t(fieldLabel[c.field] ?? 'profile.empty'),
            from: c.from ?? t('profile.empty'),
            to: c.to ?? t('profile.empty'),
          })}
        </li>
      ))}
    </ul>
  );
  if (request.status === 'pending')
    return (
      <div className="notice notice-info" role="status" data-testid="pending-request">
        <p>{t('profile.pending')}</p>
        {changes}
        {request.emailChange && (
          <p>{request.emailConfirmed ? t('profile.emailConfirmed') : t('profile.pendingEmail')}</p>
        )}
        <button type="button" className="button" onClick={onCancel}>
          {t('profile.cancelRequest')}
        </button>
      </div>
    );
  if (request.status === 'approved') return <Notice tone="success">{t('profile.approved')}</Notice>;
  if (request.status === 'rejected')
    return (
      <div className="notice notice-error" role="status">
        <p>{t('profile.rejected', { reason: request.reason ?? '' })}</p>
        {changes}
      </div>
    );
  return <Notice>{t('profile.cancelled')}</Notice>;
}

export function ProfilePage() {
  const { t } = useI18n();
  const [profile, setProfile] = useState<Profile | undefined>();
  const [loadError, setLoadError] = useState<unknown>();
  const [error, setError] = useState<unknown>();
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState<Record<Editable, string>>(
    () => Object.fromEntries(editable.map((f) => [f, ''])) as Record<Editable, string>,
  );
  const [emailCheck, setEmailCheck] = useState<MessageKey | undefined>();
  const [sent, setSent] = useState(false);

  const load = useCallback(async () => {
    try {
      const p = await api.get('/api/v1/profile');
      setProfile(p);
      setForm(Object.fromEntries(editable.map((f) => [f, p[f] ?? ''])) as Record<Editable, string>);
    } catch (e) {
      setLoadError(e);
    }
  }, []);
  useEffect(() => void load(), [load]);

  const checkEmail = async () => {
    setError(undefined);
    setEmailCheck(undefined);
    try {
      const answer = await api.post('/api/v1/profile/email-availability', { email: form.email });
      setEmailCheck(
        answer.available
          ? 'profile.emailAvailable'
          : answer.reason === 'current'
            ? 'profile.emailCurrent'
            : 'profile.emailTaken',
      );
    } catch (e) {
      setError(e);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!profile) return;
    setError(undefined);
    const body: Record<string, string | null> = {};
    for (const f of editable) {
      const now = profile[f] ?? '';
      if (form[f].trim() !== now) body[f] = form[f].trim() === '' && f.startsWith('gelar') ? null : form[f];
    }
    try {
      await api.post('/api/v1/profile/change-requests', body);
      setEditing(false);
      setSent(true);
      await load();
    } catch (e) {
      setError(e);
    }
  };

  const cancel = async (id: string) => {
    setError(undefined);
    try {
      await api.post('/api/v1/profile/change-requests/{id}/cancel', {}, { path: { id } });
      setSent(false);
      await load();
    } catch (e) {
      setError(e);
    }
  };

  const row = (label: MessageKey, value: string | null | undefined, extra?: ReactNode) => (
    <Fragment key={label}>
      <dt>{t(label)}</dt>
      <dd>
        {value ?? t('profile.empty')}
        {extra}
      </dd>
    </Fragment>
  );

  return (
    <>
      <Breadcrumb
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.settings') },
          { label: t('profile.view') },
        ]}
      />
      <PageHeading title={t('profile.title')}>{t('profile.title')}</PageHeading>
      <LoadErrorNotice error={loadError} />
      {sent && <Notice tone="success">{t('profile.sent')}</Notice>}
      <ErrorNotice error={error} />
      {profile && profile.latestRequest && (
        <RequestStatus
          request={profile.latestRequest}
          onCancel={() => void cancel(profile.latestRequest!.id)}
        />
      )}
      {profile && !profile.registrationStatus && <p className="muted">{t('profile.noRegistration')}</p>}
      {profile && !editing && (
        <section className="card stack">
          <dl className="facts">
            {row('profile.name', profile.fullName)}
            {row('profile.gelarDepan', profile.gelarDepan)}
            {row('profile.gelarBelakang', profile.gelarBelakang)}
            {row('profile.nip', profile.nip)}
            {row('profile.jabatan', profile.jabatan)}
            {row('profile.province', profile.province)}
            {row('profile.nik', profile.nik)}
            {row('profile.email', profile.email)}
            {row('profile.institution', profile.institution?.name)}
            {row('profile.unit', profile.unitOrganisasi)}
            {profile.registrationStatus &&
              row(
                'profile.phone',
                profile.phone,
                <>
                  {' '}
                  <span className={profile.phoneVerified ? 'tag tag-sent' : 'tag tag-pending'}>
                    {profile.phoneVerified ? t('profile.phoneVerified') : t('profile.phoneUnverified')}
                  </span>{' '}
                  <Link to={paths.phone}>{t('profile.changePhone')}</Link>
                </>,
              )}
          </dl>
          {profile.canRequestChange && (
            <button type="button" className="button primary" onClick={() => setEditing(true)}>
              {t('profile.edit')}
            </button>
          )}
        </section>
      )}
      {profile && editing && (
        <form className="card form" onSubmit={(e) => void submit(e)} noValidate>
          <Field
            label={t('profile.name')}
            value={form.fullName}
            onChange={(e) => setForm({ ...form, fullName: e.target.value })}
            required
          />
          <Field
            label={t('profile.gelarDepan')}
            value={form.gelarDepan}
            onChange={(e) => setForm({ ...form, gelarDepan: e.target.value })}
          />
          <Field
            label={t('profile.gelarBelakang')}
            value={form.gelarBelakang}
            onChange={(e) => setForm({ ...form, gelarBelakang: e.target.value })}
          />
          <Field
            label={t('profile.email')}
            type="email"
            value={form.email}
            onChange={(e) => {
              setEmailCheck(undefined);
              setForm({ ...form, email: e.target.value });
            }}
            hint={emailCheck ? t(emailCheck) : undefined}
            required
          />
          <button type="button" className="button" onClick={() => void checkEmail()}>
            {t('profile.checkEmail')}
          </button>
          <Field
            label={t('profile.unit')}
            value={form.unitOrganisasi}
            onChange={(e) => setForm({ ...form, unitOrganisasi: e.target.value })}
            required
          />
          <Field
            label={t('profile.jabatan')}
            value={form.jabatan}
            onChange={(e) => setForm({ ...form, jabatan: e.target.value })}
            required
          />
          <Field
            label={t('profile.province')}
            value={form.province}
            onChange={(e) => setForm({ ...form, province: e.target.value })}
            required
          />
          <div className="actions">
            <button type="submit" className="button primary">
              {t('profile.save')}
            </button>
            <button type="button" className="button" onClick={() => setEditing(false)}>
              {t('profile.cancelEdit')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
