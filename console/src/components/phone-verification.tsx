/**
 * The WhatsApp code step of a phone number (seed 003, "Verifikasi Nomor HP"), one component for
 * the registration wizard's Data Diri (under Nomor Telepon), "Ubah nomor HP" and the dashboard's
 * dialog: the number with "Kirim Kode OTP" beside it, "Kirim Ulang (30s)" counting down to when
 * the server allows another code, "Masukkan Kode OTP" with "Verifikasi OTP", "Kode OTP salah", and
 * Terverifikasi / Belum Terverifikasi. The server decides everything (src/enrollment/
 * send-phone-code.ts, verify-phone-code.ts); this shows its answers. Which routes it calls is the
 * caller's (`PhoneEndpoints`): the activation link's Bearer credential in the wizard, the session
 * elsewhere.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { api, ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { errorText } from '../lib/errors';
import { WizardField } from '../pages/registration/wizard-field';

export interface PhoneEndpoints {
  /** "Kirim Kode OTP": the masked number it went to and the wait before "Kirim Ulang". */
  send(phone: string): Promise<{ phone: string; resendInSeconds: number }>;
  /** "Verifikasi OTP": the masked number now verified. */
  verify(code: string): Promise<{ phone: string }>;
}

/** A signed-in user's number ("Ubah nomor HP", the dashboard's dialog). */
export const profilePhoneEndpoints: PhoneEndpoints = {
  send: (phone) => api.post('/api/v1/profile/phone/code', { phone }),
  verify: (code) => api.post('/api/v1/profile/phone/verify', { code }),
};

/** The registration wizard's number, with the activation link's token. */
export const registrationPhoneEndpoints = (token: string): PhoneEndpoints => ({
  send: (phone) => api.post('/api/v1/registration/phone/code', { phone }, { bearer: token }),
  verify: (code) => api.post('/api/v1/registration/phone/verify', { code }, { bearer: token }),
});

