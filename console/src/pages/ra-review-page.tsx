/**
 * "Tinjau Ulang" of one registration (seed 003), with its tabs: Overview (Informasi diri, jabatan,
 * sertifikat elektronik, Status akun, the consents, "Kirim tautan melalui email pengguna", the
 * selfie and the KTP side by side, Approve / Reject with the four-eyes state), Ubah Akun, Jenis
 * Permohonan, Sertifikat Elektronik (filled by the next issue) and Riwayat Data. What this account
 * may do comes from the server with the registration.
 */
import { useCallback, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../api/client';
import type { AccountDetail, RegistrationHistory, RegistrationOverview } from '../api/types';
import { Breadcrumb } from '../components/app-shell';
import { ErrorNotice, LoadErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { ReviewDecision } from '../components/review-decision';
import { ScrollTable } from '../components/scroll-table';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { HolderCertificatesTab } from './holder-certificates-tab';
import { formatWib } from '../lib/format';
import { Link } from '../lib/router';
import { Done, LinksSection } from './admin-account-page';
import { RegistrationBadge } from './ra-queue-page';

type Tab = 'overview' | 'edit' | 'products' | 'certificates' | 'history';
const tabs: Tab[] = ['overview', 'edit', 'products', 'certificates', 'history'];

const show = (value: string | null | undefined) =>
  value === null || value === undefined || value === '' ? '-' : value;

function Facts({ children }: { children: ReactNode }) {
  return <dl className="facts">{children}</dl>;
}
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function PhoneFact({ r, onChanged }: { r: RegistrationOverview; onChanged: () => Promise<void> }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const verified = r.personal.phoneVerifiedAt !== null;
  const mark = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.post('/api/v1/ra/registrations/{id}/phone-verified', {}, { path: { id: r.accountId } });
      await onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Fact label={t('ra.f.phone')}>
      {show(r.personal.phone)}{' '}
      <span className={verified ? 'tag tag-sent' : 'tag tag-pending'}>
        {t(verified ? 'ra.phone.verified' : 'ra.phone.unverified')}
      </span>
      {!verified && r.personal.phone && r.permissions.review && (
        <>
          {' '}
          <button type="button" className="button" disabled={busy} onClick={() => void mark()}>
            {t('ra.phone.mark')}
          </button>
        </>
      )}
      <ErrorNotice error={error} />
    </Fact>
  );
}

function Photo({ r, kind }: { r: RegistrationOverview; kind: 'selfie' | 'ktp' }) {
  const { t } = useI18n();
  const label = t(kind === 'selfie' ? 'ra.selfie' : 'ra.ktp');
  return (
    <figure className="ra-photo">
      {r.photos[kind] && r.permissions.photo ? (
        <img src={`/api/v1/ra/registrations/${r.accountId}/photos/${kind}`} alt={label} />
      ) : (
        <p className="muted">{t('ra.noPhoto')}</p>
      )}
      <figcaption>{label}</figcaption>
    </figure>
  );
}

function Decision({ r, onChanged }: { r: RegistrationOverview; onChanged: () => Promise<void> }) {
  const { t, lang } = useI18n();
  const d = r.decision;
  return (
    <ReviewDecision
      messages="ra"
      badge={<RegistrationBadge status={r.status} />}
      fourEyes={d.fourEyes}
      mayDecide={r.permissions.decide}
      approveQuestion={t('ra.approve.confirm', { name: r.personal.fullName })}
      reasonMax={1000}
      approve={() => api.post('/api/v1/ra/registrations/{id}/approve', {}, { path: { id: r.accountId } })}
      reject={(reason) =>
        api.post('/api/v1/ra/registrations/{id}/reject', { reason }, { path: { id: r.accountId } })
      }
      onChanged={onChanged}
    >
      {r.status === 'first_approval' && d.firstApprovedAt && (
        <p role="status">{t('ra.fourEyes.first', { time: formatWib(d.firstApprovedAt, lang) })}</p>
      )}
      {r.status === 'first_approval' && r.permissions.review && !r.permissions.decide && (
        <p>{t('ra.fourEyes.yours')}</p>
      )}
      {r.status === 'rejected' && d.rejectedAt && (
        <p>{t('ra.rejectedReason', { time: formatWib(d.rejectedAt, lang), reason: d.rejectReason ?? '' })}</p>
      )}
    </ReviewDecision>
  );
}

function Overview({
  r,
  account,
  onChanged,
}: {
  r: RegistrationOverview;
  account: AccountDetail | undefined;
  onChanged: () => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const products = r.certificate.products.map((p) => t(`ra.products.${p}` as MessageKey)).join(', ');
  return (
    <div className="stack">
      <div className="cards">
        <section className="card">
          <h2>{t('ra.personal')}</h2>
          <Facts>
            <Fact label={t('ra.f.fullName')}>{r.personal.fullName}</Fact>
            <Fact label={t('ra.f.nik')}>{show(r.personal.nik)}</Fact>
            <Fact label={t('ra.f.gelarDepan')}>{show(r.personal.gelarDepan)}</Fact>
            <Fact label={t('ra.f.gelarBelakang')}>{show(r.personal.gelarBelakang)}</Fact>
            <Fact label={t('ra.f.email')}>{r.personal.email}</Fact>
            <Fact label={t('ra.f.province')}>{show(r.employment.province)}</Fact>
            <PhoneFact r={r} onChanged={onChanged} />
            {(['data_processing', 'privacy_policy', 'subscriber_agreement'] as const).map((doc) => {
              const c = r.consents.find((x) => x.document === doc);
              return (
                <Fact key={doc} label={t(`ra.consent.${doc}`)}>
                  {c
                    ? t('ra.consent.value', { version: c.version, time: formatWib(c.acceptedAt, lang) })
                    : '-'}
                </Fact>
              );
            })}
          </Facts>
        </section>
        <section className="card">
          <h2>{t('ra.employment')}</h2>
          <Facts>
            <Fact label={t('ra.f.nip')}>{show(r.employment.nip)}</Fact>
            <Fact label={t('ra.f.nipVerifiedBy')}>
              {r.employment.nipVerifiedBy ? t(`ra.verifiedBy.${r.employment.nipVerifiedBy}`) : '-'}
            </Fact>
            <Fact label={t('ra.f.jabatan')}>{show(r.employment.jabatan)}</Fact>
            <Fact label={t('ra.f.organisasi')}>{r.employment.organisasi}</Fact>
            <Fact label={t('ra.f.unitOrganisasi')}>{show(r.employment.unitOrganisasi)}</Fact>
          </Facts>
        </section>
        <section className="card">
          <h2>{t('ra.certificate')}</h2>
          <Facts>
            <Fact label={t('ra.f.products')}>{show(products)}</Fact>
          </Facts>
          <h2>{t('ra.accountStatus')}</h2>
          <Facts>
            <Fact label={t('ra.f.userType')}>{r.accountStatus.userType}</Fact>
            <Fact label={t('ra.f.verificationStatus')}>
              <RegistrationBadge status={r.accountStatus.verificationStatus} />
            </Fact>
          </Facts>
        </section>
      </div>
      <section className="card">
        <h2>{t('ra.photos')}</h2>
        <div className="ra-photos">
          <Photo r={r} kind="selfie" />
          <Photo r={r} kind="ktp" />
        </div>
      </section>
      <Decision r={r} onChanged={onChanged} />
      {account && r.permissions.sendLink && (
        <section className="card">
          <LinksSection detail={account} />
        </section>
      )}
    </div>
  );
}

const editFields = [
  'fullName',
  'gelarDepan',
  'gelarBelakang',
  'nik',
  'nip',
  'phone',
  'jabatan',
  'unitOrganisasi',
  'province',
] as const;
type EditField = (typeof editFields)[number];

function valuesOf(r: RegistrationOverview): Record<EditField, string> {
  return {
    fullName: r.personal.fullName,
    gelarDepan: r.personal.gelarDepan ?? '',
    gelarBelakang: r.personal.gelarBelakang ?? '',
    nik: r.personal.nik ?? '',
    nip: r.employment.nip ?? '',
    phone: r.personal.phone ?? '',
    jabatan: r.employment.jabatan ?? '',
    unitOrganisasi: r.employment.unitOrganisasi ?? '',
    province: r.employment.province ?? '',
  };
}

function EditTab({ r, onChanged }: { r: RegistrationOverview; onChanged: () => Promise<void> }) {
  const { t } = useI18n();
  const base = useId();
  const [values, setValues] = useState(() => valuesOf(r));
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | undefined>();
  const [error, setError] = useState<unknown>();
  const original = valuesOf(r);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const body: Record<string, string | null> = {};
    for (const f of editFields)
      if (values[f].trim() !== original[f])
        body[f] = values[f].trim() === '' && f !== 'fullName' ? null : values[f].trim();
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    try {
      if (Object.keys(body).length === 0) {
        setSaved(t('ra.edit.nothing'));
        return;
      }
      const result = await api.patch('/api/v1/ra/registrations/{id}', body, {
        path: { id: r.accountId },
      });
      await onChanged();
      setSaved(
        result.changed.length
          ? t('ra.edit.saved', { fields: result.changed.map((f) => t(`ra.f.${f}` as MessageKey)).join(', ') })
          : t('ra.edit.nothing'),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  if (!r.permissions.review) return <p>{t('forbidden.text')}</p>;
  return (
    <form className="card stack" onSubmit={(e) => void save(e)}>
      <p className="muted">{t('ra.edit.help')}</p>
      {editFields.map((f) => (
        <div className="field" key={f}>
          <label htmlFor={`${base}-${f}`}>{t(`ra.f.${f}` as MessageKey)}</label>
          <input
            id={`${base}-${f}`}
            value={values[f]}
            disabled={f === 'nik' && !r.permissions.correctNik}
            inputMode={f === 'nik' || f === 'nip' || f === 'phone' ? 'numeric' : undefined}
            autoComplete="off"
            aria-describedby={f === 'nik' ? `${base}-nik-hint` : undefined}
            onChange={(e) => setValues({ ...values, [f]: e.target.value })}
          />
          {f === 'nik' && (
            <p className="hint" id={`${base}-nik-hint`}>
              {t('ra.edit.nikOnlyRa')}
            </p>
          )}
        </div>
      ))}
      {saved && <Done>{saved}</Done>}
      <ErrorNotice error={error} />
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy}>
          {t('ra.edit.save')}
        </button>
      </div>
    </form>
  );
}

function ProductsTab({ r, onChanged }: { r: RegistrationOverview; onChanged: () => Promise<void> }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string[]>(r.certificate.products);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      await api.put(
        '/api/v1/ra/registrations/{id}/products',
        { products: chosen as ('esign' | 'eseal')[] },
        { path: { id: r.accountId } },
      );
      await onChanged();
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card stack" onSubmit={(e) => void save(e)}>
      <fieldset>
        <legend>{t('ra.products.help')}</legend>
        {(['esign', 'eseal'] as const).map((p) => (
          <label key={p} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(p)}
              disabled={!r.permissions.review}
              onChange={(e) => setChosen(e.target.checked ? [...chosen, p] : chosen.filter((x) => x !== p))}
            />{' '}
            {t(`ra.products.${p}`)}
          </label>
        ))}
        <label className="checkbox">
          <input type="checkbox" disabled checked={false} readOnly /> {t('ra.products.ssl')}{' '}
          <span className="tag tag-disabled">{t('ra.products.soon')}</span>
        </label>
      </fieldset>
      {saved && <Done>{t('ra.products.saved')}</Done>}
      <ErrorNotice error={error} />
      {r.permissions.review && (
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy || chosen.length === 0}>
            {t('ra.products.save')}
          </button>
        </div>
      )}
    </form>
  );
}

