/**
 * The dialogs of Daftar Sertifikat Elektronik: Info (serial, issuer, SHA-256 fingerprint, key
 * usages, validity, the status history), Ubah Passphrase (seed 003: Passphrase Lama, Passphrase
 * Baru with "Tampilkan", Ulangi Passphrase) and the self-service keystore. Each is a modal card
 * over the page that Escape or its close button dismisses; passphrases leave the state once sent.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, apiFile, apiUrl, saveFile } from '../api/client';
import { ErrorNotice, LoadErrorNotice } from '../components/notice';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { formatWib } from '../lib/format';

function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ids = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = box.current?.querySelector<HTMLElement>('input, button');
    first?.focus();
  }, []);
  return (
    <div className="dialog-backdrop">
      <div
        ref={box}
        className="dialog card"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${ids}-title`}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
        }}
      >
        <h2 id={`${ids}-title`}>{title}</h2>
        {children}
      </div>
    </div>
  );
}

type Info = Awaited<ReturnType<typeof loadInfo>>;
const loadInfo = (id: string) => api.get('/api/v1/certificates/{id}', { path: { id } });

export function CertificateInfoDialog({
  certificateId,
  onClose,
}: {
  certificateId: string;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const [info, setInfo] = useState<Info>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    loadInfo(certificateId).then(
      (i) => live && setInfo(i),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [certificateId]);
  const row = (label: MessageKey, value: ReactNode) => (
    <>
      <dt>{t(label)}</dt>
      <dd className="breakable">{value}</dd>
    </>
  );
  return (
    <Dialog title={t('certInfo.title')} onClose={onClose}>
      <LoadErrorNotice error={error} />
      {info && (
        <>
          <dl className="facts">
            {row('certInfo.serial', info.serial)}
            {row('certInfo.subject', info.subject)}
            {row('certInfo.issuer', info.issuer)}
            {row('certInfo.fingerprint', <code>{info.sha256Fingerprint}</code>)}
            {row('certInfo.keyAlgorithm', info.keyAlgorithm)}
            {row('certInfo.keyUsages', info.keyUsages.join(', '))}
            {info.extendedKeyUsages.length > 0 &&
              row('certInfo.extendedKeyUsages', info.extendedKeyUsages.join(', '))}
            {row('certInfo.validFrom', formatWib(info.notBefore, lang))}
            {row('certInfo.validUntil', formatWib(info.notAfter, lang))}
            {row('certInfo.status', info.status)}
          </dl>
          <h3>{t('certInfo.history')}</h3>
          <ol className="history">
            {info.history.map((h, i) => (
              <li key={`${h.at}-${i}`}>
                {formatWib(h.at, lang)}: {t(`certInfo.event.${h.event}` as MessageKey)}
              </li>
            ))}
          </ol>
        </>
      )}
      <div className="actions-end">
        <button type="button" className="button" onClick={onClose}>
          {t('certificates.close')}
        </button>
      </div>
    </Dialog>
  );
}

/** A passphrase input with "Tampilkan" (seed 003's Passphrase Baru). */
function PassphraseInput({
  id,
  value,
  onChange,
  hintId,
  autoComplete,
  reveal = false,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  hintId: string;
  autoComplete: string;
  reveal?: boolean;
}) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  return (
    <div className="field-row">
      <input
        id={id}
        type={shown ? 'text' : 'password'}
        autoComplete={autoComplete}
        required
        maxLength={128}
        aria-describedby={hintId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {reveal && (
        <button
          type="button"
          className="button"
          aria-pressed={shown}
          aria-controls={id}
          onClick={() => setShown(!shown)}
        >
          {t(shown ? 'passphraseChange.hide' : 'passphraseChange.show')}
        </button>
      )}
    </div>
  );
}

