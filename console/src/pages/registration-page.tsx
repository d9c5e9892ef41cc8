/**
 * `/aktivasi#<token>`: the registration wizard of seed 002, opened from the "[BSrE] Aktivasi Akun"
 * e-mail. Three steps — 1 Data Diri, 2 Data Kedinasan, 3 Foto Diri (with the consents and Submit) —
 * then "Aktivasi berhasil". Every step is saved on the server as it is left with Next, so the same
 * link (or a reload of the tab) resumes at the saved step with the saved values. An expired,
 * replaced or already submitted link gets its own message instead of the form.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import {
  forgetActivationToken,
  registrationApi,
  takeActivationToken,
  type RegistrationState,
} from '../api/registration';
import { AuthLayout } from '../components/auth-layout';
import { ErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { DataDiriStep } from './registration/data-diri-step';
import { DataKedinasanStep } from './registration/data-kedinasan-step';
import { FotoDiriStep } from './registration/foto-diri-step';
import { isLinkProblem, linkCodes } from './registration/link-problem';

export type WizardStep = 1 | 2 | 3;

type Screen =
  | { kind: 'loading' }
  | { kind: 'link-problem'; error: unknown }
  | { kind: 'wizard'; registration: RegistrationState; step: WizardStep }
  | { kind: 'done' };

const clampStep = (step: number): WizardStep => (step >= 3 ? 3 : step <= 1 ? 1 : 2);

function linkProblemText(error: unknown): { title: MessageKey; text: MessageKey } {
  if (error instanceof ApiError) {
    if (error.code === 'ERR_LINK_USED') {
      // Submitted: waiting for the RA; or already decided, which the person must be told plainly.
      const status = error.details?.registrationStatus;
      if (status === 'verified') return { title: 'wizard.verified.title', text: 'wizard.verified.text' };
      if (status === 'rejected') return { title: 'wizard.rejected.title', text: 'wizard.rejected.text' };
      return { title: 'wizard.used.title', text: 'wizard.used.text' };
    }
    if (error.code === 'ERR_LINK_EXPIRED')
      return error.details?.reason === 'replaced' || /replaced/i.test(error.detail ?? '')
        ? { title: 'wizard.replaced.title', text: 'wizard.replaced.text' }
        : { title: 'wizard.expired.title', text: 'wizard.expired.text' };
  }
  return { title: 'wizard.invalid.title', text: 'wizard.invalid.text' };
}

export function RegistrationPage() {
  const { t } = useI18n();
  const [token, setToken] = useState<string | undefined>(() => takeActivationToken());
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  // Counts links opened in this tab: the same link again (after Submit, say) must load again too.
  const [opened, setOpened] = useState(0);

  // A second link pasted into the same tab changes only the fragment: take it.
  useEffect(() => {
    const onHash = () => {
      setToken(takeActivationToken());
      setOpened((n) => n + 1);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const load = useCallback(
    async (goTo?: WizardStep) => {
      if (!token) {
        setScreen({
          kind: 'link-problem',
          error: new ApiError(401, 'ERR_LINK_INVALID', '', undefined, undefined),
        });
        return;
      }
      try {
        const registration = await registrationApi.read(token);
        if (registration.status !== 'invited' && registration.status !== 'in_progress') {
          setScreen({
            kind: 'link-problem',
            error: new ApiError(410, 'ERR_LINK_USED', '', undefined, undefined),
          });
          return;
        }
        setScreen({ kind: 'wizard', registration, step: goTo ?? clampStep(registration.step) });
      } catch (error) {
        if (isLinkProblem(error)) forgetActivationToken();
        setScreen({ kind: 'link-problem', error });
      }
    },
    [token],
  );

  useEffect(() => {
    void load();
  }, [load, opened]);

  /** A step's call failed because of the link (it expired meanwhile, a newer one was sent). */
  const onLinkProblem = useCallback((error: unknown) => {
    forgetActivationToken();
    setScreen({ kind: 'link-problem', error });
  }, []);

  if (screen.kind === 'loading')
    return (
      <AuthLayout wide>
        <p className="loading" role="status">
          {t('app.loading')}
        </p>
      </AuthLayout>
    );

  if (screen.kind === 'link-problem') {
    const { title, text } = linkProblemText(screen.error);
    // The link's own states have their own words; anything else (throttled, offline) its message.
    const known = screen.error instanceof ApiError && linkCodes.includes(screen.error.code);
    return (
      <AuthLayout wide>
        <PageHeading title={t(title)}>{t(title)}</PageHeading>
        {known ? (
          <p className="notice notice-error" role="alert">
            {t(text)}
          </p>
        ) : (
          <ErrorNotice error={screen.error} />
        )}
        <p className="muted">{t('wizard.help')}</p>
      </AuthLayout>
    );
  }

  if (screen.kind === 'done')
    return (
      <AuthLayout wide>
        <PageHeading title={t('wizard.done.title')}>{t('wizard.done.title')}</PageHeading>
        <p className="notice notice-success" role="status">
          {t('wizard.done.text')}
        </p>
        <p>{t('wizard.done.next')}</p>
      </AuthLayout>
    );

  const { registration, step } = screen;
  const go = (next: WizardStep) => void load(next);
  const common = { token: token!, registration, onLinkProblem };
  return (
    <AuthLayout wide>
      <Stepper step={step} />
      {step === 1 && <DataDiriStep key="1" {...common} onNext={() => go(2)} />}
      {step === 2 && <DataKedinasanStep key="2" {...common} onBack={() => go(1)} onNext={() => go(3)} />}
      {step === 3 && (
        <FotoDiriStep
          key="3"
          {...common}
          onBack={() => go(2)}
          onSubmitted={() => {
            forgetActivationToken();
            setScreen({ kind: 'done' });
          }}
        />
      )}
    </AuthLayout>
  );
}

/** "1 Data Diri › 2 Data Kedinasan › 3 Foto Diri", the current one marked. */
function Stepper({ step }: { step: WizardStep }) {
  const { t } = useI18n();
  const names: MessageKey[] = ['wizard.step.dataDiri', 'wizard.step.dataKedinasan', 'wizard.step.fotoDiri'];
  return (
    <nav aria-label={t('wizard.stepper')}>
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
