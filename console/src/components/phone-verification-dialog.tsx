import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { PhoneVerification, profilePhoneEndpoints } from './phone-verification';

/**
 * "Verifikasi Nomor HP" (seed 003, "Tampilan Notifikasi" and "Ubah nomor HP"): the signed-in
 * user's number through the one code step of phone-verification.tsx, over the page. "Cancel"
 * closes it; "Verifikasi" closes it once the number is Terverifikasi (the page says Berhasil).
 */
export function PhoneVerificationDialog({
  title,
  onClose,
  onVerified,
}: {
  title: string;
  onClose: () => void;
  /** The number was verified and the user closed the dialog with "Verifikasi". */
  onVerified: (phone: string) => void;
}) {
  const { t } = useI18n();
  const [phone, setPhone] = useState('');
  const [verified, setVerified] = useState<string>();
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.querySelector('input')?.focus(), []);

  return (
    <div className="dialog-backdrop">
      <div
        ref={dialog}
        className="dialog card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="phone-dialog-title"
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
        }}
      >
        <h2 id="phone-dialog-title">{title}</h2>
        <p className="muted">{t('phone.intro')}</p>
        <PhoneVerification
          label={t('phone.number')}
          hint={t('phone.hintWhatsApp')}
          endpoints={profilePhoneEndpoints}
          phone={phone}
          onPhoneChange={(value) => {
            setPhone(value);
            setVerified(undefined);
          }}
          onVerified={(_typed, masked) => setVerified(masked)}
        />
        <div className="actions-end">
          <button type="button" className="button" onClick={onClose}>
            {t('phone.cancel')}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={verified === undefined}
            onClick={() => verified !== undefined && onVerified(verified)}
          >
            {t('phone.done')}
          </button>
        </div>
      </div>
    </div>
  );
}
