/**
 * Menu "RA": the queue of registrations (by default "Menunggu Verifikasi"), with a search by name,
 * e-mail, NIK or NIP, filters by Status Verifikasi and submission date, status badges and paging.
 * The server decides which institution's registrations this account sees.
 */
import { useId, useState } from 'react';
import { api } from '../api/client';
import type { RegistrationPage, RegistrationStatus } from '../api/types';
import { Breadcrumb } from '../components/app-shell';
import { LoadErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { PagedTable, SearchForm, usePagedList } from '../components/paged-list';
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

/** `YYYY-MM-DD` of a date input as the start of that day in WIB (UTC+7). */
const wibDay = (day: string) => (day ? new Date(`${day}T00:00:00+07:00`).toISOString() : undefined);
const nextWibDay = (day: string) =>
  day ? new Date(new Date(`${day}T00:00:00+07:00`).getTime() + 86_400_000).toISOString() : undefined;

export function RaQueuePage() {
  const { t, lang } = useI18n();
  const statusId = useId();
  const fromId = useId();
  const toId = useId();
  const [draft, setDraft] = useState({ q: '', status: 'waiting' as Filter, from: '', to: '' });
  const [applied, setApplied] = useState(draft);
  const { page, error, offset, setOffset } = usePagedList<RegistrationPage>(
    (at) =>
      api.get('/api/v1/ra/registrations', {
        query: {
          limit: PAGE,
          offset: at,
          q: applied.q || undefined,
          status: applied.status,
          from: wibDay(applied.from),
          to: nextWibDay(applied.to),
        },
      }),
    [applied],
  );

  const apply = (next: typeof draft) => {
    setOffset(0);
    setApplied({ ...next, q: next.q.trim() });
  };

  return (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('nav.ra') }]} />
      <PageHeading title={t('ra.queue.title')}>{t('ra.queue.title')}</PageHeading>
      <p className="muted">{t('ra.queue.help')}</p>
      <SearchForm
        label={t('ra.search')}
        hint={t('ra.searchHint')}
        submitLabel={t('ra.searchSubmit')}
        value={draft.q}
        onChange={(q) => setDraft({ ...draft, q })}
        onSubmit={() => apply(draft)}
      >
        <div className="filters">
          <div className="field">
            <label htmlFor={statusId}>{t('ra.filter.status')}</label>
            <select
              id={statusId}
              value={draft.status}
              onChange={(e) => {
                const next = { ...draft, status: e.target.value as Filter };
                setDraft(next);
                apply(next);
              }}
            >
              {filters.map((f) => (
                <option key={f} value={f}>
                  {t(`ra.status.${f}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={fromId}>{t('ra.filter.from')}</label>
            <input
              id={fromId}
              type="date"
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={toId}>{t('ra.filter.to')}</label>
            <input
              id={toId}
              type="date"
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.target.value })}
            />
          </div>
        </div>
      </SearchForm>
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
