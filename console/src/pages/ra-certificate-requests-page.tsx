/**
 * RA → "Permohonan Sertifikat": the queue of certificate requests of the caller's institution (a CA
 * admin: all), oldest first, by default those waiting for the RA, searched by name, e-mail, CN or a
 * whole NIK / NIP and filtered by status and date as the registration queue is; each opens its
 * Tinjau Ulang.
 * The server decides which institution's requests this account sees.
 */
import { api } from '../api/client';
import { Breadcrumb } from '../components/app-shell';
import { LoadErrorNotice } from '../components/notice';
import { PagedTable } from '../components/paged-list';
import { QueueFilterForm, useQueueList, type QueueQuery } from '../components/queue-filters';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';
import { formatWib } from '../lib/format';
import { paths } from '../lib/paths';
import { Link } from '../lib/router';
import { productLabel } from './new-certificate-request-page';

const PAGE = 25;
const filters = ['submitted', 'all', 'approved', 'issued', 'rejected', 'cancelled'] as const;
type Filter = (typeof filters)[number];
type Queue = Awaited<ReturnType<typeof loadQueue>>;
export type RequestState = Filter | 'first_approval';
const loadQueue = (query: QueueQuery<Filter>, offset: number) =>
  api.get('/api/v1/ra/certificate-requests', { query: { ...query, limit: PAGE, offset } });

const badgeClass: Record<Exclude<RequestState, 'all'>, string> = {
  submitted: 'tag tag-pending',
  first_approval: 'tag tag-pending',
  approved: 'tag tag-current',
  issued: 'tag tag-sent',
  rejected: 'tag tag-failed',
  cancelled: 'tag tag-disabled',
};

/** The request's state as the RA reads it: a submitted request with one approval is "Persetujuan Pertama". */
export function RequestBadge({
  status,
  firstApprovedBy,
}: {
  status: Filter;
  firstApprovedBy: string | null;
}) {
  const { t } = useI18n();
  const state: Exclude<RequestState, 'all'> =
    status === 'all' ? 'submitted' : status === 'submitted' && firstApprovedBy ? 'first_approval' : status;
  return <span className={badgeClass[state]}>{t(`raRequest.status.${state}`)}</span>;
}

export function RaCertificateRequestsPage() {
  const { t, lang } = useI18n();
  const { page, error, offset, setOffset, filter } = useQueueList<Filter, Queue>('submitted', loadQueue);
  return (
    <>
      <Breadcrumb
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.ra') },
          { label: t('raRequest.queue.title') },
        ]}
      />
      <PageHeading title={t('raRequest.queue.title')}>{t('raRequest.queue.title')}</PageHeading>
      <p className="muted">{t('raRequest.queue.help')}</p>
      <QueueFilterForm
        filter={filter}
        label={t('raRequest.search')}
        hint={t('raRequest.searchHint')}
        status={{
          label: t('raRequest.filter.status'),
          values: filters,
          text: (f) => t(`raRequest.status.${f}`),
        }}
      />
      <LoadErrorNotice error={error} />
      {page && (
        <PagedTable
          label={t('raRequest.queue.title')}
          empty={t('raRequest.empty')}
          totalText={t('raRequest.total', { total: page.total })}
          total={page.total}
          rows={page.requests}
          columns={[
            t('raRequest.col.name'),
            t('raRequest.col.email'),
            t('raRequest.col.institution'),
            t('request.col.product'),
            t('request.col.submitted'),
            t('raRequest.col.status'),
          ]}
          rowKey={(r) => r.id}
          row={(r) => (
            <>
              <td>
                <Link to={paths.raCertificateRequest(r.id)}>{r.fullName}</Link>
              </td>
              <td className="wrap">{r.email}</td>
              <td>{r.institutionName}</td>
              <td>
                {productLabel(t, r.product)}
                {r.kind !== 'new' && <div className="muted">{t(`request.kind.${r.kind}`)}</div>}
              </td>
              <td>{formatWib(r.submittedAt, lang)}</td>
              <td>
                <RequestBadge status={r.status} firstApprovedBy={r.firstApprovedBy} />
              </td>
            </>
          )}
          offset={offset}
          pageSize={PAGE}
          onOffset={setOffset}
        />
      )}
    </>
  );
}
