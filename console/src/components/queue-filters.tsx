/**
 * The RA queues' search and filters (registrations, certificate requests, selfie checks): the
 * search field (name, e-mail, a whole NIK / NIP; the server decides: enrollment/queue-filters.ts),
 * a status select where the queue has one, and the submission dates, with the paged list they load.
 * A status or page change loads at once; the text and the dates when the form is sent.
 */
import { useId, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { SearchForm, usePagedList } from './paged-list';

export interface QueueFilter<S extends string> {
  q: string;
  status: S;
  /** `YYYY-MM-DD` of the date inputs, or ''. */
  from: string;
  to: string;
}

/** `YYYY-MM-DD` of a date input as the start of that day in WIB (UTC+7). */
const wibDay = (day: string) => (day ? new Date(`${day}T00:00:00+07:00`).toISOString() : undefined);
const nextWibDay = (day: string) =>
  day ? new Date(new Date(`${day}T00:00:00+07:00`).getTime() + 86_400_000).toISOString() : undefined;

export interface QueueQuery<S extends string> {
  q: string | undefined;
  status: S;
  from: string | undefined;
  to: string | undefined;
}

/** The filter as the API's query: `to` is the end of that day (the start of the next one in WIB). */
export function queueQuery<S extends string>(f: QueueFilter<S>): QueueQuery<S> {
  return { q: f.q || undefined, status: f.status, from: wibDay(f.from), to: nextWibDay(f.to) };
}

/** A paged queue under a filter: `load(query, offset)` whenever the applied filter or the page changes. */
export function useQueueList<S extends string, P>(
  status: S,
  load: (query: QueueQuery<S>, offset: number) => Promise<P>,
) {
  const [draft, setDraft] = useState<QueueFilter<S>>({ q: '', status, from: '', to: '' });
  const [applied, setApplied] = useState(draft);
  const list = usePagedList<P>((at) => load(queueQuery(applied), at), [applied]);
  const apply = (next: QueueFilter<S>) => {
    list.setOffset(0);
    setApplied({ ...next, q: next.q.trim() });
  };
  return { ...list, filter: { draft, setDraft, apply } };
}

export function QueueFilterForm<S extends string>(props: {
  filter: ReturnType<typeof useQueueList<S, unknown>>['filter'];
  label: string;
  hint: string;
  /** The status select (omitted: the queue has none). */
  status?: { label: string; values: readonly S[]; text: (status: S) => string };
}) {
  const { t } = useI18n();
  const statusId = useId();
  const fromId = useId();
  const toId = useId();
  const { draft, setDraft, apply } = props.filter;
  return (
    <SearchForm
      label={props.label}
      hint={props.hint}
      submitLabel={t('ra.searchSubmit')}
      value={draft.q}
      onChange={(q) => setDraft({ ...draft, q })}
      onSubmit={() => apply(draft)}
    >
      <div className="filters">
        {props.status && (
          <div className="field">
            <label htmlFor={statusId}>{props.status.label}</label>
            <select
              id={statusId}
              value={draft.status}
              onChange={(e) => {
                const next = { ...draft, status: e.target.value as S };
                setDraft(next);
                apply(next);
              }}
            >
              {props.status.values.map((f) => (
                <option key={f} value={f}>
                  {props.status!.text(f)}
                </option>
              ))}
            </select>
          </div>
        )}
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
  );
}