const retryAfter = (error: ApiError) => {
  const seconds = Number(error.details?.retryAfterSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
};

export function PhoneVerification({
  label,
  hint,
  endpoints,
  phone,
  onPhoneChange,
  phoneError,
  verifiedPhone,
  onVerified,
  onFailure,
}: {
  label: ReactNode;
  hint: ReactNode;
  endpoints: PhoneEndpoints;
  /** The number as typed; the caller keeps it (the wizard saves it with Next). */
  phone: string;
  onPhoneChange: (phone: string) => void;
  /** A refusal of the number from elsewhere (the wizard's Next). */
  phoneError?: string | undefined;
  /** The number as typed when it is already verified (the wizard's saved, verified number). */
  verifiedPhone?: string | undefined;
  /** The number typed is verified; `masked` is the server's `+62 812-****-789`. */
  onVerified?: (typed: string, masked: string) => void;
  /** Any refusal, before it is shown (the wizard's link ended meanwhile). */
  onFailure?: (error: unknown) => void;
}) {
  const { t, lang } = useI18n();
  const [verifiedFor, setVerifiedFor] = useState(verifiedPhone);
  const [sentTo, setSentTo] = useState<string>();
  const [code, setCode] = useState('');
  const [resendAt, setResendAt] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const [sendError, setSendError] = useState<string>();
  const [codeError, setCodeError] = useState<string>();
  const [busy, setBusy] = useState(false);

  // The countdown runs on this browser's clock from the wait the server gave.
  useEffect(() => {
    if (resendAt <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), 250);
    return () => clearTimeout(timer);
  }, [resendAt, now]);
  const wait = Math.max(0, Math.ceil((resendAt - now) / 1000));
  const startCountdown = (seconds: number) => {
    const at = Date.now();
    setResendAt(at + seconds * 1000);
    setNow(at);
  };

  const typed = phone.trim();
  const verified = verifiedFor !== undefined && verifiedFor === typed;

  const describe = (e: unknown): string => {
    if (!(e instanceof ApiError)) return t('phone.error');
    const minutes = Math.max(1, Math.ceil((retryAfter(e) ?? 60) / 60));
    switch (e.code) {
      case 'ERR_PHONE_CODE_INVALID':
        return t('phone.wrongCode');
      case 'ERR_PHONE_CODE_EXPIRED':
        return t('phone.expired');
      case 'ERR_AUTH_THROTTLED':
        return t('phone.tooManyAttempts', { minutes });
      case 'ERR_PHONE_CODE_QUOTA':
        return t('phone.quota', { minutes });
      case 'ERR_PHONE_TAKEN':
        return t('phone.taken');
      case 'ERR_PHONE_WHATSAPP_UNAVAILABLE':
        return t('phone.unavailable');
      case 'ERR_INPUT_INVALID':
        return e.details?.field === 'code' ? t('phone.codeHint') : t('phone.hint');
      default:
        return errorText(e, t, {}, lang).message;
    }
  };

  const send = async () => {
    setBusy(true);
    setSendError(undefined);
    setCodeError(undefined);
    try {
      const answer = await endpoints.send(typed);
      setSentTo(answer.phone);
      setCode('');
      startCountdown(answer.resendInSeconds);
    } catch (e) {
      onFailure?.(e);
      // Asked too soon (another tab, a reload): the server says how long is left.
      if (e instanceof ApiError && e.code === 'ERR_PHONE_CODE_TOO_SOON') startCountdown(retryAfter(e) ?? 30);
      else setSendError(describe(e));
    } finally {
      setBusy(false);
    }
  };

  const verify = async () => {
    setBusy(true);
    setCodeError(undefined);
    try {
      const answer = await endpoints.verify(code);
      setVerifiedFor(typed);
      setSentTo(undefined);
      setCode('');
      onVerified?.(typed, answer.phone);
    } catch (e) {
      onFailure?.(e);
      setCodeError(describe(e));
    } finally {
      setBusy(false);
    }
  };

  const sendLabel = sentTo
    ? wait > 0
      ? t('phone.resendIn', { s: wait })
      : t('phone.resend')
    : wait > 0
      ? t('phone.resendIn', { s: wait })
      : t('phone.send');

  return (
    <div className="phone-verification">
      <WizardField
        label={label}
        hint={hint}
        required
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        maxLength={20}
        value={phone}
        error={sendError ?? phoneError}
        onChange={(e) => {
          onPhoneChange(e.target.value);
          // A code sent to the number before it changed does not verify this one.
          setSentTo(undefined);
          setCode('');
          setSendError(undefined);
          setCodeError(undefined);
        }}
        action={
          !verified && (
            <button
              type="button"
              className="button"
              disabled={busy || wait > 0 || typed === ''}
              onClick={() => void send()}
            >
              {sendLabel}
            </button>
          )
        }
      />
      <p className="phone-status">
        <span className={verified ? 'tag tag-sent' : 'tag tag-pending'}>
          {verified ? t('phone.verified') : t('phone.notVerified')}
        </span>
      </p>
      {sentTo && !verified && (
        <>
          <p className="muted" role="status">
            {t('phone.sentTo', { phone: sentTo })}
          </p>
          <WizardField
            label={t('phone.code')}
            placeholder={t('phone.codePlaceholder')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            error={codeError}
            onChange={(e) => {
              setCode(e.target.value.replace(/\D/g, ''));
              setCodeError(undefined);
            }}
            onKeyDown={(e) => {
              // Enter verifies the code; it must not submit the form around (the wizard's Next).
              if (e.key !== 'Enter') return;
              e.preventDefault();
              if (!busy && code.length === 6) void verify();
            }}
            action={
              <button
                type="button"
                className="button primary"
                disabled={busy || code.length !== 6}
                onClick={() => void verify()}
              >
                {t('phone.verify')}
              </button>
            }
          />
        </>
      )}
    </div>
  );
}
