/**
 * "Impor Pengguna": an RA officer or institution admin invites many people of their institution
 * from a CSV file (a CA admin chooses the Instansi). 1. choose the file (its columns, a sample, the
 * server's limits); 2. the preview — counts and every refused row with its reason, nothing stored;
 * 3. "Impor" starts the job, whose progress bar polls the server until it is done; 4. "Unduh
 * laporan" downloads the per-row report. The job's id is in the URL (`?impor=<id>`), and an import
 * still running is shown again when the page is opened again; a resumed one says so.
 */
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type FormEvent,
} from 'react';
import { ApiError, api, apiRequest, apiUrl } from '../api/client';
import type {
  Account,
  ImportLimits,
  ImportPreview,
  ImportPreviewRow,
  ImportProblem,
  ImportStarted,
  Permissions,
  RegistrationImport,
} from '../api/types';
import { Breadcrumb } from '../components/app-shell';
import { ErrorNotice, Notice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { Pager } from '../components/pager';
import { ScrollTable } from '../components/scroll-table';
import { isMessageKey, useI18n, type Lang, type Translate } from '../i18n/i18n';
import { formatWib } from '../lib/format';
import { isUuid, paths } from '../lib/paths';
import { Link, useLocation, useNavigate } from '../lib/router';

const PAGE = 50;
/** How often the progress is asked for while the import runs. */
const POLL_MS = 700;
export const SAMPLE_CSV = '/contoh-impor-pengguna.csv';

const numberFormat = (lang: Lang) => new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB');

/** A size as people read it: "16 MiB", "4 KiB". */
export function formatSize(bytes: number, lang: Lang): string {
  const format = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${format.format(bytes / (1024 * 1024))} MiB`;
  if (bytes >= 1024) return `${format.format(bytes / 1024)} KiB`;
  return `${format.format(bytes)} B`;
}

/** A refused row's reason in the page's language, from the problem's column, rule and params. */
function problemText(problem: ImportProblem, t: Translate): string {
  const key = `import.problem.${problem.column}.${problem.rule}`;
  if (!isMessageKey(key)) return problem.message;
  const params = problem.params ?? {};
  return t(key, {
    row: params.row ?? '',
    max: params.max ?? '',
    domains: (params.domains ?? []).map((d) => `@${d}`).join(t('import.or')),
  });
}

/** A refused file in the page's language (the server's problem: its code and `details.rule`). */
function fileErrorText(error: unknown, t: Translate, limits: ImportLimits | undefined, lang: Lang) {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'ERR_INPUT_TOO_LARGE') {
    const max = Number(error.details?.maxBytes ?? limits?.maxBytes);
    return Number.isFinite(max) && max > 0
      ? t('import.error.tooLarge', { size: formatSize(max, lang) })
      : t('import.error.tooLargePlain');
  }
  if (error.code !== 'ERR_IMPORT_FILE_INVALID') return undefined;
  const rule = error.details?.rule;
  if (rule === 'required')
    return t(error.details?.column === 'nama' ? 'import.error.missingNama' : 'import.error.missingEmail');
  if (rule === 'max_rows')
    return t('import.error.maxRows', {
      max: numberFormat(lang).format(Number(error.details?.max ?? limits?.maxRows)),
    });
  if (rule === 'csv') return t('import.error.notCsv');
  if (rule === 'empty') return t('import.error.empty');
  if (rule === 'no_rows') return t('import.error.noRows');
  return error.detail ?? t('error.generic');
}

function ImportError({ error, limits }: { error: unknown; limits: ImportLimits | undefined }) {
  const { t, lang } = useI18n();
  const text = fileErrorText(error, t, limits, lang);
  if (text === undefined) return <ErrorNotice error={error} />;
  return (
    <div className="notice notice-error" role="alert">
      <p>{text}</p>
    </div>
  );
}

const percentOf = (job: RegistrationImport) =>
  job.status === 'done' || job.totalRows === 0
    ? 100
    : Math.min(100, Math.floor((job.processedRows * 100) / job.totalRows));

function Counts({ items }: { items: [label: string, value: number, detail?: string][] }) {
  const { lang } = useI18n();
  return (
    <dl className="counts">
      {items.map(([label, value, detail]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>
            {numberFormat(lang).format(value)}
            {detail && <span className="small muted"> ({detail})</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useI18n();
  const [offset, setOffset] = useState(0);
  const rows = preview.rows.slice(offset, offset + PAGE);
  const statusTag: Record<ImportPreviewRow['status'], string> = {
    new: 'tag tag-sent',
    resend: 'tag tag-pending',
    invalid: 'tag tag-failed',
  };
  return (
    <>
      <ScrollTable label={t('import.table')}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('import.col.row')}</th>
              <th scope="col">{t('import.col.nama')}</th>
              <th scope="col">{t('import.col.email')}</th>
              <th scope="col">{t('import.col.status')}</th>
              <th scope="col">{t('import.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.row}>
                <td>{row.row}</td>
                <td className="wrap">{row.nama}</td>
                <td className="wrap">{row.email}</td>
                <td>
                  <span className={statusTag[row.status]}>{t(`import.status.${row.status}`)}</span>
                </td>
                <td className="wrap">{row.problems.map((p) => problemText(p, t)).join(' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {preview.rows.length > PAGE && (
        <Pager offset={offset} pageSize={PAGE} total={preview.rows.length} onChange={setOffset} />
      )}
    </>
  );
}

function Progress({ job }: { job: RegistrationImport }) {
  const { t, lang } = useI18n();
  const labelId = useId();
  const percent = percentOf(job);
  const n = numberFormat(lang);
  return (
    <>
      <p id={labelId} className="progress-label">
        {t('import.progress')}:{' '}
        {t('import.progressText', {
          processed: n.format(job.processedRows),
          total: n.format(job.totalRows),
          percent,
        })}
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent} %`}
      >
        <div className="progress-bar" style={{ width: `${percent}%` }} />
      </div>
      <Counts
        items={[
          [t('import.count.created'), job.createdRows],
          [t('import.count.resent'), job.resentRows],
          [t('import.count.refused'), job.refusedRows],
        ]}
      />
    </>
  );
}

