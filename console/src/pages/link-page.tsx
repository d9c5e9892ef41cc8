import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { StepResponse } from '../api/types';
import { useAppState } from '../app-state';
import { AuthLayout } from '../components/auth-layout';
import { ErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';
import { Link } from '../lib/router';

/**
 * A link is redeemed once: the promise is kept per token so that a second mount (React's strict
 * mode, a re-render) does not spend the link twice and then report it as used.
 */
const redemptions = new Map<string, Promise<StepResponse>>();

function redeem(token: string): Promise<StepResponse> {
  let pending = redemptions.get(token);
  if (!pending) {
    pending = api.post('/api/v1/auth/links/redeem', { token });
    redemptions.set(token, pending);
  }
  return pending;
}

/**
 * The token from the fragment, taken out of the address bar and the history at once (it never
 * reaches the server's logs or a Referer either: fragments are not sent). Kept for a remount.
 */
let lastToken: string | undefined;
function takeToken(): string | undefined {
  const token = window.location.hash.slice(1);
  if (token) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    lastToken = token;
  }
  return lastToken;
}

/** `/link#<token>`: e-mailed links ("Lupa Password", administrator links). */
export function LinkPage() {
  const { t } = useI18n();
  const { followStep } = useAppState();
  const [error, setError] = useState<unknown>();
  // A second link pasted into the same tab changes only the fragment: no page load, so listen.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const onHash = () => setAttempt((n) => n + 1);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    const token = takeToken();
    setError(undefined);
    if (!token) {
      setError(new ApiError(404, 'ERR_LINK_INVALID', '', undefined, undefined));
      return;
    }
    let live = true;
    redeem(token).then(
      (result) => {
        lastToken = undefined;
        if (live) void followStep(result, result.kind);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [followStep, attempt]);

  return (
    <AuthLayout>
      <PageHeading title={t('link.title')}>{t('link.title')}</PageHeading>
      {error ? (
        <>
          <ErrorNotice error={error} />
          <p className="form-row">
            <Link to="/lupa-password">{t('link.requestNew')}</Link>
            <Link to="/masuk">{t('forgot.back')}</Link>
          </p>
        </>
      ) : (
        <p role="status">{t('link.opening')}</p>
      )}
    </AuthLayout>
  );
}
