/**
 * `/passphrase#<token>`: "Membuat Passphrase" from the "[BSrE] Set Passphrase" e-mail (or the
 * WhatsApp "Link Penerbitan Sertifikat Elektronik"), seeds 001 and 002. The token is taken out of
 * the fragment at once and sent only as `Authorization: Bearer` (never in a URL, never with the
 * session's cookies). The page shows what the link is about and the passphrase rule before the
 * user types, Passphrase and Konfirmasi Passphrase, the full versioned Perjanjian Pemilik
 * Sertifikat Elektronik with "Setuju", then "Berhasil" with the issued certificate. A used,
 * expired or unknown link says so plainly.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { AuthLayout } from '../components/auth-layout';
import { ErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';
import { formatWib } from '../lib/format';
import { paths } from '../lib/paths';
import { Link } from '../lib/router';
import { ConsentText } from './registration/consent-text';

type LinkInfo = Awaited<ReturnType<typeof readLink>>;
type Issued = Awaited<ReturnType<typeof setPassphrase>>;
const readLink = (token: string, locale: 'id' | 'en') =>
  api.post('/api/v1/passphrase-link', { locale }, { bearer: token });
const setPassphrase = (
  token: string,
  body: { passphrase: string; confirmation: string; agreementVersion: string },
) => api.post('/api/v1/passphrase-link/set', body, { bearer: token });

/** The link's own words for the link errors: what happened and what to do next. */
const linkOverrides = {
  ERR_LINK_USED: 'passphrase.ERR_LINK_USED',
  ERR_LINK_EXPIRED: 'passphrase.ERR_LINK_EXPIRED',
  ERR_LINK_INVALID: 'passphrase.ERR_LINK_INVALID',
} as const;
const isLinkError = (e: unknown) => e instanceof ApiError && e.code in linkOverrides;

/** The token from the fragment, removed from the address bar and the history; kept for a remount. */
let lastToken: string | undefined;
function takeToken(): string | undefined {
  const token = window.location.hash.slice(1);
  if (token) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    lastToken = token;
  }
  return lastToken;
}

function PassphraseForm({
  token,
  info,
  onIssued,
}: {
  token: string;
  info: LinkInfo;
  onIssued: (i: Issued) => void;
}) {
  const { t } = useI18n();
  const ids = useId();
  const [passphrase, setValue] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [visible, setVisible] = useState(false);
  const [agreementOpen, setAgreementOpen] = useState(false);
  const [agreed, setAgreed] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setProblem(undefined);
    if (passphrase !== confirmation) return setProblem(t('passphrase.mismatch'));
    if (!agreed) return setProblem(t('passphrase.agreementRequired'));
    setBusy(true);
    try {
      onIssued(
        await setPassphrase(token, { passphrase, confirmation, agreementVersion: info.agreement.version }),
      );
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <p className="notice notice-info" id={`${ids}-rule`}>
        {info.rule.text}
      </p>
      <div className="field">
        <label htmlFor={`${ids}-p`}>{t('passphrase.passphrase')}</label>
        <input
          id={`${ids}-p`}
          type={visible ? 'text' : 'password'}
          autoComplete="new-password"
          required
          minLength={info.rule.minLength}
          maxLength={info.rule.maxLength}
          aria-describedby={`${ids}-rule`}
          value={passphrase}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${ids}-c`}>{t('passphrase.confirmation')}</label>
        <input
          id={`${ids}-c`}
          type={visible ? 'text' : 'password'}
          autoComplete="new-password"
          required
          maxLength={info.rule.maxLength}
          value={confirmation}
          onChange={(e) => setConfirmation(e.target.value)}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={visible} onChange={(e) => setVisible(e.target.checked)} />{' '}
        {t('passphrase.show')}
      </label>
      <div className="consent">
        <details open={agreementOpen} onToggle={(e) => setAgreementOpen(e.currentTarget.open)}>
          <summary>* {t('passphrase.agreementLink')}</summary>
          <div className="consent-text" role="document" aria-label={info.agreement.title}>
            <p className="hint">{t('passphrase.agreementVersion', { version: info.agreement.version })}</p>
            <ConsentText text={info.agreement.text} />
          </div>
          <div className="actions">
            <button
              type="button"
              className="button primary"
              onClick={() => {
                setAgreed(true);
                setAgreementOpen(false);
              }}
            >
              {t('passphrase.agree')}
            </button>
          </div>
        </details>
        <label className="checkbox">
          <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />{' '}
          {t('passphrase.agreed')}
        </label>
      </div>
      {problem && (
        <p className="hint field-error" role="alert">
          {problem}
        </p>
      )}
      <ErrorNotice error={error} overrides={linkOverrides} />
      {busy && <p role="status">{t('passphrase.issuing')}</p>}
      <button type="submit" className="button primary block" disabled={busy}>
        {t('passphrase.submit')}
      </button>
    </form>
  );
}

export function PassphraseLinkPage() {
  const { t, lang } = useI18n();
  const [token] = useState(takeToken);
  const [info, setInfo] = useState<LinkInfo | undefined>();
  const [error, setError] = useState<unknown>(() =>
    token ? undefined : new ApiError(404, 'ERR_LINK_INVALID', '', undefined, undefined),
  );
  const [issued, setIssued] = useState<Issued | undefined>();

  // Read again when the language changes: the agreement and the rule come in the user's language.
  useEffect(() => {
    if (!token || issued) return;
    let live = true;
    readLink(token, lang).then(
      (i) => live && setInfo(i),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [token, lang, issued]);

  return (
    <AuthLayout wide>
      <PageHeading title={t('passphrase.title')}>
        {issued ? t('passphrase.done') : t('passphrase.title')}
      </PageHeading>
      {issued ? (
        <div className="stack">
          <p className="notice notice-success wrap" role="status">
            {t('passphrase.doneText', { serial: issued.serial, until: formatWib(issued.notAfter, lang) })}
          </p>
          <p>
            <Link to={paths.certificates}>{t('passphrase.toCertificates')}</Link>
          </p>
        </div>
      ) : error ? (
        <>
          <ErrorNotice error={error} overrides={linkOverrides} />
          {isLinkError(error) && (
            <p className="form-row">
              <Link to={paths.signIn}>{t('forgot.back')}</Link>
            </p>
          )}
        </>
      ) : info && token ? (
        <div className="stack">
          <p className="muted">{t('passphrase.intro')}</p>
          <p>
            {t('passphrase.for', { product: info.productLabel })}
            <br />
            <span className="wrap">{t('passphrase.subject', { subject: info.subject })}</span>
          </p>
          <PassphraseForm token={token} info={info} onIssued={setIssued} />
        </div>
      ) : (
        <p role="status">{t('passphrase.opening')}</p>
      )}
    </AuthLayout>
  );
}
