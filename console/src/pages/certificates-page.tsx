/**
 * "Sertifikat Saya" → Daftar Sertifikat Elektronik (seed 003): Common Name, Metode Enroll, Jenis
 * Sertifikat Elektronik, Valid Sampai, Status, Catatan and Aksi — Unduh (PEM with the chain, or
 * DER), Info, and the menu (Ubah passphrase, Reset passphrase, Pencabutan, Perpanjangan, Unduh
 * Keystore). What the menu offers for each certificate comes from the server (`actions`,
 * src/certificates/certificate-actions.ts); the server checks every call again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, apiFile, apiUrl, saveFile } from '../api/client';
import { Breadcrumb } from '../components/app-shell';
import { ErrorNotice, LoadErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { ScrollTable } from '../components/scroll-table';
import { useI18n } from '../i18n/i18n';
import { formatWib } from '../lib/format';
import { paths } from '../lib/paths';
import { Link } from '../lib/router';
import { CertificateInfoDialog, ChangePassphraseDialog, KeystoreDialog } from './certificate-dialogs';

type List = Awaited<ReturnType<typeof loadList>>;
type Item = List['certificates'][number];
const loadList = () => api.get('/api/v1/certificates');

/** "21 Oktober 2024": the date of Catatan, in WIB. */
function wibDate(iso: string, lang: 'id' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: 'Asia/Jakarta',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));
}

type Open = { id: string; dialog: 'info' | 'passphrase' | 'keystore' };

function Actions({
  item,
  onOpen,
  onDownload,
  onError,
}: {
  item: Item;
  onOpen: (o: Open) => void;
  onDownload: () => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useI18n();
  const menu = useRef<HTMLDetailsElement>(null);
  const downloads = useRef<HTMLDetailsElement>(null);
  const has = (a: Item['actions'][number]) => item.actions.includes(a);
  const open = (dialog: Open['dialog']) => {
    if (menu.current) menu.current.open = false;
    onOpen({ id: item.id, dialog });
  };
  // Unduh is a POST (it sets Catatan and is audited): the file is fetched, then handed to the browser.
  const download = async (format: 'pem' | 'der') => {
    if (menu.current) menu.current.open = false;
    if (downloads.current) downloads.current.open = false;
    try {
      const file = await apiFile(
        apiUrl('/api/v1/certificates/{id}/download', { id: item.id }),
        { format },
        {},
      );
      saveFile(file.blob, file.filename);
      onDownload();
    } catch (e) {
      onError(e);
    }
  };
  const inMenu = ['changePassphrase', 'resetPassphrase', 'revoke', 'renew', 'keystore'] as const;
  return (
    <div className="cert-actions">
      {has('download') && (
        <details className="cert-menu" ref={downloads}>
          <summary className="button">{t('certificates.download')}</summary>
          <ul>
            <li>
              <button type="button" className="menu-button" onClick={() => void download('pem')}>
                {t('certificates.downloadPem')}
              </button>
            </li>
            <li>
              <button type="button" className="menu-button" onClick={() => void download('der')}>
                {t('certificates.downloadDer')}
              </button>
            </li>
          </ul>
        </details>
      )}
      {has('info') && (
        <button type="button" className="button" onClick={() => open('info')}>
          {t('certificates.info')}
        </button>
      )}
      {inMenu.some(has) && (
        <details className="cert-menu" ref={menu}>
          <summary className="button">{t('certificates.menu')} ▾</summary>
          <ul>
            {has('changePassphrase') && (
              <li>
                <button type="button" className="menu-button" onClick={() => open('passphrase')}>
                  {t('certificates.changePassphrase')}
                </button>
              </li>
            )}
            {has('resetPassphrase') && (
              <li>
                <Link to={paths.resetPassphrase(item.id)}>{t('certificates.resetPassphrase')}</Link>
              </li>
            )}
            {has('revoke') && (
              <li>
                <Link to={paths.revocation(item.id)}>{t('certificates.revoke')}</Link>
              </li>
            )}
            {has('renew') && (
              <li>
                <Link to={paths.renewal(item.id)}>{t('certificates.renew')}</Link>
              </li>
            )}
            {has('keystore') && (
              <li>
                <button type="button" className="menu-button" onClick={() => open('keystore')}>
                  {t('certificates.keystore')}
                </button>
              </li>
            )}
          </ul>
        </details>
      )}
    </div>
  );
}

export function CertificatesPage() {
  const { t, lang } = useI18n();
  const [list, setList] = useState<List>();
  const [error, setError] = useState<unknown>();
  // A refused Unduh (the list itself loaded).
  const [actionError, setActionError] = useState<unknown>();
  const [open, setOpen] = useState<Open>();
  const load = useCallback(async () => {
    try {
      setList(await loadList());
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  // A download sets Catatan on the server: read the list again once the file has been fetched.
  const afterDownload = () => {
    setActionError(undefined);
    void load();
  };
  const close = () => {
    setOpen(undefined);
    void load();
  };
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('certificates.title') }]} />
      <PageHeading title={t('certificates.list')}>{t('certificates.list')}</PageHeading>
      <p className="actions">
        <Link className="button primary" to={paths.newCertificateRequest}>
          {t('certificates.newRequest')}
        </Link>
        <Link className="button" to={paths.certificateRequests}>
          {t('certificates.requests')}
        </Link>
      </p>
      <LoadErrorNotice error={error} />
      <ErrorNotice error={actionError} />
      {list && list.certificates.length === 0 && <p className="card">{t('certificates.empty')}</p>}
      {list && list.certificates.length > 0 && (
        <ScrollTable label={t('certificates.list')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('certificates.commonName')}</th>
                <th scope="col">{t('certificates.enrollMethod')}</th>
                <th scope="col">{t('certificates.product')}</th>
                <th scope="col">{t('certificates.validUntil')}</th>
                <th scope="col">{t('certificates.status')}</th>
                <th scope="col">{t('certificates.note')}</th>
                <th scope="col">{t('certificates.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.certificates.map((c) => (
                <tr key={c.id}>
                  <td className="wrap">{c.commonName}</td>
                  <td>{c.enrollMethod}</td>
                  <td>{c.productLabel}</td>
                  <td>{formatWib(c.validUntil, lang)}</td>
                  <td>{c.status}</td>
                  <td>
                    {c.downloadedAt
                      ? t('certificates.downloaded', { date: wibDate(c.downloadedAt, lang) })
                      : ''}
                  </td>
                  <td>
                    <Actions item={c} onOpen={setOpen} onDownload={afterDownload} onError={setActionError} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {open?.dialog === 'info' && <CertificateInfoDialog certificateId={open.id} onClose={close} />}
      {open?.dialog === 'passphrase' && <ChangePassphraseDialog certificateId={open.id} onClose={close} />}
      {open?.dialog === 'keystore' && <KeystoreDialog certificateId={open.id} onClose={close} />}
    </>
  );
}
