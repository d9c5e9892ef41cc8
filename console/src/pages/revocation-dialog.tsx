/**
 * "Pencabutan" from Daftar Sertifikat Elektronik (Aksi → Pencabutan): a reason a subscriber may
 * give, confirmed with the passphrase or with password and authenticator code. Its own component,
 * so the certificate list opens it with the certificate's id.
 */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ErrorNotice } from '../components/notice';
import { useI18n, type MessageKey } from '../i18n/i18n';

export const subscriberReasons = [
  'unspecified',
  'keyCompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
] as const;

export function RevocationDialog({
  certificateId,
  onClose,
  onDone,
}: {
  certificateId: string;
  onClose: () => void;
  onDone: (status: 'pending' | 'revoked') => void;
}) {
  const { t } = useI18n();
  const ids = useId();
  const [reason, setReason] = useState<(typeof subscriberReasons)[number]>('cessationOfOperation');
  const [method, setMethod] = useState<'passphrase' | 'password'>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<'pending' | 'revoked'>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body =
        method === 'passphrase'
          ? { reason, passphrase }
          : { reason, password, code: code.replace(/\s/g, '') };
      const result = await api.post('/api/v1/certificates/{id}/revocation', body, {
        path: { id: certificateId },
      });
      setDone(result.status);
      onDone(result.status);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setPassphrase('');
      setPassword('');
      setCode('');
    }
  };

  return (
    <div role="dialog" aria-modal="true" aria-labelledby={`${ids}-title`} className="dialog card">
      <h2 id={`${ids}-title`}>{t('revoke.title')}</h2>
      {done ? (
        <>
          <p role="status">{t(done === 'pending' ? 'revoke.pending' : 'revoke.done')}</p>
          <button type="button" className="button" onClick={onClose}>
            OK
          </button>
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)} className="form">
          <p>{t('revoke.intro')}</p>
          <label htmlFor={`${ids}-reason`}>{t('revoke.reason')}</label>
          <select
            id={`${ids}-reason`}
            value={reason}
            onChange={(e) => setReason(e.target.value as (typeof subscriberReasons)[number])}
          >
            {subscriberReasons.map((r) => (
              <option key={r} value={r}>
                {t(`revoke.reason.${r}` as MessageKey)}
              </option>
            ))}
          </select>
          <fieldset>
            <legend>{t('revoke.confirmWith')}</legend>
            <label>
              <input
                type="radio"
                name={`${ids}-method`}
                checked={method === 'passphrase'}
                onChange={() => setMethod('passphrase')}
              />{' '}
              {t('revoke.withPassphrase')}
            </label>
            <label>
              <input
                type="radio"
                name={`${ids}-method`}
                checked={method === 'password'}
                onChange={() => setMethod('password')}
              />{' '}
              {t('revoke.withPassword')}
            </label>
          </fieldset>
          {method === 'passphrase' ? (
            <>
              <label htmlFor={`${ids}-passphrase`}>{t('revoke.passphrase')}</label>
              <input
                id={`${ids}-passphrase`}
                type="password"
                autoComplete="off"
                required
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
              />
            </>
          ) : (
            <>
              <label htmlFor={`${ids}-password`}>{t('revoke.password')}</label>
              <input
                id={`${ids}-password`}
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
              <label htmlFor={`${ids}-code`}>{t('revoke.code')}</label>
              <input
                id={`${ids}-code`}
                inputMode="numeric"
                autoComplete="one-time-code"
                required
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            </>
          )}
          <ErrorNotice error={error} />
          <div className="actions">
            <button type="submit" className="button danger" disabled={busy}>
              {t('revoke.submit')}
            </button>
            <button type="button" className="button secondary" onClick={onClose}>
              {t('revoke.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
