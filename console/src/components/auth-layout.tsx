import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from './language-switch';

/** The BeID pages (sign-in, its steps, Lupa Password, links): one card in the middle. */
export function AuthLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="auth-page">
      <header className="auth-top">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            T
          </span>
          <span>
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-org">{t('app.org')}</span>
          </span>
        </span>
        <LanguageSwitch />
      </header>
      <main className={wide ? 'auth-card auth-card-wide' : 'auth-card'} id="main">
        {children}
      </main>
    </div>
  );
}
