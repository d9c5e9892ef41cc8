/**
 * `/persetujuan#<token>`: the APPROVE_TOTP link of "[BSrE] Persetujuan Tanda Tangan"
 * (signing/totp-authorisation.ts). An institution's application asks for a TOTP ("<client> meminta
 * izin menandatangani <N> dokumen") or a seal activation; the holder approves with the passphrase
 * and sees the code once (it is e-mailed too), or refuses. The token comes from the fragment (taken
 * out of the address bar at once) and travels as `Authorization: Bearer`.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { AuthLayout } from '../components/auth-layout';
import { ErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';
import { paths } from '../lib/paths';
import { Link } from '../lib/router';

type About = Awaited<ReturnType<typeof readLink>>;
type Approved = Awaited<ReturnType<typeof approveLink>>;
const readLink = (token: string, locale: 'id' | 'en') =>
  api.post('/api/v1/totp-approval', { locale }, { bearer: token });
const approveLink = (token: string, passphrase: string, locale: 'id' | 'en') =>
  api.post('/api/v1/totp-approval/approve', { passphrase, locale }, { bearer: token });

let lastToken: string | undefined;
function takeToken(): string | undefined {
  const token = window.location.hash.slice(1);
  if (token) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    lastToken = token;
  }
  return lastToken;
}

export function TotpApprovalPage() {
  const { t, lang } = useI18n();
  const ids = useId();
  const [token] = useState(takeToken);
  const [about, setAbout] = useState<About>();
  const [error, setError] = useState<unknown>();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [approved, setApproved] = useState<Approved>();
  const [refused, setRefused] = useState(false);
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

  const approve = async (event: FormEvent) => {
    event.preventDefault();
    if (!token) return;
    setBusy(true);
    setError(undefined);
    try {
      setApproved(await approveLink(token, passphrase, lang));
      lastToken = undefined;
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setPassphrase('');
    }
  };
  const refuse = async () => {
    if (!token) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.post('/api/v1/totp-approval/refuse', {}, { bearer: token });
      lastToken = undefined;
      setRefused(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const open = about && !approved && !refused;
  return (
    <AuthLayout>
      <PageHeading title={t('totpApproval.title')}>{t('totpApproval.title')}</PageHeading>
      {!error && !about && <p role="status">{t('totpApproval.opening')}</p>}
      {open && (
        <>
          <p className="breakable" data-testid="totp-request">
            {about.kind === 'sign'
              ? t('totpApproval.sign', { client: about.client, documents: String(about.documents ?? '') })
              : t('totpApproval.seal', { client: about.client })}
          </p>
          <p className="breakable">
            {t('totpApproval.details', {
              holder: about.holder,
              institution: about.institution,
              until: about.expiresText,
            })}
          </p>
          <form className="form" onSubmit={(e) => void approve(e)}>
            <label htmlFor={`${ids}-passphrase`}>{t('totpApproval.passphrase')}</label>
            <input
              id={`${ids}-passphrase`}
              type="password"
              autoComplete="off"
              required
              maxLength={128}
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
            />
            <ErrorNotice error={error} />
            <div className="actions">
              <button type="submit" className="button primary" disabled={busy}>
                {t('totpApproval.approve')}
              </button>
              <button
                type="button"
                className="button secondary"
                disabled={busy}
                onClick={() => void refuse()}
              >
                {t('totpApproval.refuse')}
              </button>
            </div>
          </form>
        </>
      )}
      {!open && <ErrorNotice error={error} />}
      {approved && (
        <div role="status">
          <p>{t(approved.kind === 'sign' ? 'totpApproval.codeSign' : 'totpApproval.codeSeal')}</p>
          <p className="totp-code" data-testid="totp-code">
            {approved.code}
          </p>
          <p className="breakable">
            {approved.kind === 'sign'
              ? t('totpApproval.validSign', {
                  documents: String(approved.documents ?? ''),
                  until: approved.expiresText,
                })
              : t('totpApproval.validSeal', { until: approved.expiresText })}
          </p>
        </div>
      )}
      {refused && <p role="status">{t('totpApproval.refused')}</p>}
      <p className="form-row">
        <Link to={paths.signIn}>{t('keystoreLink.signIn')}</Link>
      </p>
    </AuthLayout>
  );
}
