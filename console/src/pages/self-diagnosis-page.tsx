/**
 * "Deteksi Mandiri" (seed 004: "Deteksi Mandiri Apabila Gagal Menggunakan DS"): in plain words, why
 * signing would fail today and what to do, each finding with a link to the page that fixes it;
 * and the one status of the account, as the eSign API reports it (GET /api/v1/self-diagnosis).
 */
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { ResponseBody } from '../api/types';
import { Breadcrumb } from '../components/app-shell';
import { ErrorNotice, Notice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n, type MessageKey, type Translate } from '../i18n/i18n';
import { formatWib } from '../lib/format';
import { paths } from '../lib/paths';
import { Link } from '../lib/router';

export type Diagnosis = ResponseBody<'/api/v1/self-diagnosis', 'get'>;
type Finding = Diagnosis['findings'][number];

/** The status as the dashboard and this page show it: the label, with BSrE's code beside it. */
export function statusLabel(status: Diagnosis['status'], t: Translate): string {
  return `${t(`userStatus.${status}` as MessageKey)} (${status})`;
}

/** The diagnosis of the signed-in account, or the error of asking. */
export function useDiagnosis(): { diagnosis?: Diagnosis; error?: unknown } {
  const [state, setState] = useState<{ diagnosis?: Diagnosis; error?: unknown }>({});
  useEffect(() => {
    let live = true;
    api
      .get('/api/v1/self-diagnosis')
      .then((diagnosis) => live && setState({ diagnosis }))
      .catch((error: unknown) => live && setState({ error }));
    return () => {
      live = false;
    };
  }, []);
  return state;
}

function ActionLink({ action, finding }: { action: Finding['actions'][number]; finding: Finding }) {
  const { t } = useI18n();
  const id = finding.certificateId;
  const to =
    action === 'renew' && id
      ? paths.renewal(id)
      : action === 'reset_passphrase' && id
        ? paths.resetPassphrase(id)
        : action === 'verify_phone'
          ? paths.phoneNumber
          : action === 'new_request'
            ? paths.newCertificateRequest
            : action === 'wait' && finding.code === 'data_change_pending'
              ? paths.profile
              : undefined;
  const label = t(`diagnosis.action.${action}` as MessageKey);
  return to ? <Link to={to}>{label}</Link> : <span>{label}</span>;
}

export function SelfDiagnosisPage() {
  const { t, lang } = useI18n();
  const { diagnosis, error } = useDiagnosis();
  return (
    <>
      <Breadcrumb
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.certificates'), to: paths.certificates },
          { label: t('diagnosis.title') },
        ]}
      />
      <PageHeading title={t('diagnosis.title')}>{t('diagnosis.title')}</PageHeading>
      <ErrorNotice error={error} />
      {diagnosis && (
        <>
          <section className="card" aria-labelledby="diagnosis-status">
            <h2 id="diagnosis-status">{t('diagnosis.statusHeading')}</h2>
            <dl className="facts">
              <dt>{t('diagnosis.status')}</dt>
              <dd>{statusLabel(diagnosis.status, t)}</dd>
              {diagnosis.certificate && (
                <>
                  <dt>{t('diagnosis.certificate')}</dt>
                  <dd>{diagnosis.certificate.status}</dd>
                  <dt>{t('diagnosis.validUntil')}</dt>
                  <dd>{formatWib(diagnosis.certificate.notAfter, lang)}</dd>
                </>
              )}
            </dl>
            {diagnosis.canSign ? (
              <Notice tone="success">{t('diagnosis.canSign')}</Notice>
            ) : (
              <div className="notice notice-error" role="status">
                <p>{t('diagnosis.cannotSign')}</p>
              </div>
            )}
          </section>
          {diagnosis.findings.length > 0 && (
            <section className="card" aria-labelledby="diagnosis-findings">
              <h2 id="diagnosis-findings">{t('diagnosis.findings')}</h2>
              <ul className="findings">
                {diagnosis.findings.map((f) => (
                  <li key={`${f.code}-${f.certificateId ?? ''}`} className={`finding finding-${f.severity}`}>
                    <h3>{t(`diagnosis.${f.code}` as MessageKey)}</h3>
                    <p>
                      {t(`diagnosis.${f.code}.todo` as MessageKey, {
                        until: f.until ? formatWib(f.until, lang) : '',
                      })}
                    </p>
                    <p className="actions">
                      {f.actions.map((a) => (
                        <ActionLink key={a} action={a} finding={f} />
                      ))}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </>
  );
}
