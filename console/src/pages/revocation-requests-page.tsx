/**
 * RA → Pencabutan: the queue of the holders' Pencabutan requests of the caller's institution (a CA
 * admin: all), oldest first, each approved (revoked at once in CRL and OCSP) or rejected with a
 * reason the holder is told, paged like the other RA queues. Not on one's own certificate
 * (`canDecide`).
 */
import { useState } from 'react';
import { api } from '../api/client';
import { ErrorNotice, LoadErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { PagedTable, usePagedList } from '../components/paged-list';
import { ReasonForm } from '../components/reason-form';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { formatWib } from '../lib/format';

const PAGE = 25;
type Queue = Awaited<ReturnType<typeof loadQueue>>;
const loadQueue = (offset: number) =>
  api.get('/api/v1/ra/revocation-requests', { query: { status: 'pending', limit: PAGE, offset } });

export function RevocationRequestsPage() {
  const { t, lang } = useI18n();
  const { page, error, offset, setOffset, reload } = usePagedList<Queue>(loadQueue, []);
  const [actionError, setActionError] = useState<unknown>();
  const [rejecting, setRejecting] = useState<string>();
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<string>();
  const decide = async (id: string, how: 'approve' | 'reject') => {
    setActionError(undefined);
    try {
      if (how === 'approve')
        await api.post('/api/v1/ra/revocation-requests/{id}/approve', {}, { path: { id } });
      else await api.post('/api/v1/ra/revocation-requests/{id}/reject', { reason }, { path: { id } });
      setRejecting(undefined);
      setReason('');
      setStatus(t('manage.done'));
      reload();
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
      {page && (
        <PagedTable
          label={t('revocations.title')}
          empty={t('revocations.empty')}
          totalText={t('revocations.total', { total: page.total })}
          total={page.total}
          rows={page.requests}
          columns={[
            t('revocations.holder'),
            t('manage.serial'),
            t('revoke.reason'),
            t('revocations.requestedAt'),
            t('manage.actions'),
          ]}
          rowKey={(r) => r.id}
          row={(r) => (
            <>
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
            </>
          )}
          offset={offset}
          pageSize={PAGE}
          onOffset={setOffset}
        />
      )}
      {rejecting && (
        <ReasonForm
          className="form card"
          label={t('manage.rejectReason')}
          value={reason}
          onChange={setReason}
          minLength={5}
          maxLength={500}
          submitLabel={t('manage.reject')}
          submitClass="button"
          cancelLabel={t('revoke.cancel')}
          onSubmit={() => void decide(rejecting, 'reject')}
          onCancel={() => setRejecting(undefined)}
        />
      )}
    </section>
  );
}
