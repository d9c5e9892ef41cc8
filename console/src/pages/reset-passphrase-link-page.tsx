/**
 * The Reset Passphrase link (`/reset-passphrase#<token>`, from WhatsApp or the "[BSrE] Reset
 * Passphrase" e-mail; seed 001): "1 Pengecekan Foto Diri › 2 Buat Passphrase". Step 1 takes the
 * selfie with the wizard's camera dialog; where an RA officer decides, the page waits and asks the
 * server again every few seconds (the same link also works later). Step 2 takes the new passphrase
 * with the rule shown before typing and the Perjanjian Pemilik Sertifikat Elektronik ("Setuju"),
 * then "Berhasil — Passphrase Anda berhasil dirubah". The token leaves the address bar at once and
 * travels only as `Authorization: Bearer`.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { apiRequest } from '../api/client';
import type { paths } from '../api/schema';
import { AuthLayout } from '../components/auth-layout';
import { ErrorNotice, LoadErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { CameraDialog } from './registration/camera-dialog';
import { ConsentText } from './registration/consent-text';

type LinkState =
  paths['/api/v1/reset-passphrase-link']['post']['responses'][200]['content']['application/json'];
type Done =
  paths['/api/v1/reset-passphrase-link/set']['post']['responses'][201]['content']['application/json'];

const storageKey = 'teken.reset-passphrase';

/** The token of the link this tab was opened with (then kept for the tab), never left in the URL. */
function takeToken(): string | undefined {
  const fromLink = window.location.hash.slice(1);
  if (fromLink) {
    window.history.replaceState(null, '', window.location.pathname);
    try {
      sessionStorage.setItem(storageKey, fromLink);
    } catch {
      // Private mode: the token lives in this page only.
    }
    return fromLink;
  }
  try {
    return sessionStorage.getItem(storageKey) ?? undefined;
  } catch {
    return undefined;
  }
}

