/**
 * "Tanda Tangan Dokumen" (Sertifikat Saya): the holder signs one or more PDFs with their active
 * eSign certificate. Each file is previewed with PDF.js (a page chooser per document) and the
 * signature box is placed by dragging on the page (or a click for a box of the usual size, then
 * dragged to move); instead, a tag text (every place the text occurs) or an invisible signature.
 * The appearance is a QR code of the document's verification link (the default) or a specimen
 * image (JPG/PNG); reason and location are optional. The passphrase is entered once for the batch
 * (the server signs it under one signing authorisation); each signed file is then downloaded, or
 * all of them as one zip made here (fflate) from the files the page already holds.
 *
 * The box is kept in PDF units as the reader sees the page (lib/signature-box.ts), which is what
 * the server takes, rotated pages included. It is drawn on an SVG over the canvas (attributes, no
 * inline style: the console's CSP).
 */
import { zipSync } from 'fflate';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type PointerEvent } from 'react';
import { api, blobToDataUrl } from '../api/client';
import type { ResponseBody } from '../api/types';
import { Breadcrumb } from '../components/app-shell';
import { ErrorNotice, LoadErrorNotice, Notice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';
import { formatWib } from '../lib/format';
import { paths } from '../lib/paths';
import { isPasswordError, openPdf, renderPage, type OpenedPdf } from '../lib/pdf-preview';
import { Link } from '../lib/router';
import { boxFromDrag, moveBox, svgRect, type DisplayedPage, type PdfBox } from '../lib/signature-box';

type Options = ResponseBody<'/api/v1/signing/documents', 'get'>;
type Signed = ResponseBody<'/api/v1/signing/documents', 'post'>['documents'][number];

interface Doc {
  key: string;
  file: File;
  bytes: Uint8Array;
  opened?: OpenedPdf;
  /** The PDF needs a password to be shown (and signed). */
  needsPassword?: boolean;
  password?: string;
  unreadable?: boolean;
  page: number;
  box?: { page: number; box: PdfBox };
}

type Mode = 'box' | 'tag' | 'invisible';

function bytesOf(base64: string): Uint8Array {
  const raw = atob(base64);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

const base64Of = async (blob: Blob) => (await blobToDataUrl(blob)).split(',')[1] ?? '';
const fmt = (v: number) => String(Math.round(v));

/** The page preview with the box over it; dragging draws a box, dragging the box moves it. */
function PagePreview({
  doc,
  onBox,
}: {
  doc: Doc & { opened: OpenedPdf };
  onBox: (box: { page: number; box: PdfBox }) => void;
}) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<DisplayedPage>();
  const [draft, setDraft] = useState<PdfBox>();
  const drag = useRef<{ mode: 'draw' | 'move'; fx: number; fy: number; box?: PdfBox; id: number }>(undefined);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    setSize(undefined);
    const width = Math.min(frame.current?.clientWidth ?? 600, 900);
    if (canvas.current)
      renderPage(doc.opened, doc.page, canvas.current, width).then(
        (s) => live && setSize(s),
        () => live && setFailed(true),
      );
    return () => {
      live = false;
    };
  }, [doc.opened, doc.page]);

  const fraction = (event: PointerEvent) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { fx: (event.clientX - rect.left) / rect.width, fy: (event.clientY - rect.top) / rect.height };
  };
  const placed = doc.box?.page === doc.page ? doc.box.box : undefined;
  const shown = draft ?? placed;

  const down = (event: PointerEvent<SVGSVGElement>) => {
    if (!size || event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const onBox = (event.target as Element).getAttribute('data-box') === 'true';
    drag.current = {
      mode: onBox && placed ? 'move' : 'draw',
      ...fraction(event),
      box: placed,
      id: event.pointerId,
    };
  };
  const moved = (event: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d || !size || d.id !== event.pointerId) return;
    const at = fraction(event);
    setDraft(
      d.mode === 'move' && d.box
        ? moveBox(size, d.box, at.fx - d.fx, at.fy - d.fy)
        : boxFromDrag(size, d, at),
    );
  };
  const up = (event: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d || !size || d.id !== event.pointerId) return;
    drag.current = undefined;
    const at = fraction(event);
    const box =
      d.mode === 'move' && d.box
        ? moveBox(size, d.box, at.fx - d.fx, at.fy - d.fy)
        : boxFromDrag(size, d, at);
    setDraft(undefined);
    onBox({ page: doc.page, box });
  };

  const rect = size && shown ? svgRect(size, shown) : undefined;
  return (
    <div className="sign-preview" ref={frame}>
      {failed && <Notice>{t('signDocs.previewFailed')}</Notice>}
      <div className="sign-page">
        <canvas ref={canvas} className="sign-canvas" aria-hidden="true" />
        {size && (
          <svg
            className="sign-overlay"
            viewBox={`0 0 ${size.width} ${size.height}`}
            preserveAspectRatio="none"
            role="img"
            aria-label={t('signDocs.previewLabel', { page: doc.page, name: doc.file.name })}
            data-page-width={size.width}
            data-page-height={size.height}
            onPointerDown={down}
            onPointerMove={moved}
            onPointerUp={up}
            onPointerCancel={() => {
              drag.current = undefined;
              setDraft(undefined);
            }}
          >
            {rect && (
              <rect
                data-box="true"
                className="sign-box"
                x={rect.x}
                y={rect.y}
                width={rect.width}
                height={rect.height}
              />
            )}
          </svg>
        )}
      </div>
    </div>
  );
}