export function ChangePassphraseDialog({
  certificateId,
  onClose,
}: {
  certificateId: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const ids = useId();
  const [oldPassphrase, setOld] = useState('');
  const [newPassphrase, setNew] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<unknown>();
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (newPassphrase !== confirmation) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    try {
      await api.post(
        '/api/v1/certificates/{id}/passphrase',
        { oldPassphrase, newPassphrase, confirmation },
        { path: { id: certificateId } },
      );
      setDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setOld('');
      setNew('');
      setConfirmation('');
    }
  };

  return (
    <Dialog title={t('passphraseChange.title')} onClose={onClose}>
      {done ? (
        <>
          <p role="status">{t('passphraseChange.done')}</p>
          <div className="actions-end">
            <button type="button" className="button primary" onClick={onClose}>
              OK
            </button>
          </div>
        </>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)}>
          <div className="field">
            <label htmlFor={`${ids}-old`}>{t('passphraseChange.old')}*</label>
            <PassphraseInput
              id={`${ids}-old`}
              hintId={`${ids}-old-hint`}
              autoComplete="off"
              value={oldPassphrase}
              onChange={setOld}
            />
            <p className="hint" id={`${ids}-old-hint`}>
              {t('passphraseChange.oldHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-new`}>{t('passphraseChange.new')}*</label>
            <PassphraseInput
              id={`${ids}-new`}
              hintId={`${ids}-new-hint`}
              autoComplete="new-password"
              reveal
              value={newPassphrase}
              onChange={setNew}
            />
            <p className="hint" id={`${ids}-new-hint`}>
              {t('passphraseChange.rule')}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-repeat`}>{t('passphraseChange.repeat')}*</label>
            <PassphraseInput
              id={`${ids}-repeat`}
              hintId={`${ids}-repeat-hint`}
              autoComplete="new-password"
              value={confirmation}
              onChange={setConfirmation}
            />
            <p className="hint" id={`${ids}-repeat-hint`}>
              {t('passphraseChange.repeatHint')}
            </p>
          </div>
          {mismatch && (
            <div className="notice notice-error" role="alert">
              <p>{t('passphraseChange.mismatch')}</p>
            </div>
          )}
          <ErrorNotice error={error} />
          <div className="actions">
            <button type="submit" className="button primary" disabled={busy}>
              {t('passphraseChange.submit')}
            </button>
            <button type="button" className="button secondary" onClick={onClose}>
              {t('passphraseChange.cancel')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

/**
 * The passphrase form that gives a keystore: self-service from the list (a session), or the
 * public DOWNLOAD_KEYSTORE page (`bearer`: the link's token).
 */
export function KeystoreForm({
  url,
  bearer,
  onDone,
  onCancel,
}: {
  url: string;
  bearer?: string;
  onDone: (filename: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const ids = useId();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const file = await apiFile(url, { passphrase }, bearer ? { bearer } : {});
      saveFile(file.blob, file.filename);
      onDone(file.filename);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setPassphrase('');
    }
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      <p>{t('keystore.intro')}</p>
      <label htmlFor={`${ids}-passphrase`}>{t('keystore.passphrase')}</label>
      <input
        id={`${ids}-passphrase`}
        type="password"
        autoComplete="off"
        required
        maxLength={128}
        value={passphrase}
        onChange={(e) => setPassphrase(e.target.value)}
      />
      <ErrorNotice error={error} />
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy}>
          {t('keystore.submit')}
        </button>
        {onCancel && (
          <button type="button" className="button secondary" onClick={onCancel}>
            {t('passphraseChange.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

export function KeystoreDialog({ certificateId, onClose }: { certificateId: string; onClose: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<string>();
  return (
    <Dialog title={t('keystore.title')} onClose={onClose}>
      {file ? (
        <>
          <p role="status">{t('keystore.done', { file })}</p>
          <div className="actions-end">
            <button type="button" className="button primary" onClick={onClose}>
              OK
            </button>
          </div>
        </>
      ) : (
        <KeystoreForm
          url={apiUrl('/api/v1/certificates/{id}/keystore', { id: certificateId })}
          onDone={setFile}
          onCancel={onClose}
        />
      )}
    </Dialog>
  );
}
