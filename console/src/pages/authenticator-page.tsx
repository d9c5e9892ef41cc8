import { useAppState } from '../app-state';
import { AuthLayout } from '../components/auth-layout';
import { ErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { TotpSetup } from '../components/totp-setup';
import { useI18n } from '../i18n/i18n';
import { useFlow } from '../lib/use-flow';

/** The `configure_totp` step: first sign-in, or a RESET_OTP_DEVICE / setup link. */
export function AuthenticatorPage() {
  const { t } = useI18n();
  const { followStep } = useAppState();
  const { flow, error } = useFlow('configure_totp');
  return (
    <AuthLayout wide>
      <PageHeading title={t('totp.title')}>{t('totp.title')}</PageHeading>
      <ErrorNotice error={error} />
      {flow && <TotpSetup onDone={(result) => followStep(result, flow.kind)} />}
    </AuthLayout>
  );
}
