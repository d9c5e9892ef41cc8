/**
 * Step 1, Data Diri (seed 002): Nama Lengkap, NIK, Gelar Depan, Gelar Belakang, the e-mail the
 * invitation went to (not editable) and Nomor Telepon; Next saves them. Where the server requires
 * a WhatsApp-verified number (`dataDiri.phoneVerificationRequired`), the code step of seed 003 is
 * under Nomor Telepon (components/phone-verification.tsx) and Next waits until the number typed is
 * the one verified.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { registrationApi, type RegistrationState } from '../../api/registration';
import { ErrorNotice } from '../../components/notice';
import { PhoneVerification, registrationPhoneEndpoints } from '../../components/phone-verification';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/i18n';
import { isLinkProblem } from './link-problem';
import { fieldMessage, refusedField, WizardField } from './wizard-field';

export interface StepProps {
  token: string;
  registration: RegistrationState;
  onLinkProblem: (error: unknown) => void;
}

const fields = ['fullName', 'nik', 'gelarDepan', 'gelarBelakang', 'phone'];

/** The number as the user typed it: national form (08…) for a stored +62… number. */
const nationalPhone = (phone: string | null) => (phone ? phone.replace(/^\+62/, '0') : '');

export function DataDiriStep({
  token,
  registration,
  onLinkProblem,
  onNext,
}: StepProps & { onNext: () => void }) {
  const { t, lang } = useI18n();
  const saved = registration.dataDiri;
  const [fullName, setFullName] = useState(saved.fullName ?? registration.fullName);
  const [nik, setNik] = useState(saved.nik ?? '');
  const [gelarDepan, setGelarDepan] = useState(saved.gelarDepan ?? '');
  const [gelarBelakang, setGelarBelakang] = useState(saved.gelarBelakang ?? '');
  const [phone, setPhone] = useState(nationalPhone(saved.phone));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  // Where WhatsApp is configured, Submit refuses an unverified number (the server says so in
  // dataDiri.phoneVerificationRequired), so Next waits for the code step too.
  const required = saved.phoneVerificationRequired;
  const endpoints = useMemo(() => registrationPhoneEndpoints(token), [token]);
  const [verifiedPhone, setVerifiedPhone] = useState(
    saved.phoneVerified ? nationalPhone(saved.phone) : undefined,
  );
  const [unverified, setUnverified] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (required && verifiedPhone !== phone.trim()) {
      setUnverified(true);
      return;
    }
    setUnverified(false);
    setBusy(true);
    try {
      await registrationApi.saveDataDiri(token, {
        fullName: fullName.trim(),
        nik: nik.trim(),
        ...(gelarDepan.trim() ? { gelarDepan: gelarDepan.trim() } : {}),
        ...(gelarBelakang.trim() ? { gelarBelakang: gelarBelakang.trim() } : {}),
        phone: phone.trim(),
      });
      onNext();
    } catch (e) {
      if (isLinkProblem(e)) onLinkProblem(e);
      setError(e);
      setBusy(false);
    }
  };
  const at = (field: string) => fieldMessage(error, field, t, lang);
  const field = refusedField(error);

  return (
    <>
      <PageHeading title={t('wizard.dataDiri.title')}>{t('wizard.dataDiri.title')}</PageHeading>
      <p className="muted">{t('wizard.dataDiri.note')}</p>
      {error !== undefined && !(field && fields.includes(field)) && <ErrorNotice error={error} />}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate={false}>
        <WizardField
          label={t('wizard.fullName')}
          required
          autoComplete="name"
          maxLength={200}
          value={fullName}
          error={at('fullName')}
          onChange={(e) => setFullName(e.target.value)}
        />
        <WizardField
          label={t('wizard.nik')}
          hint={t('wizard.nikHint')}
          required
          inputMode="numeric"
          autoComplete="off"
          maxLength={16}
          pattern="[0-9]{16}"
          value={nik}
          error={at('nik')}
          onChange={(e) => setNik(e.target.value.replace(/\D/g, ''))}
        />
        <WizardField
          label={t('wizard.gelarDepan')}
          placeholder={t('wizard.gelarDepanPlaceholder')}
          autoComplete="honorific-prefix"
          maxLength={50}
          value={gelarDepan}
          error={at('gelarDepan')}
          onChange={(e) => setGelarDepan(e.target.value)}
        />
        <WizardField
          label={t('wizard.gelarBelakang')}
          placeholder={t('wizard.gelarBelakangPlaceholder')}
          autoComplete="honorific-suffix"
          maxLength={50}
          value={gelarBelakang}
          error={at('gelarBelakang')}
          onChange={(e) => setGelarBelakang(e.target.value)}
        />
        <WizardField label={t('wizard.email')} type="email" readOnly value={registration.email} />
        {required ? (
          <PhoneVerification
            label={t('wizard.phone')}
            hint={t('phone.hintWhatsApp')}
            endpoints={endpoints}
            phone={phone}
            onPhoneChange={setPhone}
            phoneError={at('phone') ?? (unverified ? t('wizard.phoneVerifyFirst') : undefined)}
            verifiedPhone={verifiedPhone}
            onVerified={(typed) => {
              setVerifiedPhone(typed);
              setUnverified(false);
            }}
            onFailure={(e) => {
              if (isLinkProblem(e)) onLinkProblem(e);
            }}
          />
        ) : (
          <WizardField
            label={t('wizard.phone')}
            hint={t('wizard.phoneHint')}
            required
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            maxLength={20}
            value={phone}
            error={at('phone')}
            onChange={(e) => setPhone(e.target.value)}
          />
        )}
        <div className="wizard-actions">
          <span />
          <button type="submit" className="button primary" disabled={busy}>
            {t('wizard.next')}
          </button>
        </div>
      </form>
    </>
  );
}
