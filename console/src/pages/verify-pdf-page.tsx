/**
 * "Verifikasi PDF" (`/verifikasi`), public, no sign-in: a signed PDF is chosen (or dropped on the
 * page), with its password when it has one, and checked by the one validator (`POST
 * /api/public/verify/pdf`); the report shows the verdict and, per signature, the signer, the chain
 * and its trust, integrity, changes after signing (allowed or not), the time-stamp, LTV, the
 * revocation status at signing time and the PAdES level. It downloads as JSON (the report the page
 * holds) or as a PDF (`/report`, in the page's language).
 *
 * `?dokumen=<id>` is the link of the QR code Teken draws on the documents it signs: the page first
 * says what Teken recorded of that document (`GET /api/public/verify/document/{id}`: signer, time,
 * level, the signed PDF's SHA-256) and, once a file is chosen, whether it is that document, or holds
 * it with later additions (lib/revision-hashes.ts), or is another file.
 */
import { useEffect, useId, useState, type DragEvent, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, apiFile, blobToDataUrl, saveFile } from '../api/client';
import type { ResponseBody } from '../api/types';
import { AuthLayout } from '../components/auth-layout';
import { Field } from '../components/field';
import { ErrorNotice, Notice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { formatWib } from '../lib/format';
import { paths } from '../lib/paths';
import { matchRecord, type RecordMatch } from '../lib/revision-hashes';
import { Link, useLocation } from '../lib/router';

type Report = ResponseBody<'/api/public/verify/pdf', 'post'>;
type Signature = Report['signatures'][number];
type DocumentRecord = ResponseBody<'/api/public/verify/document/{id}', 'get'>;

/** The server's limit (src/signing/verify/pdf-verifier.ts MAX_VERIFY_PDF_BYTES). */
const MAX_MB = 20;
const DOCUMENT_ID = /^[0-9a-f]{32}$/i;

const errorOverrides = {
  ERR_PDF_INVALID: 'verifyPdf.error.pdfInvalid',
  ERR_PDF_PASSWORD: 'verifyPdf.error.password',
  ERR_VERIFY_RATE_LIMITED: 'verifyPdf.error.rateLimited',
  ERR_PDF_TOO_LARGE: 'verifyPdf.error.tooLarge',
  ERR_INPUT_TOO_LARGE: 'verifyPdf.error.tooLarge',
} as const;

const sizeText = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** What Teken recorded of `?dokumen=`: loading, found, or why not. */
type RecordState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'found'; record: DocumentRecord }
  | { status: 'malformed' }
  | { status: 'error'; error: unknown };

