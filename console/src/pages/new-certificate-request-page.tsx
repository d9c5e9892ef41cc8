/**
 * Sertifikat Saya → "Permohonan Baru" (seed 003): the product cards (eSign, eSeal for institution
 * admins, SSL "Segera Hadir"), each requestable only where Tinjau Ulang → Jenis Permohonan allows it
 * (the server says which); Enroll → "Unggah Dokumen Pendukung" (a PDF, size-limited; checked here
 * for type and size so a wrong file is refused at once, the server judges again) → the exact
 * subject the certificate will carry → Submit (seed 004's path).
 */
import { useEffect, useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { api } from '../api/client';
import { Breadcrumb } from '../components/app-shell';
import { ErrorNotice, LoadErrorNotice, Notice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n, isMessageKey, type Translate } from '../i18n/i18n';
import { paths } from '../lib/paths';
import { Link } from '../lib/router';
import { formatSize } from './import-page';

type Products = Awaited<ReturnType<typeof loadProducts>>;
type ProductId = 'esign' | 'eseal';
type Plan = Awaited<ReturnType<typeof loadPlan>>;
const loadProducts = () => api.get('/api/v1/certificate-products');
const loadPlan = (product: ProductId) => api.post('/api/v1/certificate-requests/plan', { product });

/** The server's refusal of the document (not a whole PDF, too large), in the user's language. */
const documentRefused = { ERR_INPUT_INVALID: 'request.document.refused' } as const;

/** "eSign Individu", as the seeds' tables name a product. */
export function productLabel(t: Translate, product: ProductId): string {
  return t('product.label', { product: t(`product.${product}`), kind: t(`product.${product}.kind`) });
}

/** Why a card cannot be requested, in the user's words. */
function reasonText(t: Translate, reason: string | null): string {
  const key = `request.reason.${reason ?? ''}`;
  return isMessageKey(key) ? t(key) : t('request.reason.other');
}

/** The file as base64, after the checks a person can be told at once: PDF signature and size. */
async function readPdf(
  file: File,
  max: number,
): Promise<{ ok: true; base64: string } | { ok: false; problem: 'empty' | 'notPdf' | 'tooLarge' }> {
  if (file.size === 0) return { ok: false, problem: 'empty' };
  if (file.size > max) return { ok: false, problem: 'tooLarge' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const head = String.fromCharCode(...bytes.subarray(0, 5));
  if (head !== '%PDF-' || (file.type !== '' && file.type !== 'application/pdf'))
    return { ok: false, problem: 'notPdf' };
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { ok: true, base64: btoa(binary) };
}

function Enroll({
  product,
  maxBytes,
  onCancel,
}: {
  product: ProductId;
  maxBytes: number;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const fileId = useId();
  const [plan, setPlan] = useState<Plan | undefined>();
  const [planError, setPlanError] = useState<unknown>();
  const [document, setDocument] = useState<{ name: string; size: number; base64: string }>();
  const [fileProblem, setFileProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const size = formatSize(maxBytes, lang);
  const required = product === 'esign';

  useEffect(() => {
    let live = true;
    loadPlan(product).then(
      (p) => live && setPlan(p),
      (e: unknown) => live && setPlanError(e),
    );
    return () => {
      live = false;
    };
  }, [product]);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setDocument(undefined);
    setFileProblem(undefined);
    setError(undefined);
    if (!file) return;
    const read = await readPdf(file, maxBytes);
    if (!read.ok) {
      setFileProblem(
        read.problem === 'tooLarge'
          ? t('request.document.tooLarge', { size })
          : t(read.problem === 'empty' ? 'request.document.empty' : 'request.document.notPdf'),
      );
      event.target.value = '';
      return;
    }
    setDocument({ name: file.name, size: file.size, base64: read.base64 });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (required && !document) {
      setFileProblem(t('request.document.required'));
      return;
    }
    setBusy(true);
    try {
      await api.post('/api/v1/certificate-requests', {
        product,
        ...(document ? { document: { name: document.name, contentBase64: document.base64 } } : {}),
      });
      setSent(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (sent)
    return (
      <section className="card stack">
        <Notice tone="success">{t('request.sent')}</Notice>
        <p>
          <Link to={paths.certificateRequests}>{t('request.toStatus')}</Link>
        </p>
      </section>
    );
  return (
    <form className="card stack" onSubmit={(e) => void submit(e)} aria-labelledby={`${fileId}-h`} noValidate>
      <h2 id={`${fileId}-h`}>{productLabel(t, product)}</h2>
      <p>{t('request.kind', { kind: t(`product.${product}.kind`) })}</p>
      <LoadErrorNotice error={planError} />
      <section className="stack">
        <h3>{t('request.document')}</h3>
        <p className="hint" id={`${fileId}-hint`}>
          {t('request.document.help', { size })} {!required && t('request.document.optional')}
        </p>
        <div className="field">
          <label htmlFor={fileId}>{t('request.document.choose')}</label>
          <input
            id={fileId}
            type="file"
            accept="application/pdf,.pdf"
            required={required}
            aria-describedby={`${fileId}-hint`}
            aria-invalid={fileProblem ? true : undefined}
            onChange={(e) => void choose(e)}
          />
        </div>
        {document && (
          <p role="status" className="wrap">
            {t('request.document.chosen', { name: document.name, size: formatSize(document.size, lang) })}
          </p>
        )}
        {fileProblem && (
          <p className="hint field-error" role="alert">
            {fileProblem}
          </p>
        )}
      </section>
      {plan && (
        <section className="stack">
          <h3>{t('request.subject')}</h3>
          <p className="subject-text" data-testid="planned-subject">
            {plan.subjectText}
          </p>
          {plan.emails.length > 0 && (
            <p>
              {t('request.emails')}: {plan.emails.join(', ')}
            </p>
          )}
          <p className="hint">{t('request.subject.help')}</p>
        </section>
      )}
      <ErrorNotice error={error} overrides={documentRefused} />
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy || !plan}>
          {t('request.submit')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          {t('request.back')}
        </button>
      </div>
    </form>
  );
}

export function NewCertificateRequestPage() {
  const { t } = useI18n();
  const [products, setProducts] = useState<Products | undefined>();
  const [error, setError] = useState<unknown>();
  const [chosen, setChosen] = useState<ProductId | undefined>();
  useEffect(() => {
    let live = true;
    loadProducts().then(
      (p) => live && setProducts(p),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <>
      <Breadcrumb
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.certificates'), to: paths.certificates },
          { label: t('request.new.title') },
        ]}
      />
      <PageHeading title={t('request.new.title')}>{t('request.new.title')}</PageHeading>
      <LoadErrorNotice error={error} />
      {products && !chosen && (
        <>
          <p className="muted">{t('request.new.help')}</p>
          <ul className="cards product-cards">
            {products.products.map((p) => (
              <li key={p.id} className="card product-card" aria-labelledby={`product-${p.id}`}>
                <h2 id={`product-${p.id}`}>{t(`product.${p.id}`)}</h2>
                <p>{t(`product.${p.id}.text`)}</p>
                {p.comingSoon ? (
                  <p>
                    <span className="tag tag-disabled">{t('request.comingSoon')}</span>
                  </p>
                ) : p.available && p.id !== 'ssl' ? (
                  <div className="actions">
                    <button
                      type="button"
                      className="button primary"
                      aria-describedby={`product-${p.id}`}
                      onClick={() => setChosen(p.id as ProductId)}
                    >
                      {t('request.enroll')}
                    </button>
                  </div>
                ) : (
                  <p>
                    <span className="tag tag-pending">{t('request.notAllowed')}</span>{' '}
                    <span className="muted">{reasonText(t, p.reason)}</span>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {products && chosen && (
        <Enroll product={chosen} maxBytes={products.documentMaxBytes} onCancel={() => setChosen(undefined)} />
      )}
    </>
  );
}
