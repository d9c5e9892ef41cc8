/**
 * Sertifikat Saya → "Status Permohonan" (seeds 000 and 003): the own certificate requests, newest
 * first, with Jenis Permohonan, Tanggal Permohonan, Status Verifikasi (with the RA's reason when
 * refused) and Status Enrollment (with what to do while the passphrase is missing).
 */
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { Breadcrumb } from '../components/app-shell';
import { LoadErrorNotice } from '../components/notice';
import { PagedTable } from '../components/paged-list';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';
import { formatWib } from '../lib/format';
import { paths } from '../lib/paths';
import { Link } from '../lib/router';
import { productLabel } from './new-certificate-request-page';

type OwnRequests = Awaited<ReturnType<typeof loadOwn>>;
const loadOwn = () => api.get('/api/v1/certificate-requests');
type Verification = OwnRequests['requests'][number]['verificationStatus'];
type Enrollment = OwnRequests['requests'][number]['enrollmentStatus'];

const PAGE = 25;
const verificationClass: Record<Verification, string> = {
  WAITING: 'tag tag-pending',
  VERIFIED: 'tag tag-sent',
  REJECTED: 'tag tag-failed',
  CANCELLED: 'tag tag-disabled',
};
const enrollmentClass: Record<Enrollment, string> = {
  NOT_STARTED: 'tag tag-disabled',
  WAITING_PASSPHRASE: 'tag tag-pending',
  ENROLLED: 'tag tag-sent',
};

export function CertificateRequestsPage() {
  const { t, lang } = useI18n();
  const [own, setOwn] = useState<OwnRequests | undefined>();
  const [error, setError] = useState<unknown>();
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    let live = true;
    loadOwn().then(
      (r) => live && setOwn(r),
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
          { label: t('request.status.title') },
        ]}
      />
      <PageHeading title={t('request.status.title')}>{t('request.status.title')}</PageHeading>
      <p>
        <Link to={paths.newCertificateRequest}>{t('request.new.link')}</Link>
      </p>
      <LoadErrorNotice error={error} />
      {own && (
        <PagedTable
          label={t('request.status.title')}
          empty={t('request.status.empty')}
          totalText={t('request.status.total', { total: own.requests.length })}
          total={own.requests.length}
          rows={own.requests.slice(offset, offset + PAGE)}
          columns={[
            t('request.col.product'),
            t('request.col.submitted'),
            t('request.col.verification'),
            t('request.col.enrollment'),
          ]}
          rowKey={(r) => r.id}
          row={(r) => (
            <>
              <td>
                {productLabel(t, r.product)}
                {r.kind !== 'new' && <div className="muted">{t(`request.kind.${r.kind}`)}</div>}
              </td>
              <td>{formatWib(r.submittedAt, lang)}</td>
              <td className="wrap">
                <span className={verificationClass[r.verificationStatus]}>
                  {t(`request.verification.${r.verificationStatus}`)}
                </span>
                {r.verificationStatus === 'REJECTED' && r.rejectReason && (
                  <div>{t('request.rejectReason', { reason: r.rejectReason })}</div>
                )}
              </td>
              <td className="wrap">
                <span className={enrollmentClass[r.enrollmentStatus]}>
                  {t(`request.enrollment.${r.enrollmentStatus}`)}
                </span>
                {r.enrollmentStatus === 'WAITING_PASSPHRASE' && (
                  <div className="muted">{t('request.waitingPassphrase')}</div>
                )}
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
