import type { ReactNode } from 'react';
import { BrandText } from './brand';
import { LanguageSwitch } from './language-switch';

/** The BeID pages (sign-in, its steps, Lupa Password, links): one card in the middle. */
export function AuthLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <div className="auth-page">
      <header className="auth-top">
        <span className="brand">
          <BrandText />
        </span>
        <LanguageSwitch />
      </header>
      <main className={wide ? 'auth-card auth-card-wide' : 'auth-card'} id="main">
        {children}
      </main>
    </div>
  );
}