function HistoryTab({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const [history, setHistory] = useState<RegistrationHistory | undefined>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    api.get('/api/v1/ra/registrations/{id}/history', { path: { id } }).then(
      (h) => live && setHistory(h),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [id]);
  const text = (v: unknown) =>
    Array.isArray(v)
      ? v.join(', ')
      : v === null || v === undefined
        ? '-'
        : typeof v === 'string'
          ? v
          : JSON.stringify(v);
  return (
    <>
      <LoadErrorNotice error={error} />
      {history && history.history.length === 0 && <p role="status">{t('ra.history.empty')}</p>}
      {history && history.history.length > 0 && (
        <ScrollTable label={t('ra.tab.history')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('ra.history.at')}</th>
                <th scope="col">{t('ra.history.field')}</th>
                <th scope="col">{t('ra.history.old')}</th>
                <th scope="col">{t('ra.history.new')}</th>
                <th scope="col">{t('ra.history.by')}</th>
              </tr>
            </thead>
            <tbody>
              {history.history.map((h) => (
                <tr key={h.id}>
                  <td>{formatWib(h.at, lang)}</td>
                  <td>{h.field}</td>
                  <td className="wrap">{text(h.old)}</td>
                  <td className="wrap">{text(h.new)}</td>
                  <td>{h.changedByName ?? h.changedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}

export function RaReviewPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('overview');
  const [r, setR] = useState<RegistrationOverview | undefined>();
  const [account, setAccount] = useState<AccountDetail | undefined>();
  const [error, setError] = useState<unknown>();
  const load = useCallback(async () => {
    try {
      const overview = await api.get('/api/v1/ra/registrations/{id}', { path: { id } });
      setR(overview);
      setError(undefined);
      if (overview.permissions.sendLink)
        setAccount(await api.get('/api/v1/admin/accounts/{id}', { path: { id } }).catch(() => undefined));
    } catch (e) {
      setError(e);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <Breadcrumb
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.ra'), to: '/ra' },
          { label: t('ra.review.title') },
        ]}
      />
      <PageHeading title={t('ra.review.title')}>{t('ra.review.title')}</PageHeading>
      <p>
        <Link to="/ra">{t('ra.review.back')}</Link>
      </p>
      <LoadErrorNotice error={error} />
      {r && (
        <>
          <p>
            <strong>{r.personal.fullName}</strong> <RegistrationBadge status={r.status} />
          </p>
          <div className="tabs" role="tablist" aria-label={t('ra.tabs')}>
            {tabs.map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                id={`ra-tab-${name}`}
                aria-selected={tab === name}
                aria-controls="ra-tabpanel"
                className={tab === name ? 'tab current' : 'tab'}
                onClick={() => setTab(name)}
              >
                {t(`ra.tab.${name}`)}
              </button>
            ))}
          </div>
          <div id="ra-tabpanel" role="tabpanel" aria-labelledby={`ra-tab-${tab}`}>
            {tab === 'overview' && <Overview r={r} account={account} onChanged={load} />}
            {tab === 'edit' && <EditTab r={r} onChanged={load} />}
            {tab === 'products' && <ProductsTab r={r} onChanged={load} />}
            {tab === 'certificates' && <HolderCertificatesTab accountId={r.accountId} />}
            {tab === 'history' && <HistoryTab id={id} />}
          </div>
        </>
      )}
    </>
  );
}
