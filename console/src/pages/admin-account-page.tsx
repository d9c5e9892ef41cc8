/**
 * One account for its administrators (AMS "Tinjau Ulang"): who it is, whether it is locked, with
 * "Buka kunci"; its open links ("Tautan Aktif") and "Kirim tautan melalui email pengguna" for
 * RESET_OTP_DEVICE or UPDATE_PASSWORD. Every action asks for confirmation first; what this
 * administrator may do comes from the server with the account.
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../api/client';
import type { AccountDetail, ActiveLink, AdminLinkAction } from '../api/types';
import { useAppState } from '../app-state';
import { Breadcrumb } from '../components/app-shell';
import { ErrorNotice, LoadErrorNotice, Notice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { isMessageKey, useI18n } from '../i18n/i18n';
import { formatWib } from '../lib/format';
import { roleName } from '../lib/roles';
import { Link } from '../lib/router';
import { AccountStatus } from './admin-accounts-page';

const linkActions: AdminLinkAction[] = ['UPDATE_PASSWORD', 'RESET_OTP_DEVICE'];

/** A success notice that takes the focus, since the control that led to it may be gone. */
export function Done({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} className="focus-target">
      <Notice tone="success">{children}</Notice>
    </div>
  );
}

/** "Ya, …" / "Batal" after an action button; the first button takes the focus. */
export function Confirm({
  question,
  yes,
  busy,
  onYes,
  onCancel,
}: {
  question: string;
  yes: string;
  busy: boolean;
  onYes: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="confirm" role="group" aria-label={question}>
      <p>{question}</p>
      <button ref={ref} type="button" className="button primary" disabled={busy} onClick={onYes}>
        {yes}
      </button>
      <button type="button" className="button" disabled={busy} onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

function LockSection({ detail, onChanged }: { detail: AccountDetail; onChanged: () => Promise<void> }) {
  const { t, lang } = useI18n();
  const { account, permissions } = detail;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>();

  const unlock = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.post('/api/v1/admin/accounts/{id}/unlock', {}, { path: { id: account.id } });
      // The account is read again before the notice, so "Buka kunci" does not flash back meanwhile.
      await onChanged();
      setConfirming(false);
      setDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="status-heading">
      <h2 id="status-heading">{t('accountDetail.statusHeading')}</h2>
      {done && <Done>{t('accountDetail.unlocked', { name: account.fullName })}</Done>}
      <ErrorNotice error={error} />
      <p>
        <AccountStatus account={account} />
      </p>
      {account.lockedUntil ? (
        <div className="notice notice-warning">
          <p>{t('accountDetail.locked', { time: formatWib(account.lockedUntil, lang) })}</p>
          {account.lockedBy.map((reason) => {
            const key = `accountDetail.lockedBy.${reason}`;
            return <p key={reason}>{isMessageKey(key) ? t(key) : reason}</p>;
          })}
        </div>
      ) : (
        !done && <p className="muted">{t('accountDetail.notLocked')}</p>
      )}
      {account.lockedUntil &&
        permissions.unlock &&
        (confirming ? (
          <Confirm
            question={t('accountDetail.confirmUnlock', { name: account.fullName })}
            yes={t('accountDetail.confirmUnlockYes')}
            busy={busy}
            onYes={() => void unlock()}
            onCancel={() => setConfirming(false)}
          />
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => {
              setDone(false);
              setError(undefined);
              setConfirming(true);
            }}
          >
            {t('accountDetail.unlock')}
          </button>
        ))}
    </section>
  );
}

