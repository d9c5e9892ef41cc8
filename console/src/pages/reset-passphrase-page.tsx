/**
 * Reset passphrase of one certificate (Daftar Sertifikat Elektronik → Aksi → Reset passphrase,
 * seed 001). Before anything starts the page says plainly that a NEW certificate replaces this one,
 * and why: the old key cannot be opened without the old passphrase. "Mulai" sends the link (by
 * WhatsApp, or by e-mail where WhatsApp is not configured); without a WhatsApp-verified number the
 * "Verifikasi" dialog comes first, and the start is tried again once the number is verified.
 */
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import { Breadcrumb } from '../components/app-shell';
import { ErrorNotice, Notice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { PhoneVerificationDialog } from '../components/phone-verification-dialog';
import { useOrganisationName } from '../console-config';
import { useI18n } from '../i18n/i18n';
import { paths } from '../lib/paths';
import { Link } from '../lib/router';

type Started = { channel: 'whatsapp' | 'email'; sentTo: string };

export function ResetPassphrasePage({ certificateId }: { certificateId: string }) {
  const { t } = useI18n();
  const organisation = useOrganisationName() ?? 'BSrE';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [verifying, setVerifying] = useState(false);
  const [started, setStarted] = useState<Started>();

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.post(
        '/api/v1/certificates/{id}/reset-passphrase',
        {},
        { path: { id: certificateId } },
      );
      setStarted({ channel: result.channel, sentTo: result.sentTo });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'ERR_PHONE_NOT_VERIFIED') setVerifying(true);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <Breadcrumb
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('certificates.title'), to: paths.certificates },
          { label: t('reset.title') },
        ]}
      />
      <PageHeading title={t('reset.title')}>{t('reset.title')}</PageHeading>
      <div className="card">
        <p>{t('reset.intro')}</p>
        <p>
          <strong>{t('reset.replaces')}</strong>
        </p>
        <p className="muted">{t('reset.steps')}</p>
        {started ? (
          <Notice tone="success">
            <span role="status">
              {started.channel === 'whatsapp'
                ? t('reset.sentWhatsApp', { to: started.sentTo, org: organisation })
                : t('reset.sentEmail', { to: started.sentTo })}
            </span>
          </Notice>
        ) : (
          <div className="actions">
            <button type="button" className="button primary" disabled={busy} onClick={() => void start()}>
              {t('reset.start')}
            </button>
            <Link to={paths.certificates} className="button secondary">
              {t('reset.back')}
            </Link>
          </div>
        )}
        <ErrorNotice error={error} />
      </div>
      {verifying && (
        <PhoneVerificationDialog
          title={t('reset.verifyTitle')}
          onClose={() => setVerifying(false)}
          onVerified={() => {
            setVerifying(false);
            void start();
          }}
        />
      )}
    </section>
  );
}