function useDocumentRecord(id: string | null): RecordState {
  const [state, setState] = useState<RecordState>({ status: id ? 'loading' : 'none' });
  useEffect(() => {
    if (!id) return setState({ status: 'none' });
    if (!DOCUMENT_ID.test(id)) return setState({ status: 'malformed' });
    let live = true;
    setState({ status: 'loading' });
    api.get('/api/public/verify/document/{id}', { path: { id }, redirectOnAuthRequired: false }).then(
      (record) => live && setState({ status: 'found', record }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return state;
}

function RecordNotice({ state, id }: { state: RecordState; id: string }) {
  const { t, lang } = useI18n();
  switch (state.status) {
    case 'none':
      return null;
    case 'loading':
      return <p role="status">{t('verifyPdf.record.loading')}</p>;
    case 'malformed':
      return <p className="notice notice-error">{t('verifyPdf.record.malformed')}</p>;
    case 'error':
      return state.error instanceof ApiError && state.error.code === 'ERR_VERIFY_DOCUMENT_NOT_FOUND' ? (
        <p className="notice notice-error breakable">{t('verifyPdf.record.notFound', { id })}</p>
      ) : (
        <ErrorNotice error={state.error} overrides={errorOverrides} />
      );
    case 'found': {
      const r = state.record;
      const time = formatWib(r.signingTime, lang);
      return (
        <div className="notice notice-info verify-record" data-testid="document-record">
          <p>
            <strong>
              {t(r.kind === 'seal' ? 'verifyPdf.record.sealed' : 'verifyPdf.record.signed', {
                name: r.signerName,
                time,
              })}
            </strong>
          </p>
          {r.level && <p>{t('verifyPdf.record.level', { level: r.level })}</p>}
          <p>
            {t('verifyPdf.record.hash')} <code className="breakable">{r.sha256}</code>
          </p>
          <p>{t('verifyPdf.record.invite')}</p>
        </div>
      );
    }
  }
}

const matchKeys = {
  same: 'verifyPdf.match.same',
  contains: 'verifyPdf.match.contains',
  different: 'verifyPdf.match.different',
  unavailable: 'verifyPdf.match.unavailable',
} as const;

function MatchNotice({ match }: { match: RecordMatch }) {
  const { t } = useI18n();
  const good = match === 'same' || match === 'contains';
  return (
    <p
      className={`notice ${good ? 'notice-success' : match === 'different' ? 'notice-error' : 'notice-info'}`}
      data-testid="record-match"
      data-match={match}
    >
      {t(matchKeys[match])}
    </p>
  );
}

/** One row of a signature's facts. */
function Fact({ term, children, ok }: { term: string; children: ReactNode; ok?: boolean }) {
  return (
    <>
      <dt>{term}</dt>
      <dd className={ok === undefined ? undefined : ok ? 'verify-ok' : 'verify-bad'}>{children}</dd>
    </>
  );
}

function SignatureCard({ signature: s, n }: { signature: Signature; n: number }) {
  const { t, lang } = useI18n();
  const headingId = useId();
  const when = (iso: string | null) => (iso ? formatWib(iso, lang) : t('verifyPdf.none'));
  const changes = !s.modified
    ? t('verifyPdf.unchanged')
    : s.modifiedAllowed
      ? t('verifyPdf.changedAllowed')
      : t('verifyPdf.changedForbidden');
  return (
    <section className="verify-signature" aria-labelledby={headingId} data-testid="signature">
      <h3 id={headingId} className="breakable">
        {t(s.documentTimestamp ? 'verifyPdf.documentTimestamp' : 'verifyPdf.signature', {
          n,
          name: s.signerName || '—',
        })}
      </h3>
      <p className={`verify-badge ${s.holds ? 'verify-badge-ok' : 'verify-badge-bad'}`}>
        {t(s.holds ? 'verifyPdf.holds' : 'verifyPdf.broken')}
      </p>
      <dl className="facts verify-facts">
        <Fact term={t('verifyPdf.signer')}>
          <span className="breakable">{s.signerDn || s.signerName}</span>
        </Fact>
        <Fact term={t('verifyPdf.issuer')}>
          <span className="breakable">{s.issuerName}</span>
        </Fact>
        {s.chain.length > 0 && (
          <Fact term={t('verifyPdf.chain')}>
            <span className="breakable">{s.chain.join(' → ')}</span>
          </Fact>
        )}
        <Fact term={t('verifyPdf.trust')} ok={s.trusted}>
          {t(s.trusted ? 'verifyPdf.trusted' : 'verifyPdf.untrusted')}
        </Fact>
        <Fact term={t('verifyPdf.integrity')} ok={s.integrity}>
          {t(s.integrity ? 'verifyPdf.intact' : 'verifyPdf.damaged')}
        </Fact>
        <Fact term={t('verifyPdf.changes')} ok={!s.modified || s.modifiedAllowed}>
          {changes}
        </Fact>
        {!s.documentTimestamp && <Fact term={t('verifyPdf.signingTime')}>{when(s.signingTime)}</Fact>}
        {!s.documentTimestamp && (
          <Fact term={t('verifyPdf.timestamp')} ok={s.timestamp ? s.timestamp.valid : undefined}>
            {s.timestamp
              ? t(s.timestamp.valid ? 'verifyPdf.timestampOk' : 'verifyPdf.timestampBad', {
                  time: formatWib(s.timestamp.time, lang),
                  name: s.timestamp.signerName,
                })
              : t('verifyPdf.none')}
          </Fact>
        )}
        <Fact term={t('verifyPdf.ltv')}>{t(s.ltv ? 'verifyPdf.ltvYes' : 'verifyPdf.ltvNo')}</Fact>
        <Fact
          term={t('verifyPdf.revocation')}
          ok={s.revocation === 'unknown' ? undefined : s.revocation === 'good'}
        >
          {t(`verifyPdf.revocation.${s.revocation}`)}
        </Fact>
        <Fact term={t('verifyPdf.level')}>{s.level}</Fact>
        {s.reason && <Fact term={t('verifyPdf.reason')}>{s.reason}</Fact>}
        {s.location && <Fact term={t('verifyPdf.location')}>{s.location}</Fact>}
      </dl>
    </section>
  );
}

function ReportView({ report, body }: { report: Report; body: VerifyBody }) {
  const { t, lang } = useI18n();
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<unknown>();
  const stem = (report.fileName ?? 'dokumen').replace(/\.pdf$/i, '');
  const downloadJson = () =>
    saveFile(
      new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' }),
      `laporan-verifikasi-${stem}.json`,
    );
  const downloadPdf = async () => {
    setDownloading(true);
    setError(undefined);
    try {
      const { blob, filename } = await apiFile(`/api/public/verify/pdf/report?lang=${lang}`, body);
      saveFile(blob, filename);
    } catch (e) {
      setError(e);
    } finally {
      setDownloading(false);
    }
  };
  let n = 0;
  let stamps = 0;
  return (
    <section className="verify-report" aria-labelledby="verify-report-heading" data-testid="verify-report">
      <h2 id="verify-report-heading">{t('verifyPdf.report')}</h2>
      <p
        className={`verify-verdict verify-verdict-${report.conclusion.toLowerCase()}`}
        data-testid="verdict"
        data-conclusion={report.conclusion}
      >
        <strong>{t(`verifyPdf.conclusion.${report.conclusion}`)}</strong>
        <span>{report.summary[lang]}</span>
      </p>
      {report.fileName && <p className="breakable">{t('verifyPdf.reportFile', { name: report.fileName })}</p>}
      <p>{t('verifyPdf.count', { n: report.signatureCount })}</p>
      {report.signatures.map((s) => (
        <SignatureCard key={s.fieldName} signature={s} n={s.documentTimestamp ? ++stamps : ++n} />
      ))}
      <ErrorNotice error={error} overrides={errorOverrides} />
      <div className="actions verify-downloads">
        <button type="button" className="button" onClick={downloadJson}>
          {t('verifyPdf.downloadJson')}
        </button>
        <button type="button" className="button" onClick={() => void downloadPdf()} disabled={downloading}>
          {t('verifyPdf.downloadPdf')}
        </button>
      </div>
    </section>
  );
}

interface VerifyBody {
  file: string;
  fileName: string;
  password?: string;
}

export function VerifyPdfPage() {
  const { t } = useI18n();
  const location = useLocation();
  const documentId = new URLSearchParams(location.search).get('dokumen');
  const record = useDocumentRecord(documentId);
  const inputId = useId();
  const [file, setFile] = useState<File>();
  const [password, setPassword] = useState('');
  // Kept as a message key, so the language switch translates it too.
  const [problem, setProblem] = useState<{ key: MessageKey; params?: Record<string, string | number> }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [result, setResult] = useState<{ report: Report; body: VerifyBody; match?: RecordMatch }>();
  const needsPassword = error instanceof ApiError && error.code === 'ERR_PDF_PASSWORD';

  const choose = (chosen: File | undefined) => {
    setResult(undefined);
    setError(undefined);
    setProblem(undefined);
    if (!chosen) return setFile(undefined);
    if (!/\.pdf$/i.test(chosen.name) && chosen.type !== 'application/pdf') {
      setFile(undefined);
      return setProblem({ key: 'verifyPdf.notPdf', params: { name: chosen.name } });
    }
    if (chosen.size > MAX_MB * 1024 * 1024) {
      setFile(undefined);
      return setProblem({ key: 'verifyPdf.tooLarge', params: { max: MAX_MB } });
    }
    setFile(chosen);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setProblem({ key: 'verifyPdf.noFile' });
    setBusy(true);
    setError(undefined);
    setProblem(undefined);
    setResult(undefined);
    try {
      const body: VerifyBody = {
        file: (await blobToDataUrl(file)).split(',')[1] ?? '',
        fileName: file.name.slice(0, 255),
        ...(password ? { password } : {}),
      };
      const report = await api.post('/api/public/verify/pdf', body, { redirectOnAuthRequired: false });
      const match =
        record.status === 'found'
          ? await matchRecord(new Uint8Array(await file.arrayBuffer()), record.record.sha256)
          : undefined;
      setResult({ report, body, ...(match ? { match } : {}) });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout wide>
      <PageHeading title={t('verifyPdf.title')}>{t('verifyPdf.title')}</PageHeading>
      {documentId && <RecordNotice state={record} id={documentId} />}
      <p>{t('verifyPdf.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div
          className={dragging ? 'verify-drop verify-drop-active' : 'verify-drop'}
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p className="verify-drop-label">{t('verifyPdf.file')}</p>
          <input
            id={inputId}
            className="visually-hidden"
            type="file"
            accept="application/pdf,.pdf"
            aria-describedby={`${inputId}-hint`}
            onChange={(e) => {
              choose(e.currentTarget.files?.[0]);
              e.currentTarget.value = '';
            }}
          />
          <label className="button file-button" htmlFor={inputId}>
            {t('verifyPdf.choose')}
          </label>
          <p className="hint">{t('verifyPdf.drop')}</p>
          <p className="hint" id={`${inputId}-hint`}>
            {t('verifyPdf.fileHint', { max: MAX_MB })}
          </p>
          {file && (
            <p className="breakable" data-testid="chosen-file">
              {t('verifyPdf.chosen', { name: file.name, size: sizeText(file.size) })}
            </p>
          )}
        </div>
        <Field
          label={t('verifyPdf.password')}
          hint={t('verifyPdf.passwordHint')}
          type="password"
          autoComplete="off"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          aria-invalid={needsPassword || undefined}
        />
        {problem && (
          <p className="notice notice-error" role="alert">
            {t(problem.key, problem.params)}
          </p>
        )}
        <ErrorNotice error={error} overrides={errorOverrides} />
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('verifyPdf.checking') : t('verifyPdf.submit')}
          </button>
        </div>
      </form>
      {busy && <Notice>{t('verifyPdf.checking')}</Notice>}
      {result?.match && <MatchNotice match={result.match} />}
      {result && <ReportView report={result.report} body={result.body} />}
      <p className="form-row">
        <Link to={paths.signIn}>{t('keystoreLink.signIn')}</Link>
      </p>
    </AuthLayout>
  );
}
