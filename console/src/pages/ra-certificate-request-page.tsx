/**
 * RA → Permohonan Sertifikat → "Tinjau Ulang" of one certificate request: the applicant's profile
 * and the request (the exact subject) beside the supporting document (the PDF from the document
 * route, each view audited), then Setujui / Tolak with a reason the applicant is told. Under the
 * institution's four-eyes policy the first approval waits for a second officer, as on the
 * registration's Tinjau Ulang. What this account may do comes from the server (`mayDecide`).
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { useAppState } from '../app-state';
import { Breadcrumb } from '../components/app-shell';
import { LoadErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { ReviewDecision } from '../components/review-decision';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { formatWib } from '../lib/format';
import { paths } from '../lib/paths';
import { Link } from '../lib/router';
import { formatSize } from './import-page';
import { productLabel } from './new-certificate-request-page';
import { RegistrationBadge } from './ra-queue-page';
import { RequestBadge } from './ra-certificate-requests-page';

type Review = Awaited<ReturnType<typeof loadReview>>;
const loadReview = (id: string) => api.get('/api/v1/ra/certificate-requests/{id}', { path: { id } });

const show = (value: string | null | undefined) =>
  value === null || value === undefined || value === '' ? '-' : value;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Decision({ r, onChanged }: { r: Review; onChanged: () => Promise<void> }) {
  const { t, lang } = useI18n();
  const { session } = useAppState();
  const me = session.status === 'signed-in' ? session.account.id : undefined;
  const firstIsMine = r.firstApprovedBy !== null && r.firstApprovedBy === me;
  const open = r.status === 'submitted';
  return (
    <ReviewDecision
      messages="raRequest"
      badge={<RequestBadge status={r.status} firstApprovedBy={r.firstApprovedBy} />}
      fourEyes={r.fourEyes}
      mayDecide={open && r.mayDecide && !firstIsMine}
      approveQuestion={t('raRequest.approve.confirm', {
        product: productLabel(t, r.product),
        name: r.holder.fullName,
      })}
      reasonMax={500}
      approve={() => api.post('/api/v1/ra/certificate-requests/{id}/approve', {}, { path: { id: r.id } })}
      reject={(reason) =>
        api.post('/api/v1/ra/certificate-requests/{id}/reject', { reason }, { path: { id: r.id } })
      }
      onChanged={onChanged}
    >
      {open && r.firstApprovedBy && (
        <p role="status">{firstIsMine ? t('ra.fourEyes.yours') : t('raRequest.firstPending')}</p>
      )}
      {open && !r.mayDecide && <p>{t('raRequest.own')}</p>}
      {r.status === 'rejected' && r.rejectedAt && (
        <p>{t('ra.rejectedReason', { time: formatWib(r.rejectedAt, lang), reason: r.rejectReason ?? '' })}</p>
      )}
      {r.approvedAt && (r.status === 'approved' || r.status === 'issued') && (
        <p>{t('raRequest.approvedAt', { time: formatWib(r.approvedAt, lang) })}</p>
      )}
    </ReviewDecision>
  );
}

function SupportingDocument({ r }: { r: Review }) {
  const { t } = useI18n();
  const url = `/api/v1/ra/certificate-requests/${encodeURIComponent(r.id)}/document`;
  return (
    <section className="card stack" aria-labelledby="document-h">
      <h2 id="document-h">{t('raRequest.document.title')}</h2>
      {r.document ? (
        <>
          {/* The browser's own PDF viewer, from the document route (same origin, no-store). */}
          <iframe
            className="document-frame"
            src={url}
            title={t('raRequest.document.frame', { name: r.document.name })}
          />
          <p>
            <a href={url} target="_blank" rel="noopener">
              {t('raRequest.document.open')}
            </a>
          </p>
        </>
      ) : (
        <p className="muted">{t('raRequest.document.none')}</p>
      )}
    </section>
  );
}

export function RaCertificateRequestPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const [r, setR] = useState<Review | undefined>();
  const [error, setError] = useState<unknown>();
  const load = useCallback(async () => {
    try {
      setR(await loadReview(id));
      setError(undefined);
    } catch (e) {
      setError(e);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  const products = r?.holder.products.map((p) => t(`ra.products.${p}` as MessageKey)).join(', ');
  return (
    <>
      <Breadcrumb
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('raRequest.queue.title'), to: paths.raCertificateRequests },
          { label: t('raRequest.review.title') },
        ]}
      />
      <PageHeading title={t('raRequest.review.title')}>{t('raRequest.review.title')}</PageHeading>
      <p>
        <Link to={paths.raCertificateRequests}>{t('raRequest.back')}</Link>
      </p>
      <LoadErrorNotice error={error} />
      {r && (
        <div className="stack">
          <div className="request-review">
            <div className="stack">
              <section className="card">
                <h2>{t('raRequest.holder')}</h2>
                <dl className="facts">
                  <Fact label={t('ra.f.fullName')}>{r.holder.fullName}</Fact>
                  <Fact label={t('ra.f.email')}>{r.holder.email}</Fact>
                  <Fact label={t('ra.f.organisasi')}>{r.holder.institutionName}</Fact>
                  <Fact label={t('ra.f.unitOrganisasi')}>{show(r.holder.unitOrganisasi)}</Fact>
                  <Fact label={t('ra.f.jabatan')}>{show(r.holder.jabatan)}</Fact>
                  <Fact label={t('ra.f.province')}>{show(r.holder.province)}</Fact>
                  <Fact label={t('raRequest.f.registration')}>
                    {r.holder.registrationStatus ? (
                      <RegistrationBadge
                        status={
                          r.holder.registrationStatus as Parameters<typeof RegistrationBadge>[0]['status']
                        }
                      />
                    ) : (
                      '-'
                    )}
                  </Fact>
                  <Fact label={t('raRequest.f.products')}>{show(products)}</Fact>
                </dl>
                <p>
                  <Link to={paths.raReview(r.accountId)}>{t('raRequest.openRegistration')}</Link>
                </p>
              </section>
              <section className="card">
                <h2>{t('raRequest.request')}</h2>
                <dl className="facts">
                  <Fact label={t('raRequest.f.product')}>{productLabel(t, r.product)}</Fact>
                  <Fact label={t('raRequest.f.kind')}>{t(`request.kind.${r.kind}`)}</Fact>
                  <Fact label={t('raRequest.f.submitted')}>{formatWib(r.submittedAt, lang)}</Fact>
                  <Fact label={t('raRequest.f.subject')}>
                    <span className="subject-text">{r.subject}</span>
                  </Fact>
                  <Fact label={t('raRequest.f.document')}>
                    {r.document ? `${r.document.name} (${formatSize(r.document.bytes, lang)})` : '-'}
                  </Fact>
                </dl>
              </section>
            </div>
            <SupportingDocument r={r} />
          </div>
          <Decision r={r} onChanged={load} />
        </div>
      )}
    </>
  );
}
