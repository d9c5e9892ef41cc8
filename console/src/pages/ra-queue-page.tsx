/**
 * Menu "RA": the queue of registrations (by default "Menunggu Verifikasi"), with a search by name,
 * e-mail, NIK or NIP, filters by Status Verifikasi and submission date, status badges and paging.
 * The server decides which institution's registrations this account sees.
 */
import { api } from '../api/client';
import type { RegistrationPage, RegistrationStatus } from '../api/types';
import { Breadcrumb } from '../components/app-shell';
import { LoadErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { PagedTable } from '../components/paged-list';
import { QueueFilterForm, useQueueList } from '../components/queue-filters';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { formatWib } from '../lib/format';
import { Link } from '../lib/router';

const PAGE = 25;
const filters = [
  'waiting',
  'all',
  'invited',
  'in_progress',
  'first_approval',
  'verified',
  'rejected',
] as const;
type Filter = (typeof filters)[number];

const badgeClass: Record<RegistrationStatus, string> = {
  invited: 'tag tag-disabled',
  in_progress: 'tag tag-disabled',
  submitted: 'tag tag-pending',
  first_approval: 'tag tag-pending',
  verified: 'tag tag-sent',
  rejected: 'tag tag-failed',
};

export function RegistrationBadge({ status }: { status: RegistrationStatus }) {
  const { t } = useI18n();
  return <span className={badgeClass[status]}>{t(`ra.status.${status}` as MessageKey)}</span>;
}

export function RaQueuePage() {
  const { t, lang } = useI18n();
  const { page, error, offset, setOffset, filter } = useQueueList<Filter, RegistrationPage>(
    'waiting',
    (query, at) => api.get('/api/v1/ra/registrations', { query: { ...query, limit: PAGE, offset: at } }),
  );

  return (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('nav.ra') }]} />
      <PageHeading title={t('ra.queue.title')}>{t('ra.queue.title')}</PageHeading>
      <p className="muted">{t('ra.queue.help')}</p>
      <QueueFilterForm
        filter={filter}
        label={t('ra.search')}
        hint={t('ra.searchHint')}
        status={{
          label: t('ra.filter.status'),
          values: filters,
          text: (f) => t(`ra.status.${f}` as MessageKey),
        }}
      />
      <LoadErrorNotice error={error} />
      {page && (
        <PagedTable
          label={t('ra.queue.title')}
          empty={t('ra.empty')}
          totalText={t('ra.total', { total: page.total })}
          total={page.total}
          rows={page.registrations}
          columns={[
            t('ra.col.name'),
            t('ra.col.email'),
            t('ra.col.institution'),
            t('ra.col.submitted'),
            t('ra.col.status'),
          ]}
          rowKey={(r) => r.accountId}
          row={(r) => (
            <>
              <td>
                <Link to={`/ra/${r.accountId}`}>{r.fullName}</Link>
              </td>
              <td className="wrap">{r.email}</td>
              <td>{r.institutionName}</td>
              <td>{r.submittedAt ? formatWib(r.submittedAt, lang) : '-'}</td>
              <td>
                <RegistrationBadge status={r.status} />
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
