/**
 * RA → Pengecekan Foto Diri (`/ra/foto-diri`): the selfies of passphrase resets of the officer's
 * institution (a CA admin: all), oldest first, paged and searched (name, e-mail, a whole NIK / NIP,
 * the date) as the other RA queues are, each beside the registered selfie (each view audited by
 * the server). "Cocok" lets the holder go on to the new passphrase; "Tidak cocok" asks
 * for the reason the holder is told and refuses the reset.
 */
import { useId, useState } from 'react';
import { api } from '../api/client';
import { ErrorNotice, LoadErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { PagedItems } from '../components/paged-list';
import { ReasonForm } from '../components/reason-form';
import { QueueFilterForm, useQueueList, type QueueQuery } from '../components/queue-filters';
import { useI18n } from '../i18n/i18n';
import { formatWib } from '../lib/format';

const PAGE = 10;
const loadQueue = (query: QueueQuery<'pending'>, offset: number) =>
  api.get('/api/v1/ra/selfie-checks', { query: { ...query, limit: PAGE, offset } });

export function RaSelfieChecksPage() {
  const { t, lang } = useI18n();
  const ids = useId();
  const { page, error, offset, setOffset, reload, filter } = useQueueList('pending' as const, loadQueue);
  const [actionError, setActionError] = useState<unknown>();
  const [refusing, setRefusing] = useState<string>();
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<string>();

  const decide = async (id: string, match: boolean) => {
    setActionError(undefined);
    try {
      await api.post('/api/v1/ra/selfie-checks/{id}/decision', match ? { match } : { match, reason }, {
        path: { id },
      });
      setRefusing(undefined);
      setReason('');
      setStatus(t(match ? 'selfieChecks.matched' : 'selfieChecks.refused'));
      reload();
    } catch (e) {
      setActionError(e);
    }
  };

  return (
    <section>
      <PageHeading title={t('selfieChecks.title')}>{t('selfieChecks.title')}</PageHeading>
      <p className="muted">{t('selfieChecks.intro')}</p>
      <QueueFilterForm filter={filter} label={t('selfieChecks.search')} hint={t('ra.searchHint')} />
      <LoadErrorNotice error={error} />
      <ErrorNotice error={actionError} />
      {status && <p role="status">{status}</p>}
      {page && (
        <PagedItems
          count={page.checks.length}
          empty={t('selfieChecks.empty')}
          totalText={t('selfieChecks.total', { total: page.total })}
          total={page.total}
          offset={offset}
          pageSize={PAGE}
          onOffset={setOffset}
        >
          {page.checks.map((check) => (
            <article key={check.id} className="card" aria-labelledby={`${ids}-${check.id}`}>
              <h2 id={`${ids}-${check.id}`}>{check.fullName}</h2>
              <p className="muted reset-certificate">
                {check.email} · {check.institutionName}
                <br />
                {check.serial && t('selfieChecks.serial', { serial: check.serial })}
                <br />
                {t('selfieChecks.submitted', { at: formatWib(check.submittedAt, lang) })}
              </p>
              <div className="ra-photos">
                <figure className="ra-photo">
                  <img src={`/api/v1/ra/selfie-checks/${check.id}/selfie`} alt={t('selfieChecks.new')} />
                  <figcaption>{t('selfieChecks.new')}</figcaption>
                </figure>
                <figure className="ra-photo">
                  <img
                    src={`/api/v1/ra/selfie-checks/${check.id}/registered`}
                    alt={t('selfieChecks.registered')}
                  />
                  <figcaption>{t('selfieChecks.registered')}</figcaption>
                </figure>
              </div>
              {refusing === check.id ? (
                <ReasonForm
                  className="form"
                  label={t('selfieChecks.reason')}
                  value={reason}
                  onChange={setReason}
                  minLength={5}
                  maxLength={500}
                  submitLabel={t('selfieChecks.refuse')}
                  cancelLabel={t('selfieChecks.cancel')}
                  onSubmit={() => void decide(check.id, false)}
                  onCancel={() => setRefusing(undefined)}
                />
              ) : (
                <div className="actions">
                  <button
                    type="button"
                    className="button primary"
                    onClick={() => void decide(check.id, true)}
                  >
                    {t('selfieChecks.match')}
                  </button>
                  <button type="button" className="button danger" onClick={() => setRefusing(check.id)}>
                    {t('selfieChecks.noMatch')}
                  </button>
                </div>
              )}
            </article>
          ))}
        </PagedItems>
      )}
    </section>
  );
}
