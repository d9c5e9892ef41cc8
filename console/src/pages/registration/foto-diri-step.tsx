/**
 * Step 3, Foto Diri (seed 002): "Ambil foto" (the camera dialog), "Cara pengambilan foto", an
 * optional KTP scan, the three consents — each readable in full, each with its checkbox — and
 * Submit. The selfie and the scan are saved as soon as they are taken or chosen.
 */
import { useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import { blobToDataUrl } from '../../api/client';
import { registrationApi, type ConsentText as ConsentDocumentText } from '../../api/registration';
import { ErrorNotice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';
import { CameraDialog, GuidanceDialog } from './camera-dialog';
import { ConsentText } from './consent-text';
import type { StepProps } from './data-diri-step';
import { isLinkProblem } from './link-problem';
import { fieldMessage, refusedField } from './wizard-field';

/** What the server takes (it decodes and re-encodes the image; its size limit, TEKEN_PHOTO_MAX_BYTES, is its own). */
const ktpTypes = ['image/jpeg', 'image/png'];

export function FotoDiriStep({
  token,
  registration,
  onLinkProblem,
  onBack,
  onSubmitted,
}: StepProps & { onBack: () => void; onSubmitted: () => void }) {
  const { t, lang } = useI18n();
  const [selfie, setSelfie] = useState<string | undefined>();
  const [hasSelfie, setHasSelfie] = useState(registration.photo.selfie);
  const [ktp, setKtp] = useState<string | undefined>();
  const [hasKtp, setHasKtp] = useState(registration.photo.ktp);
  const [camera, setCamera] = useState(false);
  const [guidance, setGuidance] = useState(false);
  const [savingSelfie, setSavingSelfie] = useState(false);
  const [selfieError, setSelfieError] = useState<string | undefined>();
  const [ktpError, setKtpError] = useState<string | undefined>();
  const [texts, setTexts] = useState<ConsentDocumentText[] | undefined>();
  const [textsError, setTextsError] = useState<unknown>();
  const [accepted, setAccepted] = useState<Set<string>>(
    () =>
      new Set(
        registration.consents
          .filter((c) =>
            registration.consentDocuments.some((d) => d.document === c.document && d.version === c.version),
          )
          .map((c) => c.document),
      ),
  );
  const [missing, setMissing] = useState<{ selfie?: boolean; consents?: boolean }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const fail = (e: unknown) => {
    if (isLinkProblem(e)) onLinkProblem(e);
  };

  // The saved photos, shown again on coming back.
  useEffect(() => {
    let live = true;
    if (registration.photo.selfie)
      registrationApi.photo(token, 'selfie').then(
        (url) => live && setSelfie(url),
        () => undefined,
      );
    if (registration.photo.ktp)
      registrationApi.photo(token, 'ktp').then(
        (url) => live && setKtp(url),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [token, registration.photo.selfie, registration.photo.ktp]);

  useEffect(() => {
    let live = true;
    registrationApi.consentTexts(lang).then(
      (answer) => live && setTexts(answer.documents),
      (e: unknown) => live && setTextsError(e),
    );
    return () => {
      live = false;
    };
  }, [lang]);

  const saveSelfie = async (photo: Blob, preview: string) => {
    setSavingSelfie(true);
    setSelfieError(undefined);
    try {
      await registrationApi.savePhoto(token, 'selfie', photo);
      setSelfie(preview);
      setHasSelfie(true);
      setMissing((m) => ({ ...m, selfie: false }));
      setCamera(false);
    } catch (e) {
      fail(e);
      setSelfieError(errorText(e, t, {}, lang).message);
    } finally {
      setSavingSelfie(false);
    }
  };

  const chooseKtp = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    setKtpError(undefined);
    if (!file) return;
    if (!ktpTypes.includes(file.type)) return setKtpError(t('wizard.ktp.type'));
    try {
      await registrationApi.savePhoto(token, 'ktp', file);
      setKtp(await blobToDataUrl(file));
      setHasKtp(true);
    } catch (e) {
      fail(e);
      setKtpError(errorText(e, t, {}, lang).message);
    }
  };

  // Submit refuses a number not yet verified where WhatsApp is configured (the code step is in Data Diri).
  const phoneUnverified =
    registration.dataDiri.phoneVerificationRequired && !registration.dataDiri.phoneVerified;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (phoneUnverified) return;
    const need = {
      selfie: !hasSelfie,
      consents: registration.consentDocuments.some((d) => !accepted.has(d.document)),
    };
    setMissing(need);
    if (need.selfie || need.consents) return;
    setBusy(true);
    try {
      await registrationApi.saveConsents(
        token,
        registration.consentDocuments.map(({ document, version }) => ({ document, version })),
      );
      await registrationApi.submit(token);
      onSubmitted();
    } catch (e) {
      fail(e);
      setError(e);
      setBusy(false);
    }
  };

  const field = refusedField(error);
  const selfieRefusal = fieldMessage(error, 'selfie', t, lang);
  const consentRefusal = fieldMessage(error, 'consents', t, lang) ?? fieldMessage(error, 'accepted', t, lang);
  const textOf = (document: string) => texts?.find((d) => d.document === document);

  return (
    <>
      <PageHeading title={t('wizard.fotoDiri.title')}>{t('wizard.fotoDiri.title')}</PageHeading>
      <p>{t('wizard.fotoDiri.note')}</p>
      <p className="muted">{t('wizard.fotoDiri.protected')}</p>
      {error !== undefined && !(field && ['selfie', 'consents', 'accepted'].includes(field)) && (
        <ErrorNotice error={error} />
      )}
      <form className="form" onSubmit={(e) => void submit(e)}>
        <section className="wizard-photo" aria-labelledby="selfie-heading">
          <h2 id="selfie-heading">{t('wizard.selfie')}</h2>
          {selfie && <img src={selfie} alt={t('wizard.selfie')} className="photo-preview" />}
          {hasSelfie && (
            <p className="notice notice-success" role="status">
              {t('wizard.selfieSaved')}
            </p>
          )}
          <div className="actions">
            <button
              type="button"
              className="button primary"
              onClick={() => {
                setSelfieError(undefined);
                setCamera(true);
              }}
            >
              {t('wizard.takePhoto')}
            </button>
            <button type="button" className="button" onClick={() => setGuidance(true)}>
              {t('wizard.howToTake')}
            </button>
          </div>
          {(missing.selfie || selfieRefusal) && (
            <p className="hint field-error" role="alert">
              {selfieRefusal ?? t('wizard.selfieRequired')}
            </p>
          )}
        </section>

        <section className="wizard-photo" aria-labelledby="ktp-heading">
          <h2 id="ktp-heading">{t('wizard.ktp.title')}</h2>
          <p className="hint" id="ktp-hint">
            {t('wizard.ktp.hint')}
          </p>
          {ktp && <img src={ktp} alt={t('wizard.ktp.title')} className="photo-preview" />}
          {hasKtp && (
            <p className="notice notice-success" role="status">
              {t('wizard.ktp.saved')}
            </p>
          )}
          <label className="button file-button">
            {hasKtp ? t('wizard.ktp.replace') : t('wizard.ktp.choose')}
            <input
              type="file"
              className="visually-hidden"
              accept={ktpTypes.join(',')}
              aria-describedby="ktp-hint"
              onChange={(e) => void chooseKtp(e)}
            />
          </label>
          {ktpError && (
            <p className="hint field-error" role="alert">
              {ktpError}
            </p>
          )}
        </section>

        <section className="wizard-consents" aria-labelledby="consents-heading">
          <h2 id="consents-heading">{t('wizard.consents')}</h2>
          <p className="muted">{t('wizard.consentsNote')}</p>
          {textsError !== undefined && <ErrorNotice error={textsError} />}
          {registration.consentDocuments.map((doc) => {
            const text = textOf(doc.document);
            return (
              <div key={doc.document} className="consent">
                <details>
                  <summary>{t('wizard.consentRead', { title: text?.title ?? doc.title })}</summary>
                  <div className="consent-text">
                    <p className="hint">{t('wizard.consentVersion', { version: doc.version })}</p>
                    {text ? <ConsentText text={text.text} /> : <p className="muted">{t('app.loading')}</p>}
                  </div>
                </details>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={accepted.has(doc.document)}
                    onChange={(e) =>
                      setAccepted((current) => {
                        const next = new Set(current);
                        if (e.target.checked) next.add(doc.document);
                        else next.delete(doc.document);
                        return next;
                      })
                    }
                  />
                  {t('wizard.consentAgree', { title: text?.title ?? doc.title })}
                </label>
              </div>
            );
          })}
          {(missing.consents || consentRefusal) && (
            <p className="hint field-error" role="alert">
              {consentRefusal ?? t('wizard.consentsRequired')}
            </p>
          )}
        </section>

        {phoneUnverified && (
          <p className="notice notice-error" role="alert">
            {t('wizard.phoneNotVerified')}
          </p>
        )}
        <div className="wizard-actions">
          <button type="button" className="button" onClick={onBack} disabled={busy}>
            {t('wizard.previous')}
          </button>
          <button type="submit" className="button primary" disabled={busy || phoneUnverified}>
            {t('wizard.submit')}
          </button>
        </div>
      </form>
      {camera && (
        <CameraDialog
          onClose={() => setCamera(false)}
          onSave={(photo, preview) => void saveSelfie(photo, preview)}
          saving={savingSelfie}
          saveError={selfieError}
        />
      )}
      {guidance && <GuidanceDialog onClose={() => setGuidance(false)} />}
    </>
  );
}