export function ImportPage({ account, permissions }: { account: Account; permissions: Permissions }) {
  const { t, lang } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const institutionFieldId = useId();
  const fileHintId = useId();
  const anyInstitution = permissions.inviteAnyInstitution;
  const [institutionId, setInstitutionId] = useState(anyInstitution ? '' : (account.institutionId ?? ''));
  const [institutions, setInstitutions] = useState<{ id: string; name: string }[]>([]);
  const [limits, setLimits] = useState<ImportLimits>();
  const [recent, setRecent] = useState<RegistrationImport[]>([]);
  const [file, setFile] = useState<File>();
  const [fileKey, setFileKey] = useState(0);
  const [preview, setPreview] = useState<ImportPreview>();
  const [job, setJob] = useState<RegistrationImport>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const wanted = new URLSearchParams(location.search).get('impor') ?? undefined;

  const refreshRecent = useCallback(
    () =>
      api.get('/api/v1/registration-imports').then((list) => {
        setLimits(list.limits);
        setRecent(list.imports);
        return list.imports;
      }),
    [],
  );

  const showJob = useCallback(
    (next: RegistrationImport) => {
      setJob(next);
      if (wanted !== next.id) void navigate(`${paths.importCsv}?impor=${next.id}`, { replace: true });
    },
    [navigate, wanted],
  );

  // The limits, one's own recent imports; back to the one in the URL, or to one still running.
  useEffect(() => {
    if (!permissions.importRegistrants) return;
    let stop = false;
    refreshRecent()
      .then(async (imports) => {
        if (stop) return;
        if (wanted === undefined) {
          const running = imports.find((i) => i.status === 'running');
          if (running) showJob(running);
        } else if (!isUuid(wanted)) {
          setError(new ApiError(404, 'ERR_RESOURCE_NOT_FOUND', '', undefined, undefined));
        } else {
          const found = await api.get('/api/v1/registration-imports/{id}', { path: { id: wanted } });
          if (!stop) setJob(found.import);
        }
      })
      .catch((e: unknown) => !stop && setError(e));
    return () => {
      stop = true;
    };
    // Once per page; later changes of the URL come from this page itself.
  }, [permissions.importRegistrants]);

  useEffect(() => {
    if (!anyInstitution) return;
    api
      .get('/api/v1/institutions', { query: { active: true, limit: 200 } })
      .then((list) => setInstitutions(list.institutions.map(({ id, name }) => ({ id, name }))))
      .catch((e: unknown) => setError(e));
  }, [anyInstitution]);

  // While the job runs, its progress is asked for again after each answer.
  useEffect(() => {
    if (!job || job.status !== 'running') return;
    let stop = false;
    const timer = setTimeout(() => {
      api
        .get('/api/v1/registration-imports/{id}', { path: { id: job.id } })
        .then((next) => !stop && setJob(next.import))
        .catch((e: unknown) => !stop && setError(e));
    }, POLL_MS);
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [job]);

  // The preview comes under the form: take the reader (and the screen reader's focus) to it.
  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);

  const jobStatus = job?.status;
  useEffect(() => {
    if (jobStatus === 'done' || jobStatus === 'failed') refreshRecent().catch(() => undefined);
  }, [jobStatus, refreshRecent]);

  const query = anyInstitution ? { institutionId } : undefined;
  const upload = async <T,>(url: string): Promise<T> => {
    // A file over the limit is refused here with the server's words: the server would refuse it
    // too, but past its drain limit (TEKEN_BODY_DRAIN_LIMIT_BYTES) only by closing the connection.
    if (limits && file!.size > limits.maxBytes)
      throw new ApiError(413, 'ERR_INPUT_TOO_LARGE', '', undefined, { maxBytes: limits.maxBytes });
    // The file's own type may be anything (Windows calls .csv "application/vnd.ms-excel").
    return apiRequest<T>('POST', apiUrl(url, undefined, query), new Blob([file!], { type: 'text/csv' }));
  };

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.target.files?.[0]);
    setPreview(undefined);
    setError(undefined);
  };

  const runPreview = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setPreview(undefined);
    try {
      setPreview(await upload<ImportPreview>('/api/v1/registration-imports/preview'));
    } catch (e) {
      setError(e);
    }
    setBusy(false);
  };

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const started = await upload<ImportStarted>('/api/v1/registration-imports');
      setPreview(undefined);
      showJob(started.import);
      void refreshRecent().catch(() => undefined);
    } catch (e) {
      setError(e);
    }
    setBusy(false);
  };

  const again = () => {
    setJob(undefined);
    setPreview(undefined);
    setFile(undefined);
    setFileKey((k) => k + 1);
    setError(undefined);
    void navigate(paths.importCsv, { replace: true });
  };

  const institutionName = useMemo(() => new Map(institutions.map((i) => [i.id, i.name])), [institutions]);
  const n = numberFormat(lang);

  const heading = (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('import.title') }]} />
      <PageHeading title={t('import.title')}>{t('import.title')}</PageHeading>
    </>
  );
  if (!permissions.importRegistrants)
    return (
      <>
        {heading}
        <p className="notice notice-error">{t('forbidden.text')}</p>
      </>
    );

  const chooseStep = (
    <section className="card" aria-labelledby={`${institutionFieldId}-choose`}>
      <h2 id={`${institutionFieldId}-choose`}>{t('import.step.choose')}</h2>
      <p id={fileHintId}>
        {t('import.columns')}
        {limits && (
          <>
            {' '}
            {t('import.limits', { size: formatSize(limits.maxBytes, lang), rows: n.format(limits.maxRows) })}
          </>
        )}
      </p>
      <p>
        <a href={SAMPLE_CSV} download="contoh-impor-pengguna.csv">
          {t('import.sample')}
        </a>
      </p>
      <form className="form" onSubmit={(e) => void runPreview(e)}>
        {anyInstitution && (
          <div className="field">
            <label htmlFor={institutionFieldId}>
              {t('import.institution')}
              <span className="required" aria-hidden="true">
                {' '}
                *
              </span>
            </label>
            <select
              id={institutionFieldId}
              required
              value={institutionId}
              onChange={(e) => {
                setInstitutionId(e.target.value);
                setPreview(undefined);
              }}
            >
              <option value="">{t('import.chooseInstitution')}</option>
              {institutions.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <label className="button file-button">
          {t('import.chooseFile')}
          <input
            key={fileKey}
            type="file"
            className="visually-hidden"
            accept=".csv,text/csv"
            aria-describedby={fileHintId}
            onChange={choose}
          />
        </label>
        <p className="muted" aria-live="polite">
          {file
            ? t('import.chosen', { name: file.name, size: formatSize(file.size, lang) })
            : t('import.noFile')}
        </p>
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy || !file}>
            {t('import.preview')}
          </button>
        </div>
      </form>
      <p className="small muted">{t('import.resumeHelp')}</p>
    </section>
  );

  const previewStep = preview && (
    <section className="card" aria-labelledby={`${institutionFieldId}-preview`}>
      <h2 id={`${institutionFieldId}-preview`} ref={previewHeading} tabIndex={-1}>
        {t('import.step.preview')}
      </h2>
      <p className="muted">{t('import.previewNote')}</p>
      <Counts
        items={[
          [t('import.count.rows'), preview.counts.rows],
          [
            t('import.count.valid'),
            preview.counts.new + preview.counts.resend,
            t('import.validDetail', {
              new: n.format(preview.counts.new),
              resend: n.format(preview.counts.resend),
            }),
          ],
          [t('import.count.refused'), preview.counts.invalid],
        ]}
      />
      {preview.counts.rows > 0 && (
        <div className="actions">
          <button
            type="button"
            className="button primary"
            disabled={busy || preview.counts.rows === 0}
            onClick={() => void start()}
          >
            {t('import.start')}
          </button>
        </div>
      )}
      {preview.counts.rows === 0 ? (
        <p>{t('import.noRows')}</p>
      ) : (
        <>
          {preview.truncated && (
            <p className="muted">
              {t('import.truncated', {
                shown: n.format(preview.rows.length),
                rows: n.format(preview.counts.rows),
              })}
            </p>
          )}
          <PreviewTable key={preview.rows.length} preview={preview} />
        </>
      )}
    </section>
  );

  const progressStep = job && (
    <section className="card" aria-labelledby={`${institutionFieldId}-progress`}>
      <h2 id={`${institutionFieldId}-progress`}>{t('import.step.progress')}</h2>
      {anyInstitution && institutionName.has(job.institutionId) && (
        <p>
          {t('import.institution')}: {institutionName.get(job.institutionId)}
        </p>
      )}
      {job.resumedAt && (
        <Notice tone="info">
          <p>{t('import.resumed', { time: formatWib(job.resumedAt, lang) })}</p>
        </Notice>
      )}
      <Progress job={job} />
      {job.status === 'running' && <p className="muted">{t('import.running')}</p>}
      {job.status === 'failed' && <p className="notice notice-warning">{t('import.failed')}</p>}
      {job.status === 'done' && (
        <Notice tone="success">
          <p>{t('import.done', { time: formatWib(job.finishedAt ?? job.createdAt, lang) })}</p>
        </Notice>
      )}
      <div className="actions">
        {job.status === 'done' && (
          <a
            className="button primary"
            href={apiUrl('/api/v1/registration-imports/{id}/report', { id: job.id })}
            download
          >
            {t('import.report')}
          </a>
        )}
        {/* Also while running: a job left unfinished by a stopped server resumes from its file. */}
        <button type="button" className="button" onClick={again}>
          {t('import.another')}
        </button>
      </div>
    </section>
  );

  return (
    <>
      {heading}
      <p className="muted">{t('import.help')}</p>
      <ImportError error={error} limits={limits} />
      <div className="stack">
        {job ? (
          progressStep
        ) : (
          <>
            {chooseStep}
            {previewStep}
          </>
        )}
        {recent.length > 0 && (
          <section className="card" aria-labelledby={`${institutionFieldId}-recent`}>
            <h2 id={`${institutionFieldId}-recent`}>{t('import.recent')}</h2>
            <ScrollTable label={t('import.recent')}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('import.col.started')}</th>
                    {anyInstitution && <th scope="col">{t('import.col.institution')}</th>}
                    <th scope="col">{t('import.col.total')}</th>
                    <th scope="col">{t('import.count.created')}</th>
                    <th scope="col">{t('import.count.resent')}</th>
                    <th scope="col">{t('import.count.refused')}</th>
                    <th scope="col">{t('import.col.status')}</th>
                    <th scope="col">{t('import.col.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {recent.map((i) => (
                    <tr key={i.id}>
                      <td>{formatWib(i.createdAt, lang)}</td>
                      {anyInstitution && <td>{institutionName.get(i.institutionId) ?? ''}</td>}
                      <td>{n.format(i.totalRows)}</td>
                      <td>{n.format(i.createdRows)}</td>
                      <td>{n.format(i.resentRows)}</td>
                      <td>{n.format(i.refusedRows)}</td>
                      <td>{t(`import.job.${i.status}`)}</td>
                      <td>
                        {i.id === job?.id ? null : (
                          <Link
                            to={`${paths.importCsv}?impor=${i.id}`}
                            onClick={() => {
                              setError(undefined);
                              setJob(i);
                            }}
                          >
                            {t('import.open')}
                          </Link>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </section>
        )}
      </div>
    </>
  );
}
