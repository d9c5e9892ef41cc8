/**
 * The "[BSrE] Konfirmasi Email" link (`/konfirmasi-email#<token>`): posts the token from the
 * fragment (it never reaches a server log) and says whether the new address is confirmed.
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { AuthLayout } from '../components/auth-layout';
import { ErrorNotice, Notice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';

export function ConfirmEmailPage() {
  const { t } = useI18n();
  const [state, setState] = useState<'working' | 'done' | 'failed'>('working');
  const [error, setError] = useState<unknown>();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const token = window.location.hash.slice(1);
    window.history.replaceState(null, '', window.location.pathname);
    api
      .post('/api/v1/profile/confirm-email', { token }, { redirectOnAuthRequired: false })
      .then(() => setState('done'))
      .catch((e: unknown) => {
        setError(e);
        setState('failed');
      });
  }, []);
  return (
    <AuthLayout>
      <PageHeading title={t('confirmEmail.title')}>{t('confirmEmail.title')}</PageHeading>
      {state === 'working' && <p role="status">{t('confirmEmail.working')}</p>}
      {state === 'done' && <Notice tone="success">{t('confirmEmail.done')}</Notice>}
      <ErrorNotice error={error} />
    </AuthLayout>
  );
}
