/** Routes: the BeID pages for everyone, the console for signed-in accounts. */
import { useEffect, useRef, type ReactElement } from 'react';
import { Route, Routes } from 'react-router';
import { api } from './api/client';
import { useAppState, type SessionState } from './app-state';
import { AppShell } from './components/app-shell';
import { useI18n } from './i18n/i18n';
import { isUuid, paths, publicPaths } from './lib/paths';
import { Navigate, Outlet, useNavigate, useParams, usePath } from './lib/router';
import { ActivityPage } from './pages/activity-page';
import { PhoneNumberPage } from './pages/phone-number-page';
import { AdminAccountCreatePage } from './pages/admin-account-create-page';
import { AdminAccountPage } from './pages/admin-account-page';
import { AdminAccountsPage } from './pages/admin-accounts-page';
import { AdminOutboxMessagePage, AdminOutboxPage } from './pages/admin-outbox-page';
import { AuthenticatorPage } from './pages/authenticator-page';
import { DashboardPage } from './pages/dashboard-page';
import { ForgotPasswordPage } from './pages/forgot-password-page';
import { LinkPage } from './pages/link-page';
import { NotFoundPage } from './pages/not-found-page';
import { OtpPage } from './pages/otp-page';
import { PasswordStepPage } from './pages/password-step-page';
import { ImportPage } from './pages/import-page';
import { InvitePage } from './pages/invite-page';
import { RegistrationPage } from './pages/registration-page';
import { RaQueuePage } from './pages/ra-queue-page';
import { RaReviewPage } from './pages/ra-review-page';
import { SecurityPage } from './pages/security-page';
import { SelfRegistrationPage } from './pages/self-registration-page';
import { SignInPage } from './pages/sign-in-page';
import { UpdatePasswordPage } from './pages/update-password-page';
// Menus of seed 003 and Pengaturan → Profil (enrollment issue).
import { CertificatesPage } from './pages/certificates-page';
import { ChangeRequestsPage } from './pages/change-requests-page';
import { RevocationRequestsPage } from './pages/revocation-requests-page';
import { RevocationDialog } from './pages/revocation-dialog';
import { RenewalPage } from './pages/renewal-page';
import { SelfDiagnosisPage } from './pages/self-diagnosis-page';
import { RaSelfieChecksPage } from './pages/ra-selfie-checks-page';
import { ResetPassphraseLinkPage } from './pages/reset-passphrase-link-page';
import { ResetPassphrasePage } from './pages/reset-passphrase-page';
import { ConfirmEmailPage } from './pages/confirm-email-page';
import { ProfilePage } from './pages/profile-page';
import { ApiClientsPage } from './pages/api-clients-page';
import { InstitutionPage } from './pages/institution-page';
import { InstitutionsPage } from './pages/institutions-page';
// Sertifikat Saya → Permohonan Baru / Status Permohonan, the RA's certificate requests, Membuat Passphrase.
import { CertificateRequestsPage } from './pages/certificate-requests-page';
import { NewCertificateRequestPage } from './pages/new-certificate-request-page';
import { PassphraseLinkPage } from './pages/passphrase-link-page';
import { RaCertificateRequestPage } from './pages/ra-certificate-request-page';
import { RaCertificateRequestsPage } from './pages/ra-certificate-requests-page';
import { KeystoreLinkPage } from './pages/keystore-link-page';
import { TotpApprovalPage } from './pages/totp-approval-page';
import { SignDocumentsPage } from './pages/sign-documents-page';
import { VerifyPdfPage } from './pages/verify-pdf-page';

type SignedInSession = Extract<SessionState, { status: 'signed-in' }>;

/** A page of a signed-in account: the frame around it, and the page state reset per path. */
function SignedIn() {
  const { session } = useAppState();
  const { t } = useI18n();
  const path = usePath();
  if (session.status === 'anonymous') return <Navigate to={paths.signIn} replace />;
  if (session.status !== 'signed-in')
    return (
      <p className="loading" role="status">
        {t('app.loading')}
      </p>
    );
  return (
    <AppShell account={session.account} permissions={session.permissions}>
      <div key={path}>
        <Outlet />
      </div>
    </AppShell>
  );
}

/** Pages that need the signed-in account's details get them from the session. */
function WithSession({ render }: { render: (s: SignedInSession) => ReactElement }) {
  const { session } = useAppState();
  return session.status === 'signed-in' ? render(session) : null;
}

function AccountRoute() {
  const { id } = useParams();
  return isUuid(id) ? <AdminAccountPage id={id} /> : <NotFoundPage />;
}

function RaReviewRoute() {
  const { id } = useParams();
  return isUuid(id) ? <RaReviewPage id={id} /> : <NotFoundPage />;
}
/** Pencabutan of one certificate: the dialog on its own page, so the certificate list can link to it. */
function RevocationRoute() {
  const { id } = useParams();
  const navigate = useNavigate();
  return isUuid(id) ? (
    <RevocationDialog
      certificateId={id}
      onClose={() => void navigate(paths.certificates)}
      onDone={() => undefined}
    />
  ) : (
    <NotFoundPage />
  );
}
function RaCertificateRequestRoute() {
  const { id } = useParams();
  return isUuid(id) ? <RaCertificateRequestPage id={id} /> : <NotFoundPage />;
}
function RenewalRoute() {
  const { id } = useParams();
  return isUuid(id) ? <RenewalPage id={id} /> : <NotFoundPage />;
}

