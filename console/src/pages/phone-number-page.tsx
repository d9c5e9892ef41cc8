import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { Breadcrumb } from '../components/app-shell';
import { Notice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { PhoneVerificationDialog } from '../components/phone-verification-dialog';
import { useI18n } from '../i18n/i18n';

interface PhoneStatus {
  phone: string | null;
  verified: boolean;
  hasProfile: boolean;
  whatsapp: boolean;
}

/** /pengaturan/nomor-hp: the signed-in user's number and "Ubah nomor HP" (seed 003). */
export function PhoneNumberPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<PhoneStatus>();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const load = () => void api.get('/api/v1/profile/phone').then(setStatus);
  useEffect(load, []);
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('phone.pageTitle') }]} />
      <PageHeading title={t('phone.pageTitle')}>{t('phone.pageTitle')}</PageHeading>
      {done && <Notice tone="success">{t('phone.success')}</Notice>}
      {status && (
        <section className="card">
          <dl className="facts">
            <dt>{t('phone.number')}</dt>
            <dd>{status.phone ?? '–'}</dd>
            <dt>{t('phone.status')}</dt>
            <dd>
              <span className={status.verified ? 'tag tag-sent' : 'tag tag-pending'}>
                {status.verified ? t('phone.verified') : t('phone.notVerified')}
              </span>
            </dd>
          </dl>
          {!status.whatsapp && <p className="muted">{t('phone.unavailable')}</p>}
          {status.hasProfile && status.whatsapp && (
            <button
              type="button"
              className="button"
              onClick={() => {
                setDone(false);
                setOpen(true);
              }}
            >
              {t('phone.change')}
            </button>
          )}
        </section>
      )}
      {open && (
        <PhoneVerificationDialog
          title={t('phone.change')}
          onClose={() => setOpen(false)}
          onVerified={() => {
            setOpen(false);
            setDone(true);
            load();
          }}
        />
      )}
    </>
  );
}