export function LinksSection({ detail }: { detail: AccountDetail }) {
  const { t, lang } = useI18n();
  const { account, permissions } = detail;
  const selectId = useId();
  const [links, setLinks] = useState<ActiveLink[] | undefined>();
  const [action, setAction] = useState<AdminLinkAction | ''>(account.hasPassword ? '' : 'UPDATE_PASSWORD');
  const [confirming, setConfirming] = useState(false);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<{ action: AdminLinkAction; expiresAt: string } | undefined>();
  const [error, setError] = useState<unknown>();

  const load = useCallback(async () => {
    try {
      setLinks((await api.get('/api/v1/admin/accounts/{id}/links', { path: { id: account.id } })).links);
    } catch (e) {
      setError(e);
    }
  }, [account.id]);
  useEffect(() => void load(), [load]);

  const ask = (event: FormEvent) => {
    event.preventDefault();
    setSent(undefined);
    setError(undefined);
    if (!action) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setConfirming(true);
  };
  const send = async () => {
    if (!action) return;
    setBusy(true);
    setError(undefined);
    try {
      const { expiresAt } = await api.post(
        '/api/v1/admin/accounts/{id}/links',
        { action },
        { path: { id: account.id } },
      );
      await load();
      setConfirming(false);
      setSent({ action, expiresAt });
    } catch (e) {
      setConfirming(false);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="links-heading">
      <h2 id="links-heading">{t('accountDetail.sendLinkHeading')}</h2>
      {sent && (
        <Done>
          {t('accountDetail.linkSent', {
            link: sent.action,
            email: account.email,
            time: formatWib(sent.expiresAt, lang),
          })}
        </Done>
      )}
      <ErrorNotice error={error} overrides={{ ERR_AUTH_THROTTLED: 'accountDetail.linkQuota' }} />
      <h3 id="active-links-heading">{t('accountDetail.activeLinks')}</h3>
      {links &&
        (links.length === 0 ? (
          <p className="muted">{t('accountDetail.noActiveLinks')}</p>
        ) : (
          <ul className="tags active-links" aria-labelledby="active-links-heading">
            {links.map((link) => (
              <li key={`${link.action}-${link.createdAt}`}>
                <span className="tag">{link.action}</span>{' '}
                <span className="muted small">
                  {t('accountDetail.linkValidUntil', { time: formatWib(link.expiresAt, lang) })}
                </span>
              </li>
            ))}
          </ul>
        ))}
      {permissions.sendLink && (
        <form className="form subsection" onSubmit={ask} noValidate>
          {!account.hasPassword && <p className="muted">{t('accountDetail.noPasswordHint')}</p>}
          <div className="field">
            <label htmlFor={selectId}>{t('accountDetail.chooseLink')}</label>
            <select
              id={selectId}
              value={action}
              aria-invalid={missing || undefined}
              aria-describedby={missing ? `${selectId}-missing` : undefined}
              disabled={confirming}
              onChange={(e) => {
                setAction(e.target.value as AdminLinkAction | '');
                setMissing(false);
              }}
            >
              <option value="">{t('accountDetail.choosePlaceholder')}</option>
              {linkActions.map((a) => (
                <option key={a} value={a}>
                  {t(`accountDetail.link.${a}`)}
                </option>
              ))}
            </select>
            {missing && (
              <p className="hint field-error" id={`${selectId}-missing`} role="alert">
                {t('accountDetail.chooseFirst')}
              </p>
            )}
          </div>
          {confirming && action ? (
            <Confirm
              question={t('accountDetail.confirmSend', { link: action, email: account.email })}
              yes={t('accountDetail.confirmSendYes')}
              busy={busy}
              onYes={() => void send()}
              onCancel={() => setConfirming(false)}
            />
          ) : (
            <button type="submit" className="button primary">
              {t('accountDetail.sendLink')}
            </button>
          )}
        </form>
      )}
    </section>
  );
}

export function AdminAccountPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { flash, setFlash } = useAppState();
  // "Akun telah dibuat" from the create page, shown once.
  const [created] = useState(() => (flash?.key === 'accountCreate.created' ? flash : undefined));
  const [detail, setDetail] = useState<AccountDetail | undefined>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (created) setFlash(undefined);
  }, [created, setFlash]);

  const load = useCallback(async () => {
    try {
      setDetail(await api.get('/api/v1/admin/accounts/{id}', { path: { id } }));
    } catch (e) {
      setError(e);
    }
  }, [id]);
  useEffect(() => void load(), [load]);

  const account = detail?.account;
  const title = account?.fullName ?? t('accounts.title');
  const readOnly = detail && !detail.permissions.sendLink && !detail.permissions.unlock;
  return (
    <>
      <Breadcrumb
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('accounts.title'), to: '/admin/akun' },
          { label: title },
        ]}
      />
      <PageHeading title={title}>{title}</PageHeading>
      {created && <Notice tone={created.tone}>{t(created.key)}</Notice>}
      <LoadErrorNotice error={error} />
      {detail && account && (
        <div className="stack">
          {readOnly && <p className="muted">{t('accountDetail.readOnly')}</p>}
          <section className="card" aria-labelledby="info-heading">
            <h2 id="info-heading">{t('accountDetail.info')}</h2>
            <dl className="facts">
              <dt>{t('accounts.username')}</dt>
              <dd>{account.username}</dd>
              <dt>{t('accounts.fullName')}</dt>
              <dd>{account.fullName}</dd>
              <dt>{t('accounts.email')}</dt>
              <dd>{account.email}</dd>
              <dt>{t('accounts.roles')}</dt>
              <dd>
                <ul className="tags">
                  {account.roles.map((role) => (
                    <li key={role} className="tag">
                      {roleName(role, t)}
                    </li>
                  ))}
                </ul>
              </dd>
              <dt>{t('accountDetail.password')}</dt>
              <dd>
                {account.hasPassword ? t('accountDetail.passwordSet') : t('accountDetail.passwordNotSet')}
              </dd>
              <dt>{t('accountDetail.authenticators')}</dt>
              <dd>
                {account.authenticators > 0
                  ? t('accountDetail.authenticatorCount', { count: account.authenticators })
                  : t('accountDetail.noAuthenticator')}
              </dd>
              <dt>{t('accountDetail.locale')}</dt>
              <dd>{t(`locale.${account.locale}`)}</dd>
              <dt>{t('accountDetail.createdAt')}</dt>
              <dd>{formatWib(account.createdAt, lang)}</dd>
            </dl>
          </section>
          <LockSection detail={detail} onChanged={load} />
          <LinksSection key={account.id} detail={detail} />
        </div>
      )}
      <p>
        <Link to="/admin/akun">{t('accounts.back')}</Link>
      </p>
    </>
  );
}
