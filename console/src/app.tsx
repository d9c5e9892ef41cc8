/** Routes: the BeID pages for everyone, the console for signed-in accounts. */
import { useEffect, useRef, type ComponentType, type ReactElement } from 'react';
import { api } from './api/client';
import type { SessionInfo } from './api/types';
import { useAppState } from './app-state';
import { AppShell } from './components/app-shell';
import { useI18n } from './i18n/i18n';
import { navigate, usePath } from './lib/router';
import { ActivityPage } from './pages/activity-page';
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
import { SecurityPage } from './pages/security-page';
import { SignInPage } from './pages/sign-in-page';
import { UpdatePasswordPage } from './pages/update-password-page';

const publicPages: Record<string, ComponentType> = {
  '/masuk': SignInPage,
  '/lupa-password': ForgotPasswordPage,
  '/link': LinkPage,
  '/otp': OtpPage,
  '/authenticator': AuthenticatorPage,
  '/update-password': UpdatePasswordPage,
  '/password': PasswordStepPage,
};

export function App() {
  const path = usePath();
  const { session } = useAppState();
  const { t } = useI18n();
  const Public = publicPages[path];
  const lastPath = useRef(path);

  useEffect(() => {
    if (session.status === 'anonymous' && !Public) navigate('/masuk', { replace: true });
    if (session.status === 'signed-in' && path === '/masuk') navigate('/', { replace: true });
  }, [session.status, path, Public]);

  // Every navigation inside the console re-checks the session: one signed out from another
  // device (Keamanan) lands on the sign-in page at its next step.
  useEffect(() => {
    if (lastPath.current === path) return;
    lastPath.current = path;
    if (session.status === 'signed-in' && !Public)
      api.get<SessionInfo>('/api/v1/session').catch(() => undefined);
  }, [path, session.status, Public]);

  if (Public) return <Public key={path} />;
  if (session.status !== 'signed-in')
    return (
      <p className="loading" role="status">
        {t('app.loading')}
      </p>
    );
  const { account, permissions } = session;
  let page: ReactElement;
  const outboxMessage = /^\/admin\/outbox\/([0-9a-f-]{36})$/i.exec(path);
  const accountPage = /^\/admin\/akun\/([0-9a-f-]{36})$/i.exec(path);
  if (path === '/') page = <DashboardPage account={account} />;
  else if (path === '/keamanan') page = <SecurityPage />;
  else if (path === '/aktivitas') page = <ActivityPage />;
  else if (path === '/admin/akun') page = <AdminAccountsPage permissions={permissions} />;
  else if (path === '/admin/akun/baru') page = <AdminAccountCreatePage permissions={permissions} />;
  else if (accountPage) page = <AdminAccountPage id={accountPage[1]!} />;
  else if (path === '/admin/outbox') page = <AdminOutboxPage />;
  else if (outboxMessage) page = <AdminOutboxMessagePage id={outboxMessage[1]!} />;
  else page = <NotFoundPage />;
  return (
    <AppShell account={account} permissions={permissions}>
      <div key={path}>{page}</div>
    </AppShell>
  );
}
