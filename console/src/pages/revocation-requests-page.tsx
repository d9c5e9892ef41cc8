/**
 * RA → Pencabutan: the queue of the holders' Pencabutan requests of the caller's institution (a CA
 * admin: all), oldest first, each approved (revoked at once in CRL and OCSP) or rejected with a
 * reason the holder is told. Not on one's own certificate (`canDecide`).
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { api } from '../api/client';
import { ErrorNotice, LoadErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { ScrollTable } from '../components/scroll-table';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { formatWib } from '../lib/format';

type Queue = Awaited<ReturnType<typeof loadQueue>>;
const loadQueue = () => api.get('/api/v1/ra/revocation-requests', { query: { status: 'pending' } });

export function RevocationRequestsPage() {
  const { t, lang } = useI18n();
  const ids = useId();
  const [queue, setQueue] = useState<Queue>();
  const [error, setError] = useState<unknown>();
  const [actionError, setActionError] = useState<unknown>();
  const [rejecting, setRejecting] = useState<string>();
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<string>();
  const load = useCallback(async () => {
    try {
      setQueue(await loadQueue());
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const decide = async (id: string, how: 'approve' | 'reject') => {
    setActionError(undefined);
    try {
      if (how === 'approve')
        await api.post('/api/v1/ra/revocation-requests/{id}/approve', {}, { path: { id } });
      else await api.post('/api/v1/ra/revocation-requests/{id}/reject', { reason }, { path: { id } });
      setRejecting(undefined);
      setReason('');
      setStatus(t('manage.done'));
      await load();
    } catch (e) {
      setActionError(e);
    }
  };
  return (
    <section>
      <PageHeading title={t('revocations.title')}>{t('revocations.title')}</PageHeading>
      <LoadErrorNotice error={error} />
      <ErrorNotice error={actionError} />
      {status && <p role="status">{status}</p>}
      {queue && queue.requests.length === 0 && <p className="card">{t('revocations.empty')}</p>}
      {queue && queue.requests.length > 0 && (
        <ScrollTable label={t('revocations.title')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('revocations.holder')}</th>
                <th scope="col">{t('manage.serial')}</th>
                <th scope="col">{t('revoke.reason')}</th>
                <th scope="col">{t('revocations.requestedAt')}</th>
                <th scope="col">{t('manage.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.requests.map((r) => (
                <tr key={r.id}>
                  <td className="wrap">
                    {r.fullName}
                    <div className="muted">{r.email}</div>
                  </td>
                  <td className="wrap">{r.serial}</td>
                  <td>{t(`revoke.reason.${r.reason}` as MessageKey)}</td>
                  <td>{formatWib(r.requestedAt, lang)}</td>
                  <td className="actions">
                    {r.canDecide ? (
                      <>
                        <button type="button" className="button" onClick={() => void decide(r.id, 'approve')}>
                          {t('manage.approve')}
                        </button>
                        <button type="button" className="button secondary" onClick={() => setRejecting(r.id)}>
                          {t('manage.reject')}
                        </button>
                      </>
                    ) : (
                      <span className="muted">{t('revocations.own')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {rejecting && (
        <form
          className="form card"
          onSubmit={(e) => {
            e.preventDefault();
            void decide(rejecting, 'reject');
          }}
        >
          <label htmlFor={`${ids}-reason`}>{t('manage.rejectReason')}</label>
          <textarea
            id={`${ids}-reason`}
            required
            minLength={5}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="actions">
            <button type="submit" className="button">
              {t('manage.reject')}
            </button>
            <button type="button" className="button secondary" onClick={() => setRejecting(undefined)}>
              {t('revoke.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
