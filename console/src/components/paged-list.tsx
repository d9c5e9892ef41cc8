/**
 * What the console's paged lists share (Menu "RA", its queues and Admin → Akun): a page of results
 * loaded for a query and an offset (the late answer of an earlier query is dropped), the search
 * form with its hint, and one page (a table, or cards) with its count, its empty message and the
 * Pager.
 */
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { Pager } from './pager';
import { ScrollTable } from './scroll-table';

/**
 * Loads `load(offset)` whenever the offset or one of `deps` changes, or on `reload()` (after a
 * decision changed the list); keeps the last page and error.
 */
export function usePagedList<P>(load: (offset: number) => Promise<P>, deps: readonly unknown[]) {
  const [offset, setOffset] = useState(0);
  const [loads, setLoads] = useState(0);
  const [page, setPage] = useState<P | undefined>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    load(offset).then(
      (p) => {
        if (!live) return;
        setPage(p);
        setError(undefined);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
    // `load` is a new closure each render; what it reads is in `deps`.
  }, [offset, loads, ...deps]);
  return { page, error, offset, setOffset, reload: () => setLoads((n) => n + 1) };
}

/** The search field with its button and hint; `children` are further filters inside the form. */
export function SearchForm(props: {
  label: string;
  hint: string;
  submitLabel: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  children?: ReactNode;
}) {
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <form role="search" className="search" onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>{props.label}</label>
        <div className="search-row">
          <input
            id={id}
            type="search"
            value={props.value}
            maxLength={100}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-hint`}
            onChange={(e) => props.onChange(e.target.value)}
          />
          <button type="submit" className="button">
            {props.submitLabel}
          </button>
        </div>
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      </div>
      {props.children}
    </form>
  );
}

interface PageProps {
  empty: string;
  /** The count line ("25 pendaftaran"). */
  totalText: string;
  total: number;
  offset: number;
  pageSize: number;
  onOffset: (offset: number) => void;
}

/** One page of any items (cards, a table): "none" when empty, else the count, the items and the Pager. */
export function PagedItems(props: PageProps & { count: number; children: ReactNode }) {
  if (props.count === 0) return <p role="status">{props.empty}</p>;
  return (
    <>
      <p role="status">{props.totalText}</p>
      {props.children}
      <Pager offset={props.offset} pageSize={props.pageSize} total={props.total} onChange={props.onOffset} />
    </>
  );
}

/** One page as a table. */
export function PagedTable<R>(
  props: PageProps & {
    label: string;
    rows: readonly R[];
    columns: readonly string[];
    rowKey: (row: R) => string;
    /** The cells (`<td>`s) of one row. */
    row: (row: R) => ReactNode;
  },
) {
  return (
    <PagedItems {...props} count={props.rows.length}>
      <ScrollTable label={props.label}>
        <table className="table">
          <thead>
            <tr>
              {props.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={props.rowKey(r)}>{props.row(r)}</tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </PagedItems>
  );
}