function ResetPassphraseRoute() {
  const { id } = useParams();
  return isUuid(id) ? <ResetPassphrasePage certificateId={id} /> : <NotFoundPage />;
}
function InstitutionRoute() {
  const { id } = useParams();
  return isUuid(id) ? (
    <WithSession
      render={(s) => (
        <InstitutionPage
          id={id}
          canEdit={s.permissions.editInstitutions}
          canManageClients={s.permissions.manageApiClients}
        />
      )}
    />
  ) : (
    <NotFoundPage />
  );
}

function ApiClientsRoute() {
  const { id } = useParams();
  return isUuid(id) ? <ApiClientsPage institutionId={id} /> : <NotFoundPage />;
}

function OutboxMessageRoute() {
  const { id } = useParams();
  return isUuid(id) ? <AdminOutboxMessagePage id={id} /> : <NotFoundPage />;
}

export function App() {
  const path = usePath();
  const navigate = useNavigate();
  const { session } = useAppState();
  const lastPath = useRef(path);

  useEffect(() => {
    if (session.status === 'signed-in' && path === paths.signIn) void navigate(paths.home, { replace: true });
  }, [session.status, path, navigate]);

  // Every navigation inside the console re-checks the session (one signed out from another
  // device, on Keamanan, lands on the sign-in page at its next step), and starts at the top.
  useEffect(() => {
    if (lastPath.current === path) return;
    lastPath.current = path;
    window.scrollTo(0, 0);
    if (session.status === 'signed-in' && !publicPaths.has(path))
      api.get('/api/v1/session').catch(() => undefined);
  }, [path, session.status]);

  return (
    <Routes>
      <Route path={paths.signIn} element={<SignInPage key={path} />} />
      <Route path={paths.forgotPassword} element={<ForgotPasswordPage />} />
      <Route path={paths.link} element={<LinkPage />} />
      <Route path={paths.otp} element={<OtpPage />} />
      <Route path={paths.authenticator} element={<AuthenticatorPage />} />
      <Route path={paths.updatePassword} element={<UpdatePasswordPage />} />
      <Route path={paths.password} element={<PasswordStepPage />} />
      <Route path={paths.selfRegistration} element={<SelfRegistrationPage />} />
      <Route path={paths.activation} element={<RegistrationPage />} />
      <Route path={paths.confirmEmail} element={<ConfirmEmailPage />} />
      <Route path={paths.passphraseLink} element={<PassphraseLinkPage />} />
      <Route path={paths.keystoreLink} element={<KeystoreLinkPage />} />
      <Route path={paths.totpApproval} element={<TotpApprovalPage />} />
      <Route path={paths.resetPassphraseLink} element={<ResetPassphraseLinkPage />} />
      <Route path={paths.verifyPdf} element={<VerifyPdfPage />} />
      <Route element={<SignedIn />}>
        <Route index element={<WithSession render={(s) => <DashboardPage account={s.account} />} />} />
        <Route path={paths.security} element={<SecurityPage />} />
        <Route path={paths.activity} element={<ActivityPage />} />
        <Route path={paths.phoneNumber} element={<PhoneNumberPage />} />
        <Route
          path={paths.accounts}
          element={<WithSession render={(s) => <AdminAccountsPage permissions={s.permissions} />} />}
        />
        <Route
          path={paths.newAccount}
          element={<WithSession render={(s) => <AdminAccountCreatePage permissions={s.permissions} />} />}
        />
        <Route path="/admin/akun/:id" element={<AccountRoute />} />
        <Route path={paths.outbox} element={<AdminOutboxPage />} />
        <Route
          path={paths.invite}
          element={
            <WithSession render={(s) => <InvitePage account={s.account} permissions={s.permissions} />} />
          }
        />
        <Route
          path={paths.importCsv}
          element={
            <WithSession render={(s) => <ImportPage account={s.account} permissions={s.permissions} />} />
          }
        />
        {/* RA desk (helper ra). */}
        <Route path={paths.ra} element={<RaQueuePage />} />
        <Route path={paths.raSelfieChecks} element={<RaSelfieChecksPage />} />
        <Route path="/ra/:id" element={<RaReviewRoute />} />
        <Route path="/admin/outbox/:id" element={<OutboxMessageRoute />} />
        <Route path={paths.certificates} element={<CertificatesPage />} />
        <Route path="/sertifikat/:id/pencabutan" element={<RevocationRoute />} />
        <Route path={paths.newCertificateRequest} element={<NewCertificateRequestPage />} />
        <Route path={paths.certificateRequests} element={<CertificateRequestsPage />} />
        <Route path={paths.signDocuments} element={<SignDocumentsPage />} />
        <Route path={paths.raCertificateRequests} element={<RaCertificateRequestsPage />} />
        <Route path="/ra/permohonan-sertifikat/:id" element={<RaCertificateRequestRoute />} />
        <Route path="/sertifikat/:id/perpanjangan" element={<RenewalRoute />} />
        <Route path={paths.selfDiagnosis} element={<SelfDiagnosisPage />} />
        <Route path="/sertifikat/:id/reset-passphrase" element={<ResetPassphraseRoute />} />
        <Route path={paths.profile} element={<ProfilePage />} />
        <Route path={paths.changeRequests} element={<ChangeRequestsPage />} />
        <Route path={paths.revocations} element={<RevocationRequestsPage />} />
        <Route
          path={paths.institutions}
          element={
            <WithSession render={(s) => <InstitutionsPage canCreate={s.permissions.createInstitutions} />} />
          }
        />
        <Route path="/admin/instansi/:id" element={<InstitutionRoute />} />
        <Route path="/admin/instansi/:id/klien-api" element={<ApiClientsRoute />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
