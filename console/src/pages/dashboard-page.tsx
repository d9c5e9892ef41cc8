import { useEffect, useState } from 'react';
import type { Account } from '../api/types';
import { useAppState } from '../app-state';
import { Breadcrumb } from '../components/app-shell';
import { Notice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { PhoneVerificationDialog } from '../components/phone-verification-dialog';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { paths } from '../lib/paths';
import { roleName } from '../lib/roles';
import { Link } from '../lib/router';
import { statusLabel, useDiagnosis } from './self-diagnosis-page';

type Employment = {
  institution: string;
  unitOrganisasi: string | null;
  jabatan: string | null;
  province: string | null;
};

/**
 * The first dashboard: "Profil anda" and "Instansi anda", the Data Kedinasan of the account's
 * registration once there is one (Pengaturan → Profil's data, GET /api/v1/profile).
 */
export function DashboardPage({ account }: { account: Account }) {
  const { t } = useI18n();
  // The notice of the step that led here ("Password diperbarui"), shown once.
  const { flash, setFlash } = useAppState();
  const [notice] = useState(flash);
  useEffect(() => {
    if (notice) setFlash(undefined);
  }, [notice, setFlash]);
  // Seed 003 "Tampilan Notifikasi": an unverified number opens "Verifikasi Nomor HP" over the cards.
  const [verifyPhone, setVerifyPhone] = useState(false);
  const [phoneVerified, setPhoneVerified] = useState(false);
  const [employment, setEmployment] = useState<Employment | undefined>();
  // The one status per user (as the eSign API reports it), from Deteksi Mandiri.
  const { diagnosis } = useDiagnosis();
  useEffect(() => {
    let live = true;
    void api
      .get('/api/v1/profile')
      .then((p) => {
        if (live && p.institution && p.registrationStatus !== null)
          setEmployment({
            institution: p.institution.name,
            unitOrganisasi: p.unitOrganisasi,
            jabatan: p.jabatan,
            province: p.province,
          });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    void api
      .get('/api/v1/profile/phone')
      .then((s) => setVerifyPhone(s.hasProfile && s.whatsapp && !s.verified))
      .catch(() => undefined);
  }, []);
  return (
    <>
      {verifyPhone && (
        <PhoneVerificationDialog
          title={t('phone.dialogTitle')}
          onClose={() => setVerifyPhone(false)}
          onVerified={() => {
            setVerifyPhone(false);
            setPhoneVerified(true);
          }}
        />
      )}
      <Breadcrumb
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.dashboards') },
          { label: t('dashboard.title') },
        ]}
      />
      <PageHeading title={t('dashboard.title')}>{t('dashboard.title')}</PageHeading>
      {notice && <Notice tone={notice.tone}>{t(notice.key)}</Notice>}
      {phoneVerified && <Notice tone="success">{t('phone.success')}</Notice>}
      <div className="cards">
        <section className="card" aria-labelledby="profile-heading">
          <h2 id="profile-heading">{t('dashboard.profile')}</h2>
          <dl className="facts">
            <dt>{t('dashboard.name')}</dt>
            <dd>{account.fullName}</dd>
            <dt>{t('dashboard.email')}</dt>
            <dd>{account.email}</dd>
            <dt>{t('dashboard.username')}</dt>
            <dd>{account.username}</dd>
            <dt>{t('dashboard.roles')}</dt>
            <dd>
              <ul className="tags">
                {account.roles.map((role) => (
                  <li key={role} className="tag">
                    {roleName(role, t)}
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
        </section>
        {diagnosis && diagnosis.status !== 'NOT_REGISTERED' && (
          <section className="card" aria-labelledby="certificate-status-heading">
            <h2 id="certificate-status-heading">{t('dashboard.certificateStatus')}</h2>
            <p className="status-line" data-status={diagnosis.status}>
              {statusLabel(diagnosis.status, t)}
            </p>
            <p>{t(diagnosis.canSign ? 'diagnosis.canSign' : 'diagnosis.cannotSign')}</p>
            <p>
              <Link to={paths.selfDiagnosis}>{t('dashboard.diagnosisLink')}</Link>
            </p>
          </section>
        )}
        <section className="card" aria-labelledby="institution-heading">
          <h2 id="institution-heading">{t('dashboard.institution')}</h2>
          {employment ? (
            <dl className="facts">
              <dt>{t('profile.institution')}</dt>
              <dd>{employment.institution}</dd>
              <dt>{t('profile.unit')}</dt>
              <dd>{employment.unitOrganisasi ?? '-'}</dd>
              <dt>{t('profile.jabatan')}</dt>
              <dd>{employment.jabatan ?? '-'}</dd>
              <dt>{t('profile.province')}</dt>
              <dd>{employment.province ?? '-'}</dd>
            </dl>
          ) : (
            <p className="muted">{t('dashboard.institutionPlaceholder')}</p>
          )}
        </section>
      </div>
    </>
  );
}
