import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useAppState } from '../app-state';
import { AuthLayout } from '../components/auth-layout';
import { Field } from '../components/field';
import { ErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';
import { useFlow } from '../lib/use-flow';

/** "Kode OTP": the code from an authenticator; with several devices the user picks one by name. */
export function OtpPage() {
  const { t } = useI18n();
  const { followStep, toSignIn } = useAppState();
  const { flow, error: flowError } = useFlow('otp');
  const [deviceId, setDeviceId] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (flow && flow.devices.length > 0 && !deviceId) setDeviceId(flow.devices[0]!.id);
  }, [flow, deviceId]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.post('/api/v1/auth/otp', {
        code: code.replace(/\s/g, ''),
        ...(deviceId ? { deviceId } : {}),
      });
      await followStep(result, flow?.kind);
    } catch (e) {
      setError(e);
      setCode('');
      setBusy(false);
    }
  };

  const cancel = async () => {
    await api.post('/api/v1/auth/sign-out').catch(() => undefined);
    toSignIn();
  };

  return (
    <AuthLayout>
      <PageHeading title={t('otp.title')}>{t('otp.title')}</PageHeading>
      <ErrorNotice error={flowError} />
      {flow && (
        <form onSubmit={(e) => void submit(e)} className="form">
          <p className="signing-in-as">{flow.account.username}</p>
          {flow.devices.length > 1 ? (
            <fieldset className="devices">
              <legend>{t('otp.chooseDevice')}</legend>
              {flow.devices.map((device) => (
                <label key={device.id} className="radio">
                  <input
                    type="radio"
                    name="device"
                    value={device.id}
                    checked={deviceId === device.id}
                    onChange={() => setDeviceId(device.id)}
                  />{' '}
                  {device.name}
                </label>
              ))}
            </fieldset>
          ) : (
            flow.devices[0] && (
              <p className="device-name">
                <span className="muted">{t('otp.device')}:</span> {flow.devices[0].name}
              </p>
            )
          )}
          <ErrorNotice error={error} />
          <Field
            label={t('otp.code')}
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            maxLength={7}
            hint={t('otp.help')}
          />
          <div className="actions">
            <button type="submit" className="button primary" disabled={busy}>
              {flow.kind === 'login' ? t('otp.submit') : t('otp.submitLink')}
            </button>
            <button type="button" className="button" onClick={() => void cancel()}>
              {t('otp.cancel')}
            </button>
          </div>
        </form>
      )}
    </AuthLayout>
  );
}
