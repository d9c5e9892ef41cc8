/**
 * `/keystore#<token>`: the DOWNLOAD_KEYSTORE link an RA officer sends from Tinjau Ulang (seed 003's
 * Tautan Aktif). The token comes from the fragment (never sent to the server in a URL, taken out of
 * the address bar at once) and travels as `Authorization: Bearer`. The page says which certificate
 * the link is for, then gives the PKCS#12 keystore for the passphrase; the link is then used.
 */
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import { AuthLayout } from '../components/auth-layout';
import { ErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';
import { paths } from '../lib/paths';
import { Link } from '../lib/router';
import { KeystoreForm } from './certificate-dialogs';

type About = Awaited<ReturnType<typeof readLink>>;
const readLink = (token: string, locale: 'id' | 'en') =>
  api.post('/api/v1/keystore-link', { locale }, { bearer: token });

/** The token from the fragment, kept for a remount once the address bar no longer shows it. */
let lastToken: string | undefined;
function takeToken(): string | undefined {
  const token = window.location.hash.slice(1);
  if (token) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    lastToken = token;
  }
  return lastToken;
}

export function KeystoreLinkPage() {
  const { t, lang } = useI18n();
  const [token] = useState(takeToken);
  const [about, setAbout] = useState<About>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  useEffect(() => {
    if (!token) {
      setError(new ApiError(404, 'ERR_LINK_INVALID', '', undefined, undefined));
      return;
    }
    let live = true;
    readLink(token, lang).then(
      (a) => live && setAbout(a),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [token, lang]);
  return (
    <AuthLayout>
      <PageHeading title={t('keystoreLink.title')}>{t('keystoreLink.title')}</PageHeading>
      <ErrorNotice error={error} />
      {!error && !about && <p role="status">{t('keystoreLink.opening')}</p>}
      {about && token && !done && (
        <>
          <p className="breakable">
            {t('keystoreLink.for', {
              name: about.commonName,
              serial: about.serial,
              until: about.validUntilText,
            })}
          </p>
          <KeystoreForm
            url="/api/v1/keystore-link/download"
            bearer={token}
            onDone={(file) => {
              lastToken = undefined;
              setDone(file);
            }}
          />
        </>
      )}
      {done && <p role="status">{t('keystoreLink.done', { file: done })}</p>}
      <p className="form-row">
        <Link to={paths.signIn}>{t('keystoreLink.signIn')}</Link>
      </p>
    </AuthLayout>
  );
}
