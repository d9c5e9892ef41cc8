/**
 * "Mobile Authenticator Setup": the QR code of the otpauth URI, "Tidak bisa scan?" with the key
 * as text, then a first code and a device name. Used at first sign-in, in link flows and on the
 * Keamanan page (adding a device); the server keeps the pending secret with the session.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Enrollment, StepResponse } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { groupSecret } from '../lib/format';
import { Field } from './field';
import { ErrorNotice } from './notice';
import { QrCode } from './qr-code';

function parameters(uri: string) {
  try {
    const params = new URL(uri).searchParams;
    return {
      algorithm: params.get('algorithm') ?? 'SHA1',
      digits: params.get('digits') ?? '6',
      period: params.get('period') ?? '30',
    };
  } catch {
    return { algorithm: 'SHA1', digits: '6', period: '30' };
  }
}

export function TotpSetup({
  onDone,
  onCancel,
  intro = true,
}: {
  onDone: (result: StepResponse) => void | Promise<void>;
  onCancel?: () => void;
  /** The "you must set up an authenticator" sentence (sign-in), not shown when adding a device. */
  intro?: boolean;
}) {
  const { t } = useI18n();
  const [enrollment, setEnrollment] = useState<Enrollment | undefined>();
  const [loadError, setLoadError] = useState<unknown>();
  const [manual, setManual] = useState(false);
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const manualId = useId();

  useEffect(() => {
    let live = true;
    api.post('/api/v1/auth/totp/enrollment').then(
      (e) => live && setEnrollment(e),
      (e: unknown) => live && setLoadError(e),
    );
    return () => {
      live = false;
    };
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.post('/api/v1/auth/totp/confirm', {
        code: code.replace(/\s/g, ''),
        deviceName: deviceName.trim(),
      });
      await onDone(result);
    } catch (e) {
      setError(e);
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  if (loadError) return <ErrorNotice error={loadError} />;
  if (!enrollment) return <p className="muted">{t('totp.preparing')}</p>;
  const p = parameters(enrollment.uri);
  return (
    <div className="totp-setup">
      {intro && <p className="notice notice-warning">{t('totp.required')}</p>}
      <ol className="steps">
        <li>
          {t('totp.step1')}
          <ul>
            <li>FreeOTP</li>
            <li>Google Authenticator</li>
            <li>Microsoft Authenticator</li>
          </ul>
        </li>
        <li>
          {t('totp.step2')}
          <div className="qr-box">
            {manual ? (
              <div id={manualId} className="manual-key">
                <p>{t('totp.manualIntro')}</p>
                <dl className="params">
                  <dt>{t('totp.secret')}</dt>
                  <dd className="secret" id="totp-secret">
                    {groupSecret(enrollment.secret)}
                  </dd>
                  <dt>{t('totp.type')}</dt>
                  <dd>{t('totp.typeValue')}</dd>
                  <dt>{t('totp.algorithm')}</dt>
                  <dd>{p.algorithm}</dd>
                  <dt>{t('totp.digits')}</dt>
                  <dd>{p.digits}</dd>
                  <dt>{t('totp.period')}</dt>
                  <dd>{t('totp.periodValue', { seconds: p.period })}</dd>
                </dl>
              </div>
            ) : (
              <QrCode text={enrollment.uri} label={t('totp.qrLabel')} />
            )}
            <button
              type="button"
              className="link-button"
              aria-expanded={manual}
              aria-controls={manual ? manualId : undefined}
              onClick={() => setManual(!manual)}
            >
              {manual ? t('totp.scanInstead') : t('totp.cantScan')}
            </button>
          </div>
        </li>
        <li>
          {t('totp.step3')}
          <p className="hint">{t('totp.nameAdvice')}</p>
        </li>
      </ol>
      <form onSubmit={(e) => void submit(e)} className="form">
        <ErrorNotice error={error} />
        <Field
          label={t('totp.code')}
          required
          markRequired
          value={code}
          onChange={(e) => setCode(e.target.value)}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]{6,7}"
          maxLength={7}
        />
        <Field
          label={t('totp.deviceName')}
          required
          markRequired
          value={deviceName}
          onChange={(e) => setDeviceName(e.target.value)}
          maxLength={64}
          autoComplete="off"
        />
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {t('totp.submit')}
          </button>
          {onCancel && (
            <button type="button" className="button" onClick={onCancel}>
              {t('totp.cancel')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
