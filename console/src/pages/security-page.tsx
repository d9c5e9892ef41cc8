/**
 * "Keamanan": the account's sessions (sign one out, or all the others), its authenticators (add
 * one, remove one but never the last), and the password change, after which the page offers to
 * sign out the other sessions.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import type { DeviceEntry, SessionEntry } from '../api/types';
import { Breadcrumb } from '../components/app-shell';
import { Field } from '../components/field';
import { ErrorNotice, Notice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { TotpSetup } from '../components/totp-setup';
import { useI18n } from '../i18n/i18n';
import { describeUserAgent, formatWib } from '../lib/format';

function Sessions() {
  const { t, lang } = useI18n();
  const [sessions, setSessions] = useState<SessionEntry[] | undefined>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string | undefined>();

  const load = useCallback(async () => {
    try {
      setSessions((await api.get('/api/v1/account/sessions')).sessions);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => void load(), [load]);

  const device = (s: SessionEntry) =>
    describeUserAgent(s.userAgent, t('security.deviceOn')) ?? t('security.unknownDevice');

  const signOut = async (session: SessionEntry) => {
    setError(undefined);
    setDone(undefined);
    try {
      await api.delete('/api/v1/account/sessions/{id}', { path: { id: session.id } });
      await load();
      setDone(t('security.sessionSignedOut'));
    } catch (e) {
      setError(e);
    }
  };
  const signOutOthers = async () => {
    setError(undefined);
    setDone(undefined);
    try {
      const { signedOut } = await api.post('/api/v1/account/sessions/sign-out-others');
      await load();
      setDone(t('security.othersSignedOut', { count: signedOut }));
    } catch (e) {
      setError(e);
    }
  };
  const others = sessions?.filter((s) => !s.current) ?? [];

  return (
    <section className="card" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('security.sessions')}</h2>
      <p className="muted">{t('security.sessionsHelp')}</p>
      <ErrorNotice error={error} />
      {done && <Notice tone="success">{done}</Notice>}
      {sessions && (
        <ul className="list">
          {sessions.map((s) => (
            <li key={s.id} className="list-item session">
              <div>
                <p className="item-title">
                  {device(s)}
                  {s.current && <span className="tag tag-current">{t('security.thisSession')}</span>}
                </p>
                <p className="muted ua" title={s.userAgent ?? undefined}>
                  {t('security.ip')}: {s.ip ?? '—'}
                </p>
                <p className="muted">
                  {t('security.lastActive')}:{' '}
                  <time dateTime={s.lastSeenAt}>{formatWib(s.lastSeenAt, lang)}</time>
                </p>
              </div>
              {!s.current && (
                <button
                  type="button"
                  className="button"
                  aria-label={t('security.signOutSessionLabel', { device: `${device(s)} (${s.ip ?? '—'})` })}
                  onClick={() => void signOut(s)}
                >
                  {t('security.signOutSession')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {sessions &&
        (others.length > 0 ? (
          <button type="button" className="button danger" onClick={() => void signOutOthers()}>
            {t('security.signOutOthers')}
          </button>
        ) : (
          <p className="muted">{t('security.noOtherSessions')}</p>
        ))}
    </section>
  );
}

function Devices() {
  const { t, lang } = useI18n();
  const [devices, setDevices] = useState<DeviceEntry[] | undefined>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState<DeviceEntry | undefined>();

  const load = useCallback(async () => {
    try {
      setDevices((await api.get('/api/v1/account/devices')).devices);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => void load(), [load]);

  const remove = async (device: DeviceEntry) => {
    setError(undefined);
    setDone(undefined);
    setConfirming(undefined);
    try {
      await api.delete('/api/v1/account/devices/{id}', { path: { id: device.id } });
      await load();
      setDone(t('security.deviceRemoved', { name: device.name }));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="card" aria-labelledby="devices-heading">
      <h2 id="devices-heading">{t('security.devices')}</h2>
      <p className="muted">{t('security.devicesHelp')}</p>
      <ErrorNotice error={error} />
      {done && <Notice tone="success">{done}</Notice>}
      {devices && (
        <ul className="list">
          {devices.map((d) => (
            <li key={d.id} className="list-item">
              <div>
                <p className="item-title">{d.name}</p>
                <p className="muted">
                  {t('security.deviceAdded')}: {formatWib(d.createdAt, lang)}
                </p>
                <p className="muted">
                  {t('security.deviceLastUsed')}:{' '}
                  {d.lastUsedAt ? formatWib(d.lastUsedAt, lang) : t('security.never')}
                </p>
              </div>
              {confirming?.id === d.id ? (
                <div
                  className="confirm"
                  role="group"
                  aria-label={t('security.confirmRemove', { name: d.name })}
                >
                  <p>{t('security.confirmRemove', { name: d.name })}</p>
                  <button type="button" className="button danger" onClick={() => void remove(d)}>
                    {t('security.confirmRemoveYes')}
                  </button>
                  <button type="button" className="button" onClick={() => setConfirming(undefined)}>
                    {t('common.cancel')}
                  </button>
                </div>
              ) : (
                <button
                  type="button"
                  className="button"
                  aria-label={t('security.removeDeviceLabel', { name: d.name })}
                  onClick={() => setConfirming(d)}
                >
                  {t('security.removeDevice')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <div className="subsection">
          <h3>{t('totp.title')}</h3>
          <TotpSetup
            intro={false}
            onCancel={() => setAdding(false)}
            onDone={async () => {
              await load();
              setAdding(false);
              setDone(t('security.deviceAddedDone'));
            }}
          />
        </div>
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => {
            setDone(undefined);
            setAdding(true);
          }}
        >
          {t('security.addDevice')}
        </button>
      )}
    </section>
  );
}

function ChangePassword() {
  const { t } = useI18n();
  const [currentPassword, setCurrentPassword] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);
  const [othersDone, setOthersDone] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setChanged(false);
    setOthersDone(undefined);
    if (password !== confirmation) {
      setError(new ApiError(400, 'ERR_PASSWORD_MISMATCH', '', undefined, undefined));
      return;
    }
    setBusy(true);
    try {
      await api.post('/api/v1/account/password', { currentPassword, password, confirmation });
      setChanged(true);
      setCurrentPassword('');
      setPassword('');
      setConfirmation('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const signOutOthers = async () => {
    try {
      const { signedOut } = await api.post('/api/v1/account/sessions/sign-out-others');
      setOthersDone(t('security.othersSignedOut', { count: signedOut }));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="card" aria-labelledby="password-heading">
      <h2 id="password-heading">{t('security.changePassword')}</h2>
      {changed && (
        <Notice tone="success">
          <p>{t('security.passwordChanged')}</p>
          {othersDone ? (
            <p>{othersDone}</p>
          ) : (
            <>
              <p>{t('security.offerSignOutOthers')}</p>
              <button type="button" className="button danger" onClick={() => void signOutOthers()}>
                {t('security.signOutOthersShort')}
              </button>
            </>
          )}
        </Notice>
      )}
      <ErrorNotice error={error} />
      <form onSubmit={(e) => void submit(e)} className="form">
        <Field
          label={t('security.currentPassword')}
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
        />
        <Field
          label={t('security.newPassword')}
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          hint={t('password.rules')}
        />
        <Field
          label={t('security.confirmPassword')}
          type="password"
          autoComplete="new-password"
          required
          value={confirmation}
          onChange={(e) => setConfirmation(e.target.value)}
        />
        <button type="submit" className="button primary" disabled={busy}>
          {t('security.changePasswordSubmit')}
        </button>
      </form>
    </section>
  );
}

export function SecurityPage() {
  const { t } = useI18n();
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('security.title') }]} />
      <PageHeading title={t('security.title')}>{t('security.title')}</PageHeading>
      <div className="stack">
        <Sessions />
        <Devices />
        <ChangePassword />
      </div>
    </>
  );
}
