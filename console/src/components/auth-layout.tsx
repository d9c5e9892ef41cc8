import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { paths } from '../lib/paths';
import { Link, usePath } from '../lib/router';
import { BrandText } from './brand';
import { LanguageSwitch } from './language-switch';

/**
 * The BeID pages (sign-in, its steps, Lupa Password, links) and the public Verifikasi PDF: one card
 * in the middle, under the public header (the brand, the public menu as on the seed's site, the
 * language switch).
 */
export function AuthLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { t } = useI18n();
  const path = usePath();
  return (
    <div className="auth-page">
      <header className="auth-top">
        <span className="brand">
          <BrandText />
        </span>
        <nav className="public-nav" aria-label={t('publicNav.label')}>
          <Link to={paths.verifyPdf} aria-current={path === paths.verifyPdf ? 'page' : undefined}>
            {t('nav.verifyPdf')}
          </Link>
        </nav>
        <LanguageSwitch />
      </header>
      <main className={wide ? 'auth-card auth-card-wide' : 'auth-card'} id="main">
        {children}
      </main>
    </div>
  );
}
