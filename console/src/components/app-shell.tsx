/**
 * The signed-in frame: top bar with the menu toggle (phones), the language switch and the avatar
 * menu (name, Keamanan, Aktivitas, Keluar); the side menu of seed 003 (menusOf below).
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import type { Account, Permissions } from '../api/types';
import { useAppState } from '../app-state';
import { useI18n } from '../i18n/i18n';
import { paths } from '../lib/paths';
import { Link, usePath } from '../lib/router';
import { BrandText } from './brand';
import { LanguageSwitch } from './language-switch';

/**
 * The menu groups of seed 003 (Dashboards, Sertifikat Saya, Pengguna, RA, Admin, Pengaturan), each
 * shown only when the server's consolePermissions (authorize.ts, the one rule) allow one of its pages.
 */
export function menusOf(permissions: Permissions): { users: boolean; ra: boolean; admin: boolean } {
  return {
    users: permissions.inviteRegistrants || permissions.importRegistrants,
    ra:
      permissions.reviewRegistrations ||
      permissions.reviewChangeRequests ||
      permissions.reviewCertificateRequests ||
      permissions.manageCertificates ||
      permissions.reviewSelfieChecks,
    admin: permissions.listAccounts || permissions.listInstitutions || permissions.readOutbox,
  };
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (
    (parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')
  ).toUpperCase();
}

function AvatarMenu({ account }: { account: Account }) {
  const { t } = useI18n();
  const { toSignIn } = useAppState();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const signOut = async () => {
    try {
      await api.post('/api/v1/auth/sign-out');
    } finally {
      toSignIn({ tone: 'success', key: 'signIn.signedOut' });
    }
  };

  return (
    <div className="avatar-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="avatar-button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen(!open)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(account.fullName)}
        </span>
        <span className="visually-hidden">
          {t('account.menu')}: {account.fullName}
        </span>
      </button>
      <div id={menuId} className="avatar-panel" hidden={!open}>
        <p className="avatar-name">{account.fullName}</p>
        <p className="avatar-email">{account.email}</p>
        <ul>
          <li>
            <Link to="/keamanan" onClick={() => setOpen(false)}>
              {t('account.security')}
            </Link>
          </li>
          <li>
            <Link to="/aktivitas" onClick={() => setOpen(false)}>
              {t('account.activity')}
            </Link>
          </li>
          <li>
            <button type="button" className="menu-button" onClick={() => void signOut()}>
              {t('account.signOut')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}

export function AppShell({
  account,
  permissions,
  children,
}: {
  account: Account;
  permissions: Permissions;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const path = usePath();
  const [navOpen, setNavOpen] = useState(false);
  const navId = useId();
  const menus = menusOf(permissions);
  useEffect(() => setNavOpen(false), [path]);
  const current = (to: string, exact = true) =>
    (exact ? path === to : path === to || path.startsWith(`${to}/`)) ? 'page' : undefined;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <button
          type="button"
          className="nav-toggle"
          aria-expanded={navOpen}
          aria-controls={navId}
          onClick={() => setNavOpen(!navOpen)}
        >
          <span aria-hidden="true">☰</span>
          <span className="visually-hidden">{t('nav.toggle')}</span>
        </button>
        <Link to="/" className="brand">
          <BrandText />
        </Link>
        <div className="topbar-end">
          <LanguageSwitch />
          <AvatarMenu account={account} />
        </div>
      </header>
      <div className="frame">
        <nav id={navId} className={navOpen ? 'sidenav open' : 'sidenav'} aria-label={t('nav.main')}>
          <ul>
            <li>
              <Link to="/" aria-current={current('/')}>
                {t('nav.dashboards')}
              </Link>
            </li>
            <li>
              <span className="nav-group">{t('nav.certificates')}</span>
              <ul>
                <li>
                  <Link to={paths.newCertificateRequest} aria-current={current(paths.newCertificateRequest)}>
                    {t('nav.newCertificateRequest')}
                  </Link>
                </li>
                <li>
                  <Link to={paths.certificateRequests} aria-current={current(paths.certificateRequests)}>
                    {t('nav.certificateRequests')}
                  </Link>
                </li>
                <li>
                  <Link to={paths.certificates} aria-current={current(paths.certificates)}>
                    {t('nav.certificateList')}
                  </Link>
                </li>
                <li>
                  <Link to={paths.signDocuments} aria-current={current(paths.signDocuments)}>
                    {t('nav.signDocuments')}
                  </Link>
                </li>
                <li>
                  <Link to={paths.verifyPdf} aria-current={current(paths.verifyPdf)}>
                    {t('nav.verifyPdf')}
                  </Link>
                </li>
              </ul>
            </li>
            <li>
              <Link to={paths.selfDiagnosis} aria-current={current(paths.selfDiagnosis)}>
                {t('nav.selfDiagnosis')}
              </Link>
            </li>
            {menus.users && (
              <li>
                <span className="nav-group">{t('nav.users')}</span>
                <ul>
                  {permissions.inviteRegistrants && (
                    <li>
                      <Link to={paths.invite} aria-current={current(paths.invite)}>
                        {t('nav.invite')}
                      </Link>
                    </li>
                  )}
                  {permissions.importRegistrants && (
                    <li>
                      <Link to={paths.importCsv} aria-current={current(paths.importCsv)}>
                        {t('nav.importCsv')}
                      </Link>
                    </li>
                  )}
                </ul>
              </li>
            )}
            {menus.ra && (
              <li>
                <span className="nav-group">{t('nav.ra')}</span>
                <ul>
                  {permissions.reviewRegistrations && (
                    <li>
                      <Link to={paths.ra} aria-current={current(paths.ra)}>
                        {t('nav.raRegistrations')}
                      </Link>
                    </li>
                  )}
                  {permissions.reviewCertificateRequests && (
                    <li>
                      <Link
                        to={paths.raCertificateRequests}
                        aria-current={current(paths.raCertificateRequests, false)}
                      >
                        {t('nav.raCertificateRequests')}
                      </Link>
                    </li>
                  )}
                  {permissions.reviewChangeRequests && (
                    <li>
                      <Link to={paths.changeRequests} aria-current={current(paths.changeRequests, false)}>
                        {t('nav.changeRequests')}
                      </Link>
                    </li>
                  )}
                  {permissions.manageCertificates && (
                    <li>
                      <Link to={paths.revocations} aria-current={current(paths.revocations, false)}>
                        {t('nav.revocations')}
                      </Link>
                    </li>
                  )}
                  {permissions.reviewSelfieChecks && (
                    <li>
                      <Link to={paths.raSelfieChecks} aria-current={current(paths.raSelfieChecks, false)}>
                        {t('nav.selfieChecks')}
                      </Link>
                    </li>
                  )}
                </ul>
              </li>
            )}
            {menus.admin && (
              <li>
                <span className="nav-group">{t('nav.admin')}</span>
                <ul>
                  {permissions.listAccounts && (
                    <li>
                      <Link to="/admin/akun" aria-current={current('/admin/akun', false)}>
                        {t('nav.accounts')}
                      </Link>
                    </li>
                  )}
                  {permissions.listInstitutions && (
                    <li>
                      <Link to={paths.institutions} aria-current={current(paths.institutions, false)}>
                        {t('nav.institutions')}
                      </Link>
                    </li>
                  )}
                  {permissions.readOutbox && (
                    <li>
                      <Link to="/admin/outbox" aria-current={current('/admin/outbox', false)}>
                        {t('nav.outbox')}
                      </Link>
                    </li>
                  )}
                </ul>
              </li>
            )}
            <li>
              <span className="nav-group">{t('nav.settings')}</span>
              <ul>
                <li>
                  <Link to={paths.profile} aria-current={current(paths.profile)}>
                    {t('nav.profile')}
                  </Link>
                </li>
                <li>
                  <Link to={paths.activity} aria-current={current(paths.activity)}>
                    {t('nav.activity')}
                  </Link>
                </li>
                <li>
                  <Link to={paths.security} aria-current={current(paths.security)}>
                    {t('nav.security')}
                  </Link>
                </li>
              </ul>
            </li>
          </ul>
        </nav>
        <main id="main" className="content">
          {children}
        </main>
      </div>
    </div>
  );
}

export function Breadcrumb({ items }: { items: { label: string; to?: string }[] }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
      <ol>
        {items.map((item, i) => (
          <li key={`${item.label}-${i}`}>
            {item.to ? (
              <Link to={item.to}>{item.label}</Link>
            ) : (
              <span aria-current={i === items.length - 1 ? 'page' : undefined}>{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
