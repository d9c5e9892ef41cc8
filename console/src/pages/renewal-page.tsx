/**
 * "Perpanjangan" of one certificate (seed 004; Daftar Sertifikat Elektronik → Aksi → Perpanjangan,
 * and the reminders' link): what the renewal will do before the user confirms — the subject of the
 * new certificate from today's profile, and whether the verified data is re-used (the Set
 * Passphrase link comes at once) or the RA checks again (with the supporting document).
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { api, blobToDataUrl } from '../api/client';
import type { ResponseBody } from '../api/types';
import { Breadcrumb } from '../components/app-shell';
import { ErrorNotice, Notice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { formatWib } from '../lib/format';
import { paths } from '../lib/paths';
import { Link } from '../lib/router';

type Plan = ResponseBody<'/api/v1/certificates/{id}/renewal', 'get'>;

export function RenewalPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const ids = useId();
  const [plan, setPlan] = useState<Plan>();
  const [loadError, setLoadError] = useState<unknown>();
  const [file, setFile] = useState<File>();
  const [error, setError] = useState<unknown>();
  const [documentError, setDocumentError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<'set_passphrase' | 'ra_review'>();

  useEffect(() => {
    let live = true;
    api
      .get('/api/v1/certificates/{id}/renewal', { path: { id } })
      .then((p) => live && setPlan(p))
      .catch((e: unknown) => live && setLoadError(e));
    return () => {
      live = false;
    };
  }, [id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!plan) return;
    setError(undefined);
    setDocumentError(undefined);
    // The server is the judge; this only spares an upload that cannot pass.
    if (
      plan.documentRequired &&
      (!file || file.type !== 'application/pdf' || file.size > plan.documentMaxBytes)
    ) {
      setDocumentError(t('renewal.documentInvalid', { max: Math.floor(plan.documentMaxBytes / 1024) }));
      return;
    }
    setBusy(true);
    try {
      const document =
        plan.documentRequired && file
          ? { name: file.name, contentBase64: (await blobToDataUrl(file)).split(',')[1] ?? '' }
          : undefined;
      const created = await api.post('/api/v1/certificates/{id}/renewal', document ? { document } : {}, {
        path: { id },
      });
      setDone(created.route);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Breadcrumb
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.certificates'), to: paths.certificates },
          { label: t('renewal.title') },
        ]}
      />
      <PageHeading title={t('renewal.title')}>{t('renewal.title')}</PageHeading>
      <ErrorNotice error={loadError} />
      {plan && (
        <section className="card" aria-labelledby={`${ids}-cert`}>
          <h2 id={`${ids}-cert`}>{t('renewal.current')}</h2>
          <dl className="facts">
            <dt>{t('renewal.status')}</dt>
            <dd>{plan.status ?? '-'}</dd>
            <dt>{t('renewal.validUntil')}</dt>
            <dd>{plan.notAfter ? formatWib(plan.notAfter, lang) : '-'}</dd>
            <dt>{t('renewal.newSubject')}</dt>
            <dd className="subject">{plan.subjectText}</dd>
          </dl>
          {done ? (
            <>
              <Notice tone="success">
                {t(done === 'set_passphrase' ? 'renewal.doneLink' : 'renewal.doneRa')}
              </Notice>
              <p>
                <Link to={paths.certificateRequests}>{t('renewal.toRequests')}</Link>
              </p>
            </>
          ) : plan.refusal ? (
            <>
              <Notice>
                {t(`renewal.refusal.${plan.refusal}` as MessageKey, {
                  date: plan.opensAt ? formatWib(plan.opensAt, lang) : '',
                })}
              </Notice>
              <p>
                <Link to={paths.certificates}>{t('renewal.back')}</Link>
              </p>
            </>
          ) : (
            <form onSubmit={(e) => void submit(e)} className="form">
              <p>{t(plan.route === 'set_passphrase' ? 'renewal.routeLink' : 'renewal.routeRa')}</p>
              <p>{t('renewal.keepsOld')}</p>
              {plan.documentRequired && (
                <>
                  <label htmlFor={`${ids}-document`}>{t('renewal.document')}</label>
                  <input
                    id={`${ids}-document`}
                    type="file"
                    accept="application/pdf"
                    onChange={(e) => setFile(e.target.files?.[0])}
                  />
                  <p className="hint">
                    {t('renewal.documentHint', { max: Math.floor(plan.documentMaxBytes / 1024) })}
                  </p>
                </>
              )}
              {documentError && (
                <div className="notice notice-error" role="alert">
                  <p>{documentError}</p>
                </div>
              )}
              <ErrorNotice error={error} />
              <div className="actions">
                <button type="submit" className="button" disabled={busy}>
                  {t('renewal.submit')}
                </button>
                <Link to={paths.certificates} className="button secondary">
                  {t('renewal.cancel')}
                </Link>
              </div>
            </form>
          )}
        </section>
      )}
    </>
  );
}
