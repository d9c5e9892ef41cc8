/**
 * "Ambil foto": the camera (getUserMedia, front camera) in a dialog with the face oval; "Ambil foto"
 * takes the picture, "Ambil ulang foto" goes back to the camera, "Simpan" hands the JPEG over. The
 * camera is switched off as soon as the dialog closes.
 */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n';

type CameraState = 'starting' | 'live' | 'taken' | 'failed';

export function CameraDialog({
  onClose,
  onSave,
  saving,
  saveError,
}: {
  onClose: () => void;
  onSave: (photo: Blob, preview: string) => void;
  saving: boolean;
  saveError?: string;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | undefined>(undefined);
  const [state, setState] = useState<CameraState>('starting');
  const [photo, setPhoto] = useState<{ blob: Blob; preview: string } | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);

  // The camera runs while the live picture is shown, and stops on a taken photo or on close.
  useEffect(() => {
    if (photo) return;
    let live = true;
    setState('starting');
    const start = async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new Error('no camera API');
        const media = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'user', width: { ideal: 1280 }, height: { ideal: 960 } },
          audio: false,
        });
        if (!live) {
          media.getTracks().forEach((track) => track.stop());
          return;
        }
        stream.current = media;
        if (video.current) {
          video.current.srcObject = media;
          await video.current.play().catch(() => undefined);
        }
        setState('live');
      } catch {
        if (live) setState('failed');
      }
    };
    void start();
    return () => {
      live = false;
      stream.current?.getTracks().forEach((track) => track.stop());
      stream.current = undefined;
      if (video.current) video.current.srcObject = null;
    };
  }, [photo, attempt]);

  const take = () => {
    const source = video.current;
    if (!source || source.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = source.videoWidth;
    canvas.height = source.videoHeight;
    canvas.getContext('2d')?.drawImage(source, 0, 0, canvas.width, canvas.height);
    const preview = canvas.toDataURL('image/jpeg', 0.9);
    canvas.toBlob(
      (blob) => {
        if (blob) setPhoto({ blob, preview });
      },
      'image/jpeg',
      0.9,
    );
  };

  return (
    <dialog
      ref={dialog}
      className="wizard-dialog"
      aria-labelledby="camera-title"
      onClose={onClose}
      onCancel={(e) => {
        if (saving) e.preventDefault();
      }}
    >
      <h2 id="camera-title">{t('wizard.camera.title')}</h2>
      <p className="muted">{t('wizard.camera.help')}</p>
      <div className="camera-frame">
        {photo ? (
          <img src={photo.preview} alt={t('wizard.camera.taken')} className="camera-photo" />
        ) : (
          <>
            <video
              ref={video}
              className="camera-video"
              playsInline
              muted
              aria-label={t('wizard.camera.live')}
            />
            <span className="camera-oval" aria-hidden="true" />
          </>
        )}
      </div>
      {state === 'starting' && !photo && (
        <p role="status" className="muted">
          {t('wizard.camera.starting')}
        </p>
      )}
      {state === 'failed' && !photo && (
        <div className="notice notice-error" role="alert">
          <p>{t('wizard.camera.failed')}</p>
        </div>
      )}
      {saveError && (
        <div className="notice notice-error" role="alert">
          <p>{saveError}</p>
        </div>
      )}
      <div className="wizard-actions">
        <button type="button" className="button" onClick={() => dialog.current?.close()} disabled={saving}>
          {t('wizard.camera.close')}
        </button>
        {photo ? (
          <span className="actions-end">
            <button type="button" className="button" onClick={() => setPhoto(undefined)} disabled={saving}>
              {t('wizard.camera.retake')}
            </button>
            <button
              type="button"
              className="button primary"
              onClick={() => onSave(photo.blob, photo.preview)}
              disabled={saving}
            >
              {t('wizard.camera.save')}
            </button>
          </span>
        ) : state === 'failed' ? (
          <button type="button" className="button primary" onClick={() => setAttempt((n) => n + 1)}>
            {t('wizard.camera.tryAgain')}
          </button>
        ) : (
          <button type="button" className="button primary" onClick={take} disabled={state !== 'live'}>
            {t('wizard.camera.take')}
          </button>
        )}
      </div>
    </dialog>
  );
}

/** "Cara pengambilan foto": how to take a good selfie (seed 002's guidance). */
export function GuidanceDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);
  return (
    <dialog ref={dialog} className="wizard-dialog" aria-labelledby="guidance-title" onClose={onClose}>
      <h2 id="guidance-title">{t('wizard.guidance.title')}</h2>
      <ol className="guidance">
        <li>{t('wizard.guidance.1')}</li>
        <li>{t('wizard.guidance.2')}</li>
        <li>{t('wizard.guidance.3')}</li>
        <li>{t('wizard.guidance.4')}</li>
        <li>{t('wizard.guidance.5')}</li>
      </ol>
      <div className="wizard-actions">
        <span />
        <button type="button" className="button primary" onClick={() => dialog.current?.close()}>
          {t('wizard.guidance.close')}
        </button>
      </div>
    </dialog>
  );
}