function Stepper({ step }: { step: 1 | 2 }) {
  const { t } = useI18n();
  const names: MessageKey[] = ['resetLink.step1', 'resetLink.step2'];
  return (
    <nav aria-label={t('resetLink.title')}>
      <ol className="wizard-steps">
        {names.map((name, i) => (
          <li
            key={name}
            className={i + 1 === step ? 'current' : i + 1 < step ? 'passed' : undefined}
            aria-current={i + 1 === step ? 'step' : undefined}
          >
            <span className="wizard-step-number" aria-hidden="true">
              {i + 1}
            </span>
            <span className="wizard-step-name">{t(name)}</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function ResetPassphraseLinkPage() {
  const { t, lang } = useI18n();
  const ids = useId();
  const [token] = useState(takeToken);
  const [state, setState] = useState<LinkState>();
  const [loadError, setLoadError] = useState<unknown>();
  const [camera, setCamera] = useState(false);
  const [saving, setSaving] = useState(false);
  const [selfieError, setSelfieError] = useState<unknown>();
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [show, setShow] = useState(false);
  const [agreementOpen, setAgreementOpen] = useState(false);
  const [agreed, setAgreed] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [submitError, setSubmitError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done>();

  const load = useCallback(async () => {
    if (!token) return;
    try {
      setState(
        await apiRequest<LinkState>(
          'POST',
          '/api/v1/reset-passphrase-link',
          { locale: lang },
          { bearer: token },
        ),
      );
      setLoadError(undefined);
    } catch (e) {
      setLoadError(e);
    }
  }, [token, lang]);
  useEffect(() => {
    void load();
  }, [load]);
  // Waiting for the RA officer: ask again every few seconds.
  useEffect(() => {
    if (state?.step !== 'waiting') return;
    const timer = setInterval(() => void load(), 3000);
    return () => clearInterval(timer);
  }, [state?.step, load]);

  const saveSelfie = async (photo: Blob) => {
    if (!token) return;
    setSaving(true);
    setSelfieError(undefined);
    try {
      await apiRequest<unknown>('PUT', '/api/v1/reset-passphrase-link/selfie', photo, { bearer: token });
      setCamera(false);
      await load();
    } catch (e) {
      setSelfieError(e);
      setCamera(false);
    } finally {
      setSaving(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!token || !state) return;
    setFormError(undefined);
    setSubmitError(undefined);
    if (passphrase !== confirmation) return setFormError(t('resetLink.mismatch'));
    if (!agreed) return setFormError(t('resetLink.mustAgree'));
    setBusy(true);
    try {
      setDone(
        await apiRequest<Done>(
          'POST',
          '/api/v1/reset-passphrase-link/set',
          { passphrase, confirmation, agreementVersion: state.agreement.version },
          { bearer: token },
        ),
      );
      setPassphrase('');
      setConfirmation('');
    } catch (e) {
      setSubmitError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout wide>
      <PageHeading title={t('resetLink.title')}>{t('resetLink.title')}</PageHeading>
      {!token && <p className="notice error">{t('resetLink.noToken')}</p>}
      <LoadErrorNotice error={loadError} />
      {token && !state && !loadError && <p role="status">{t('resetLink.loading')}</p>}
      {done && (
        <div className="dialog-backdrop">
          <div role="dialog" aria-modal="true" aria-labelledby={`${ids}-done`} className="dialog card">
            <p className="done-mark" aria-hidden="true">
              ✓
            </p>
            <h2 id={`${ids}-done`}>{t('resetLink.done')}</h2>
            <p role="status">{t('resetLink.doneText')}</p>
            <p className="muted">{t('resetLink.doneDetail', { serial: done.serial })}</p>
          </div>
        </div>
      )}
      {state && !done && (
        <>
          <Stepper step={state.step === 'passphrase' ? 2 : 1} />
          <p className="muted reset-certificate">
            {t('resetLink.certificate', { subject: state.subject, serial: state.serial })}
          </p>
          {state.step === 'selfie' && (
            <section aria-labelledby={`${ids}-selfie`}>
              <h2 id={`${ids}-selfie`}>{t('resetLink.selfieTitle')}</h2>
              <p>{t('resetLink.selfieHelp')}</p>
              <p className="muted">{t('resetLink.privacy')}</p>
              <ErrorNotice error={selfieError} />
              <button type="button" className="button primary" onClick={() => setCamera(true)}>
                {t('resetLink.takePhoto')}
              </button>
              {camera && (
                <CameraDialog
                  onClose={() => setCamera(false)}
                  onSave={(photo) => void saveSelfie(photo)}
                  saving={saving}
                />
              )}
            </section>
          )}
          {state.step === 'waiting' && (
            <p className="card" role="status">
              {t('resetLink.waiting')}
            </p>
          )}
          {state.step === 'refused' && (
            <div className="card">
              <p role="alert">{t('resetLink.refused', { reason: state.refuseReason ?? '-' })}</p>
              <p className="muted">{t('resetLink.refusedAgain')}</p>
            </div>
          )}
          {state.step === 'passphrase' && (
            <form className="form" onSubmit={(e) => void submit(e)}>
              <p className="muted" id={`${ids}-rule`}>
                {state.rule.text}
              </p>
              <label htmlFor={`${ids}-passphrase`}>{t('resetLink.passphrase')}</label>
              <input
                id={`${ids}-passphrase`}
                type={show ? 'text' : 'password'}
                autoComplete="new-password"
                aria-describedby={`${ids}-rule`}
                required
                minLength={state.rule.minLength}
                maxLength={state.rule.maxLength}
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
              />
              <label htmlFor={`${ids}-confirmation`}>{t('resetLink.confirmation')}</label>
              <input
                id={`${ids}-confirmation`}
                type={show ? 'text' : 'password'}
                autoComplete="new-password"
                required
                value={confirmation}
                onChange={(e) => setConfirmation(e.target.value)}
              />
              <label>
                <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} />{' '}
                {t('resetLink.show')}
              </label>
              <button type="button" className="link-button" onClick={() => setAgreementOpen(true)}>
                * {t('resetLink.agreementOpen')}
              </button>
              <label>
                <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />{' '}
                {t('resetLink.agreed')}
              </label>
              {formError && (
                <p className="notice error" role="alert">
                  {formError}
                </p>
              )}
              <ErrorNotice error={submitError} />
              {busy && <p role="status">{t('resetLink.working')}</p>}
              <div className="actions">
                <button type="submit" className="button primary" disabled={busy}>
                  {t('resetLink.submit')}
                </button>
              </div>
            </form>
          )}
          {agreementOpen && (
            <div className="dialog-backdrop">
              <div
                role="dialog"
                aria-modal="true"
                aria-labelledby={`${ids}-agreement`}
                className="dialog card"
              >
                <h2 id={`${ids}-agreement`}>{state.agreement.title}</h2>
                <ConsentText text={state.agreement.text} />
                <div className="actions-end">
                  <button
                    type="button"
                    className="button primary"
                    onClick={() => {
                      setAgreed(true);
                      setAgreementOpen(false);
                    }}
                  >
                    {t('resetLink.agree')}
                  </button>
                </div>
              </div>
            </div>
          )}
        </>
      )}
    </AuthLayout>
  );
}
