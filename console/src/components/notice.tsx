import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { errorText, type ErrorOverrides } from '../lib/errors';

/** A success or information notice, announced politely. */
export function Notice({ tone = 'info', children }: { tone?: 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role="status">
      {children}
    </div>
  );
}

/** A failed call, in the user's language; announced at once. */
export function ErrorNotice({ error, overrides }: { error: unknown; overrides?: ErrorOverrides }) {
  const { t, lang } = useI18n();
  if (error === undefined || error === null) return null;
  const { message, items } = errorText(error, t, overrides, lang);
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {items && items.length > 0 && (
        <ul>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A page that could not be loaded: "no access to this page" when refused, else the error. */
export function LoadErrorNotice({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (error instanceof ApiError && error.code === 'ERR_AUTH_FORBIDDEN')
    return <p className="notice notice-error">{t('forbidden.text')}</p>;
  return <ErrorNotice error={error} />;
}
