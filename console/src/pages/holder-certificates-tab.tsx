/**
 * Tinjau Ulang → Sertifikat Elektronik (RA officers and CA admins): the holder's certificates with
 * Tangguhkan / Lepaskan / Cabut (a note the holder is told), and a pending Pencabutan to approve or
 * reject, and "Kirim tautan" DOWNLOAD_KEYSTORE. What the caller may do comes from the server
 * (`canManage`).
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ErrorNotice, LoadErrorNotice } from '../components/notice';
import { ScrollTable } from '../components/scroll-table';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { formatWib } from '../lib/format';

type Action = 'suspend' | 'release' | 'revoke' | 'approve' | 'reject';
const staffReasons = [
  'unspecified',
  'keyCompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'privilegeWithdrawn',
] as const;

type Holder = Awaited<ReturnType<typeof loadCertificates>>;
const loadCertificates = (accountId: string) =>
  api.get('/api/v1/ra/accounts/{accountId}/certificates', { path: { accountId } });

function ActionForm({
  action,
  certificateId,
  requestId,
  onDone,
  onCancel,
}: {
  action: Action;
  certificateId: string;
  requestId: string | undefined;
  onDone: () => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const ids = useId();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState<(typeof staffReasons)[number]>('privilegeWithdrawn');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const path = { id: certificateId };
      if (action === 'suspend') await api.post('/api/v1/ra/certificates/{id}/suspend', { note }, { path });
      else if (action === 'release')
        await api.post('/api/v1/ra/certificates/{id}/release', { note }, { path });
      else if (action === 'revoke')
        await api.post('/api/v1/ra/certificates/{id}/revoke', { reason, note }, { path });
      else if (action === 'approve' && requestId)
        await api.post('/api/v1/ra/revocation-requests/{id}/approve', {}, { path: { id: requestId } });
      else if (action === 'reject' && requestId)
        await api.post(
          '/api/v1/ra/revocation-requests/{id}/reject',
          { reason: note },
          { path: { id: requestId } },
        );
      await onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form card" onSubmit={(e) => void submit(e)}>
      {action === 'revoke' && (
        <>
          <label htmlFor={`${ids}-reason`}>{t('revoke.reason')}</label>
          <select
            id={`${ids}-reason`}
            value={reason}
            onChange={(e) => setReason(e.target.value as (typeof staffReasons)[number])}
          >
            {staffReasons.map((r) => (
              <option key={r} value={r}>
                {t(`revoke.reason.${r}` as MessageKey)}
              </option>
            ))}
          </select>
        </>
      )}
      {action !== 'approve' && (
        <>
          <label htmlFor={`${ids}-note`}>
            {t(action === 'reject' ? 'manage.rejectReason' : 'manage.note')}
          </label>
          <textarea
            id={`${ids}-note`}
            required
            minLength={5}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </>
      )}
      <ErrorNotice error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {t('manage.confirm')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('revoke.cancel')}
        </button>
      </div>
    </form>
  );
}

export function HolderCertificatesTab({ accountId }: { accountId: string }) {
  const { t, lang } = useI18n();
  const [holder, setHolder] = useState<Holder>();
  const [error, setError] = useState<unknown>();
  const [open, setOpen] = useState<{ id: string; action: Action; requestId?: string }>();
  const [status, setStatus] = useState<string>();
  const [linkError, setLinkError] = useState<unknown>();
  // Kirim tautan DOWNLOAD_KEYSTORE (seed 003's Tautan Aktif): mailed to the holder at once.
  const sendKeystoreLink = async (id: string) => {
    setStatus(undefined);
    setLinkError(undefined);
    try {
      const sent = await api.post('/api/v1/ra/certificates/{id}/keystore-link', {}, { path: { id } });
      setStatus(t('manage.keystoreLinkSent', { until: formatWib(sent.expiresAt, lang) }));
    } catch (e) {
      setLinkError(e);
    }
  };
  const load = useCallback(async () => {
    try {
      setHolder(await loadCertificates(accountId));
    } catch (e) {
      setError(e);
    }
  }, [accountId]);
  useEffect(() => {
    void load();
  }, [load]);
  if (error) return <LoadErrorNotice error={error} />;
  if (!holder) return null;
  if (holder.certificates.length === 0) return <p className="card">{t('ra.certificates.empty')}</p>;
  const button = (id: string, action: Action, label: MessageKey, requestId?: string) => (
    <button
      type="button"
      className="button secondary"
      onClick={() => {
        setStatus(undefined);
        setOpen({ id, action, ...(requestId ? { requestId } : {}) });
      }}
    >
      {t(label)}
    </button>
  );
  return (
    <>
      {status && <p role="status">{status}</p>}
      <ErrorNotice error={linkError} />
      <ScrollTable label={t('ra.tab.certificates')}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('manage.serial')}</th>
              <th scope="col">{t('manage.subject')}</th>
              <th scope="col">{t('manage.validUntil')}</th>
              <th scope="col">{t('manage.status')}</th>
              {holder.canManage && <th scope="col">{t('manage.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {holder.certificates.map((c) => (
              <tr key={c.id}>
                <td className="wrap">{c.serial}</td>
                <td className="wrap">{c.subject}</td>
                <td>{formatWib(c.notAfter, lang)}</td>
                <td>
                  {c.status}
                  {c.pendingRevocation && (
                    <div>
                      {t('manage.pending', {
                        reason: t(`revoke.reason.${c.pendingRevocation.reason}` as MessageKey),
                      })}
                    </div>
                  )}
                </td>
                {holder.canManage && (
                  <td className="actions">
                    {c.pendingRevocation && button(c.id, 'approve', 'manage.approve', c.pendingRevocation.id)}
                    {c.pendingRevocation && button(c.id, 'reject', 'manage.reject', c.pendingRevocation.id)}
                    {(c.status === 'Issued' || c.status === 'On Revoke' || c.status === 'Renew') &&
                      button(c.id, 'suspend', 'manage.suspend')}
                    {c.status === 'Suspended' && button(c.id, 'release', 'manage.release')}
                    {c.status !== 'Revoked' &&
                      c.status !== 'Expired' &&
                      button(c.id, 'revoke', 'manage.revoke')}
                    {(c.status === 'Issued' || c.status === 'Renew' || c.status === 'On Revoke') && (
                      <button
                        type="button"
                        className="button secondary"
                        onClick={() => void sendKeystoreLink(c.id)}
                      >
                        {t('manage.keystoreLink')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {open && (
        <ActionForm
          action={open.action}
          certificateId={open.id}
          requestId={open.requestId}
          onCancel={() => setOpen(undefined)}
          onDone={async () => {
            setOpen(undefined);
            setStatus(t('manage.done'));
            await load();
          }}
        />
      )}
    </>
  );
}
