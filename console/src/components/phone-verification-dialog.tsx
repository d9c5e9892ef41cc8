import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Field } from './field';

/**
 * "Verifikasi Nomor HP" (seed 003): "Kirim Kode OTP" sends a WhatsApp code, "Kirim Ulang (30s)"
 * counts down to when another may be sent, "Masukkan Kode OTP" + "Verifikasi OTP" confirms it.
 * Used for a signed-in user's number (the dashboard, /pengaturan/nomor-hp); the server decides
 * everything (src/enrollment/send-phone-code.ts), this only shows its answers.
 */
export function PhoneVerificationDialog({
  title,
  onClose,
  onVerified,
}: {
  title: string;
  onClose: () => void;
  onVerified: (phone: string) => void;
}) {
  const { t } = useI18n();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string>();
  const [resendAt, setResendAt] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (resendAt <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), 250);
    return () => clearTimeout(timer);
  }, [resendAt, now]);
  const wait = Math.max(0, Math.ceil((resendAt - now) / 1000));

  const describe = (e: unknown) => {
    if (!(e instanceof ApiError)) return t('phone.error');
    if (e.code === 'ERR_PHONE_CODE_INVALID') return t('phone.wrongCode');
    if (e.code === 'ERR_PHONE_CODE_EXPIRED') return t('phone.expired');
    if (e.code === 'ERR_PHONE_TAKEN') return t('phone.taken');
    if (e.code === 'ERR_PHONE_WHATSAPP_UNAVAILABLE') return t('phone.unavailable');
    if (e.code === 'ERR_INPUT_INVALID') return t('phone.hint');
    return e.detail ?? e.title;
  };

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api.post('/api/v1/profile/phone/code', { phone });
      setSentTo(answer.phone);
      // The wait the server set (resendAt − sent, sent = expiresAt − 10 min), counted on this clock.
      const delay = Date.parse(answer.resendAt) - (Date.parse(answer.expiresAt) - 600_000);
      setResendAt(Date.now() + Math.max(0, delay));
      setNow(Date.now());
    } catch (e) {
      if (e instanceof ApiError && e.code === 'ERR_PHONE_CODE_TOO_SOON') {
        const seconds = Number(
          (e.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 30,
        );
        setResendAt(Date.now() + seconds * 1000);
        setNow(Date.now());
      } else setError(describe(e));
    } finally {
      setBusy(false);
    }
  };

  const verify = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api.post('/api/v1/profile/phone/verify', { code });
      onVerified(answer.phone);
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop">
      <div className="dialog card" role="dialog" aria-modal="true" aria-labelledby="phone-dialog-title">
        <h2 id="phone-dialog-title">{title}</h2>
        {error && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
        <form onSubmit={(e) => void send(e)}>
          <Field
            label={t('phone.number')}
            hint={t('phone.hint')}
            inputMode="tel"
            autoComplete="tel"
            required
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
          />
          <button type="submit" className="button" disabled={busy || wait > 0 || phone.trim() === ''}>
            {sentTo
              ? wait > 0
                ? t('phone.resendIn').replace('{s}', String(wait))
                : t('phone.resend')
              : t('phone.send')}
          </button>
        </form>
        {sentTo && (
          <form onSubmit={(e) => void verify(e)}>
            <p className="muted">{t('phone.sentTo').replace('{phone}', sentTo)}</p>
            <Field
              label={t('phone.code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            />
            <button type="submit" className="button" disabled={busy || code.length !== 6}>
              {t('phone.verify')}
            </button>
          </form>
        )}
        <button type="button" className="button secondary" onClick={onClose}>
          {t('phone.close')}
        </button>
      </div>
    </div>
  );
}