export function SignDocumentsPage() {
  const { t, lang } = useI18n();
  const ids = useId();
  const [options, setOptions] = useState<Options>();
  const [loadError, setLoadError] = useState<unknown>();
  const [docs, setDocs] = useState<Doc[]>([]);
  const [current, setCurrent] = useState(0);
  const [mode, setMode] = useState<Mode>('box');
  const [tag, setTag] = useState('');
  const [tagWidth, setTagWidth] = useState('85');
  const [tagHeight, setTagHeight] = useState('85');
  const [look, setLook] = useState<'qr' | 'image'>('qr');
  const [image, setImage] = useState<File>();
  const [imagePreview, setImagePreview] = useState<string>();
  const [reason, setReason] = useState('');
  const [location, setLocation] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [signed, setSigned] = useState<{ name: string; url: string; bytes: Uint8Array; sha256: string }[]>();
  const seq = useRef(0);

  useEffect(() => {
    let live = true;
    api
      .get('/api/v1/signing/documents')
      .then((o) => live && setOptions(o))
      .catch((e: unknown) => live && setLoadError(e));
    return () => {
      live = false;
    };
  }, []);

  // The object URLs of the signed files live as long as the list.
  useEffect(() => () => signed?.forEach((s) => URL.revokeObjectURL(s.url)), [signed]);

  const update = useCallback((key: string, change: Partial<Doc>) => {
    setDocs((all) => all.map((d) => (d.key === key ? { ...d, ...change } : d)));
  }, []);

  const open = async (doc: Doc, password?: string) => {
    try {
      const opened = await openPdf(doc.bytes, password);
      update(doc.key, { opened, needsPassword: false, unreadable: false, ...(password ? { password } : {}) });
    } catch (e) {
      if (isPasswordError(e)) update(doc.key, { needsPassword: true });
      else update(doc.key, { unreadable: true });
    }
  };

  const addFiles = async (files: FileList | null) => {
    if (!files || !options) return;
    setProblem(undefined);
    setSigned(undefined);
    const added: Doc[] = [];
    for (const file of Array.from(files)) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      added.push({ key: `${++seq.current}`, file, bytes, page: 1 });
    }
    const all = [...docs, ...added];
    if (all.length > options.maxDocuments) {
      setProblem(t('signDocs.tooMany', { max: options.maxDocuments }));
      return;
    }
    const total = all.reduce((n, d) => n + d.bytes.length, 0);
    if (total > options.maxBytes) {
      setProblem(t('signDocs.tooLarge', { max: Math.floor(options.maxBytes / (1024 * 1024)) }));
      return;
    }
    setDocs(all);
    setCurrent(docs.length);
    for (const doc of added) void open(doc);
  };

  const chooseImage = async (file: File | undefined) => {
    setProblem(undefined);
    setImage(undefined);
    setImagePreview(undefined);
    if (!file) return;
    if (!['image/png', 'image/jpeg'].includes(file.type)) return setProblem(t('signDocs.imageType'));
    if (options && file.size > options.maxImageBytes)
      return setProblem(
        t('signDocs.imageTooLarge', { max: Math.floor(options.maxImageBytes / (1024 * 1024)) }),
      );
    setImage(file);
    setImagePreview(await blobToDataUrl(file));
  };

  const remove = (key: string) => {
    setDocs((all) => all.filter((d) => d.key !== key));
    setCurrent(0);
    setSigned(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    setError(undefined);
    if (docs.length === 0) return setProblem(t('signDocs.noFiles'));
    const unready = docs.find((d) => !d.opened);
    if (unready) return setProblem(t('signDocs.notReadable', { name: unready.file.name }));
    if (mode === 'box') {
      const missing = docs.findIndex((d) => !d.box);
      if (missing >= 0) {
        setCurrent(missing);
        return setProblem(t('signDocs.noBox', { name: docs[missing]!.file.name }));
      }
    }
    if (mode === 'tag' && !tag.trim()) return setProblem(t('signDocs.noTag'));
    const w = Number(tagWidth);
    const h = Number(tagHeight);
    if (mode === 'tag' && !(w > 0 && h > 0 && w <= 14400 && h <= 14400))
      return setProblem(t('signDocs.tagSize'));
    if (mode !== 'invisible' && look === 'image' && !image) return setProblem(t('signDocs.noImage'));
    if (!passphrase) return setProblem(t('signDocs.noPassphrase'));
    setBusy(true);
    try {
      const documents = await Promise.all(
        docs.map(async (d) => ({
          name: d.file.name,
          contentBase64: await base64Of(new Blob([d.bytes.slice()])),
          ...(d.password ? { pdfPassword: d.password } : {}),
          placement:
            mode === 'box'
              ? { type: 'box' as const, page: d.box!.page, ...d.box!.box }
              : mode === 'tag'
                ? { type: 'tag' as const, tag: tag.trim(), width: w, height: h }
                : { type: 'invisible' as const },
        })),
      );
      const result = await api.post('/api/v1/signing/documents', {
        passphrase,
        ...(options?.certificate ? { certificateId: options.certificate.id } : {}),
        appearance:
          mode !== 'invisible' && look === 'image' && image
            ? { type: 'image', imageBase64: await base64Of(image) }
            : { type: 'qr' },
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(location.trim() ? { location: location.trim() } : {}),
        documents,
      });
      setSigned(
        result.documents.map((s: Signed) => {
          const bytes = bytesOf(s.contentBase64);
          return {
            name: s.name,
            bytes,
            sha256: s.sha256,
            url: URL.createObjectURL(new Blob([bytes.slice()], { type: 'application/pdf' })),
          };
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setPassphrase('');
      setBusy(false);
    }
  };

  const downloadAll = () => {
    if (!signed) return;
    const files: Record<string, Uint8Array> = {};
    for (const s of signed) {
      let name = s.name;
      for (let n = 2; name in files; n++) name = s.name.replace(/\.pdf$/, `-${n}.pdf`);
      files[name] = s.bytes;
    }
    const zip = zipSync(files, { level: 0 });
    const url = URL.createObjectURL(new Blob([zip.slice()], { type: 'application/zip' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'dokumen_signed.zip';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  const doc = docs[current];
  return (
    <>
      <Breadcrumb
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.certificates'), to: paths.certificates },
          { label: t('signDocs.title') },
        ]}
      />
      <PageHeading title={t('signDocs.title')}>{t('signDocs.title')}</PageHeading>
      {loadError !== undefined && <LoadErrorNotice error={loadError} />}
      {options && !options.certificate && (
        <Notice>
          {t('signDocs.noCertificate')}{' '}
          <Link to={paths.newCertificateRequest}>{t('nav.newCertificateRequest')}</Link>
        </Notice>
      )}
      {options?.certificate && (
        <form className="form sign-form" onSubmit={(e) => void submit(e)} noValidate>
          <section className="card">
            <h2>{t('signDocs.files')}</h2>
            <p className="hint">
              {t('signDocs.signingAs', {
                name: options.certificate.commonName,
                until: formatWib(options.certificate.validUntil, lang),
              })}
            </p>
            <label className="button file-button" htmlFor={`${ids}-files`}>
              {t('signDocs.chooseFiles')}
            </label>
            <input
              id={`${ids}-files`}
              className="visually-hidden"
              type="file"
              accept="application/pdf,.pdf"
              multiple
              onChange={(e) => {
                void addFiles(e.target.files);
                e.target.value = '';
              }}
            />
            <p className="hint">
              {t('signDocs.filesHint', {
                n: options.maxDocuments,
                max: Math.floor(options.maxBytes / (1024 * 1024)),
              })}
            </p>
            {docs.length > 0 && (
              <ul className="list sign-docs" aria-label={t('signDocs.files')}>
                {docs.map((d, i) => (
                  <li
                    key={d.key}
                    className={i === current ? 'list-item sign-doc current' : 'list-item sign-doc'}
                  >
                    <button
                      type="button"
                      className="link-button breakable"
                      aria-pressed={i === current}
                      onClick={() => setCurrent(i)}
                    >
                      {d.file.name}
                    </button>
                    <span className="muted small">
                      {d.opened
                        ? d.opened.pages === 1
                          ? t('signDocs.pagesOne')
                          : t('signDocs.pages', { n: d.opened.pages })
                        : d.needsPassword
                          ? t('signDocs.locked')
                          : d.unreadable
                            ? t('signDocs.unreadable')
                            : t('signDocs.opening')}
                      {mode === 'box' &&
                        d.box &&
                        ` · ${t('signDocs.boxAt', {
                          page: d.box.page,
                          x: fmt(d.box.box.x),
                          y: fmt(d.box.box.y),
                          w: fmt(d.box.box.width),
                          h: fmt(d.box.box.height),
                        })}`}
                    </span>
                    <button type="button" className="button small" onClick={() => remove(d.key)}>
                      {t('signDocs.remove')}
                      <span className="visually-hidden"> {d.file.name}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="card">
            <h2>{t('signDocs.placement')}</h2>
            <fieldset className="radio-group">
              <legend className="visually-hidden">{t('signDocs.placement')}</legend>
              {(['box', 'tag', 'invisible'] as const).map((m) => (
                <label key={m} className="radio">
                  <input type="radio" name={`${ids}-mode`} checked={mode === m} onChange={() => setMode(m)} />{' '}
                  {t(`signDocs.mode.${m}`)}
                </label>
              ))}
            </fieldset>
            {mode === 'tag' && (
              <div className="form-row">
                <div className="field">
                  <label htmlFor={`${ids}-tag`}>{t('signDocs.tag')}</label>
                  <input
                    id={`${ids}-tag`}
                    value={tag}
                    maxLength={64}
                    onChange={(e) => setTag(e.target.value)}
                    aria-describedby={`${ids}-tag-hint`}
                  />
                  <p className="hint" id={`${ids}-tag-hint`}>
                    {t('signDocs.tagHint')}
                  </p>
                </div>
                <div className="field">
                  <label htmlFor={`${ids}-tw`}>{t('signDocs.width')}</label>
                  <input
                    id={`${ids}-tw`}
                    inputMode="decimal"
                    value={tagWidth}
                    onChange={(e) => setTagWidth(e.target.value)}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${ids}-th`}>{t('signDocs.height')}</label>
                  <input
                    id={`${ids}-th`}
                    inputMode="decimal"
                    value={tagHeight}
                    onChange={(e) => setTagHeight(e.target.value)}
                  />
                </div>
              </div>
            )}
            {mode === 'box' && doc && (
              <>
                <p className="hint">{t('signDocs.dragHint')}</p>
                {doc.needsPassword && (
                  <PdfPasswordForm name={doc.file.name} onPassword={(p) => void open(doc, p)} />
                )}
                {doc.unreadable && <Notice>{t('signDocs.unreadableText', { name: doc.file.name })}</Notice>}
                {doc.opened && (
                  <>
                    <div className="sign-pager">
                      <button
                        type="button"
                        className="button"
                        disabled={doc.page <= 1}
                        onClick={() => update(doc.key, { page: doc.page - 1 })}
                      >
                        {t('signDocs.previous')}
                      </button>
                      <label htmlFor={`${ids}-page`}>{t('signDocs.page')}</label>
                      <select
                        id={`${ids}-page`}
                        value={doc.page}
                        onChange={(e) => update(doc.key, { page: Number(e.target.value) })}
                      >
                        {Array.from({ length: doc.opened.pages }, (_, i) => (
                          <option key={i} value={i + 1}>
                            {i + 1}
                          </option>
                        ))}
                      </select>
                      <span>{t('signDocs.ofPages', { n: doc.opened.pages })}</span>
                      <button
                        type="button"
                        className="button"
                        disabled={doc.page >= doc.opened.pages}
                        onClick={() => update(doc.key, { page: doc.page + 1 })}
                      >
                        {t('signDocs.next')}
                      </button>
                    </div>
                    <PagePreview
                      key={`${doc.key}-${doc.page}`}
                      doc={doc as Doc & { opened: OpenedPdf }}
                      onBox={(box) => update(doc.key, { box })}
                    />
                    <p className="small" aria-live="polite" data-testid="box-text">
                      {doc.box
                        ? t('signDocs.boxAt', {
                            page: doc.box.page,
                            x: fmt(doc.box.box.x),
                            y: fmt(doc.box.box.y),
                            w: fmt(doc.box.box.width),
                            h: fmt(doc.box.box.height),
                          })
                        : t('signDocs.noBoxYet')}
                    </p>
                  </>
                )}
              </>
            )}
          </section>

          {mode !== 'invisible' && (
            <section className="card">
              <h2>{t('signDocs.appearance')}</h2>
              <fieldset className="radio-group">
                <legend className="visually-hidden">{t('signDocs.appearance')}</legend>
                <label className="radio">
                  <input
                    type="radio"
                    name={`${ids}-look`}
                    checked={look === 'qr'}
                    onChange={() => setLook('qr')}
                  />{' '}
                  {t('signDocs.look.qr')}
                </label>
                <label className="radio">
                  <input
                    type="radio"
                    name={`${ids}-look`}
                    checked={look === 'image'}
                    onChange={() => setLook('image')}
                  />{' '}
                  {t('signDocs.look.image')}
                </label>
              </fieldset>
              {look === 'qr' && <p className="hint">{t('signDocs.qrHint')}</p>}
              {look === 'image' && (
                <div className="field">
                  <label htmlFor={`${ids}-image`}>{t('signDocs.image')}</label>
                  <input
                    id={`${ids}-image`}
                    type="file"
                    accept="image/png,image/jpeg"
                    onChange={(e) => void chooseImage(e.target.files?.[0])}
                  />
                  <p className="hint">{t('signDocs.imageHint')}</p>
                  {imagePreview && (
                    <img className="sign-specimen" src={imagePreview} alt={t('signDocs.image')} />
                  )}
                </div>
              )}
            </section>
          )}

          <section className="card">
            <h2>{t('signDocs.details')}</h2>
            <div className="field">
              <label htmlFor={`${ids}-reason`}>{t('signDocs.reason')}</label>
              <input
                id={`${ids}-reason`}
                value={reason}
                maxLength={200}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${ids}-location`}>{t('signDocs.location')}</label>
              <input
                id={`${ids}-location`}
                value={location}
                maxLength={200}
                onChange={(e) => setLocation(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${ids}-passphrase`}>{t('signDocs.passphrase')}</label>
              <input
                id={`${ids}-passphrase`}
                type="password"
                autoComplete="off"
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
                aria-describedby={`${ids}-passphrase-hint`}
              />
              <p className="hint" id={`${ids}-passphrase-hint`}>
                {docs.length === 1
                  ? t('signDocs.passphraseHintOne')
                  : t('signDocs.passphraseHint', { n: docs.length })}
              </p>
            </div>
            {problem && (
              <div className="notice notice-error" role="alert">
                <p>{problem}</p>
              </div>
            )}
            <ErrorNotice error={error} />
            <div className="actions">
              <button type="submit" className="button primary" disabled={busy}>
                {busy ? t('signDocs.signing') : t('signDocs.sign')}
              </button>
            </div>
          </section>
        </form>
      )}
      {signed && (
        <section className="card" aria-labelledby={`${ids}-done`}>
          <h2 id={`${ids}-done`}>{t('signDocs.done')}</h2>
          <Notice tone="success">
            {signed.length === 1 ? t('signDocs.doneTextOne') : t('signDocs.doneText', { n: signed.length })}
          </Notice>
          <ul className="list">
            {signed.map((s) => (
              <li key={s.url} className="list-item sign-doc">
                <span className="breakable">{s.name}</span>
                <a className="button" href={s.url} download={s.name}>
                  {t('signDocs.download')}
                  <span className="visually-hidden"> {s.name}</span>
                </a>
              </li>
            ))}
          </ul>
          {signed.length > 1 && (
            <div className="actions">
              <button type="button" className="button primary" onClick={downloadAll}>
                {t('signDocs.downloadAll')}
              </button>
            </div>
          )}
        </section>
      )}
    </>
  );
}

function PdfPasswordForm({ name, onPassword }: { name: string; onPassword: (password: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [value, setValue] = useState('');
  return (
    <div className="field">
      <label htmlFor={id}>{t('signDocs.pdfPassword', { name })}</label>
      <div className="form-row">
        <input
          id={id}
          type="password"
          autoComplete="off"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="button" className="button" onClick={() => value && onPassword(value)}>
          {t('signDocs.open')}
        </button>
      </div>
    </div>
  );
}
