/**
 * RA → Perubahan Data (`/ra/perubahan-data`): the institution's pending "Ubah Profil" requests;
 * "Tinjau" opens one (its current and asked-for values; the read is audited) with "Setujui" and
 * "Tolak" (a reason the subscriber is told). Nobody decides their own request.
 */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { ResponseBody } from '../api/types';
import { Breadcrumb } from '../components/app-shell';
import { ErrorNotice, LoadErrorNotice, Notice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { formatWib } from '../lib/format';
import { fieldLabel } from './profile-page';

type Item = ResponseBody<'/api/v1/ra/change-requests', 'get'>['requests'][number];
type Detail = ResponseBody<'/api/v1/ra/change-requests/{id}', 'get'>;

function Review({ id, onDone }: { id: string; onDone: (message: MessageKey) => void }) {
  const { t } = useI18n();
  const [detail, setDetail] = useState<Detail | undefined>();
  const [error, setError] = useState<unknown>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api
      .get('/api/v1/ra/change-requests/{id}', { path: { id } })
      .then(setDetail)
      .catch((e: unknown) => setError(e));
  }, [id]);
  const decide = async (how: 'approve' | 'reject') => {
    setBusy(true);
    setError(undefined);
    try {
      if (how === 'approve') await api.post('/api/v1/ra/change-requests/{id}/approve', {}, { path: { id } });
      else await api.post('/api/v1/ra/change-requests/{id}/reject', { reason }, { path: { id } });
      onDone(how === 'approve' ? 'changeRequests.approved' : 'changeRequests.rejected');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="review" data-testid="change-review">
      <ErrorNotice error={error} />
      {detail && (
        <>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('changeRequests.fields')}</th>
                  <th scope="col">{t('changeRequests.current')}</th>
                  <th scope="col">{t('changeRequests.asked')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.changes.map((c) => (
                  <tr key={c.field}>
                    <th scope="row">{t(fieldLabel[c.field] ?? 'profile.empty')}</th>
                    <td>{c.from ?? t('profile.empty')}</td>
                    <td>{c.to ?? t('profile.empty')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {detail.emailChange && !detail.emailConfirmed && (
            <p className="muted">{t('changeRequests.emailUnconfirmed')}</p>
          )}
          {detail.status === 'pending' && detail.account.id && !detail.canDecide && !detail.emailChange && (
            <p className="muted">{t('changeRequests.own')}</p>
          )}
          {detail.status === 'pending' && (
            <div className="actions">
              <button
                type="button"
                className="button primary"
                disabled={busy || !detail.canDecide}
                onClick={() => void decide('approve')}
              >
                {t('changeRequests.approve')}
              </button>
              <label className="field">
                <span>{t('changeRequests.reason')}</span>
                <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
              </label>
              <button
                type="button"
                className="button"
                disabled={busy || reason.trim() === ''}
                onClick={() => void decide('reject')}
              >
                {t('changeRequests.reject')}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

export function ChangeRequestsPage() {
  const { t, lang } = useI18n();
  const [items, setItems] = useState<Item[] | undefined>();
  const [error, setError] = useState<unknown>();
  const [open, setOpen] = useState<string | undefined>();
  const [done, setDone] = useState<MessageKey | undefined>();
  const load = useCallback(async () => {
    try {
      setItems((await api.get('/api/v1/ra/change-requests', { query: { status: 'pending' } })).requests);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => void load(), [load]);
  return (
    <>
      <Breadcrumb
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.ra') },
          { label: t('changeRequests.title') },
        ]}
      />
      <PageHeading title={t('changeRequests.title')}>{t('changeRequests.title')}</PageHeading>
      <LoadErrorNotice error={error} />
      {done && <Notice tone="success">{t(done)}</Notice>}
      {items && items.length === 0 && <p>{t('changeRequests.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="list">
          {items.map((item) => (
            <li key={item.id} className="list-item">
              <p className="item-title">
                {item.fullName} <span className="muted">({item.email})</span>
              </p>
              <p className="muted">
                {t('changeRequests.fields')}:{' '}
                {item.fields.map((f) => t(fieldLabel[f] ?? 'profile.empty')).join(', ')}
                {' · '}
                <time dateTime={item.createdAt}>{formatWib(item.createdAt, lang)}</time>
                {item.emailChange && !item.emailConfirmed && <> · {t('changeRequests.emailUnconfirmed')}</>}
              </p>
              {open === item.id ? (
                <Review
                  id={item.id}
                  onDone={(message) => {
                    setDone(message);
                    setOpen(undefined);
                    void load();
                  }}
                />
              ) : (
                <button type="button" className="button" onClick={() => setOpen(item.id)}>
                  {t('changeRequests.review')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
