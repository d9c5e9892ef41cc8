/**
 * "Akun": the accounts an administrator may see (all for a CA admin, their institution's for the
 * others; the server decides), with their lock state, a search and 25 to a page.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { AccountPage, AdminAccount, Permissions } from '../api/types';
import { Breadcrumb } from '../components/app-shell';
import { LoadErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { ScrollTable } from '../components/scroll-table';
import { Pager } from '../components/pager';
import { useI18n } from '../i18n/i18n';
import { formatWib } from '../lib/format';
import { roleName } from '../lib/roles';
import { Link } from '../lib/router';

const PAGE = 25;

export function AccountStatus({ account }: { account: AdminAccount }) {
  const { t, lang } = useI18n();
  if (account.lockedUntil)
    return (
      <>
        <span className="tag tag-locked">{t('accounts.status.locked')}</span>{' '}
        <span className="muted small">
          {t('accounts.lockedUntil', { time: formatWib(account.lockedUntil, lang) })}
        </span>
      </>
    );
  if (account.status === 'disabled')
    return <span className="tag tag-disabled">{t('accounts.status.disabled')}</span>;
  return <span className="tag tag-sent">{t('accounts.status.active')}</span>;
}

export function AdminAccountsPage({ permissions }: { permissions: Permissions }) {
  const { t } = useI18n();
  const searchId = useId();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<AccountPage | undefined>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    let live = true;
    api.get('/api/v1/admin/accounts', { query: { limit: PAGE, offset, q: q || undefined } }).then(
      (p) => {
        if (!live) return;
        setPage(p);
        setError(undefined);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [q, offset]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setOffset(0);
    setQ(draft.trim());
  };

  return (
    <>
      <Breadcrumb
        items={[{ label: t('nav.home'), to: '/' }, { label: t('nav.admin') }, { label: t('accounts.title') }]}
      />
      <PageHeading title={t('accounts.title')}>{t('accounts.title')}</PageHeading>
      <p className="muted">{t('accounts.help')}</p>
      {permissions.createAccountRoles.length > 0 && (
        <p>
          <Link to="/admin/akun/baru" className="button primary">
            {t('accounts.create')}
          </Link>
        </p>
      )}
      <form role="search" className="search" onSubmit={search}>
        <div className="field">
          <label htmlFor={searchId}>{t('accounts.search')}</label>
          <div className="search-row">
            <input
              id={searchId}
              type="search"
              value={draft}
              maxLength={100}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={`${searchId}-hint`}
              onChange={(e) => setDraft(e.target.value)}
            />
            <button type="submit" className="button">
              {t('accounts.searchSubmit')}
            </button>
          </div>
          <p className="hint" id={`${searchId}-hint`}>
            {t('accounts.searchHint')}
          </p>
        </div>
      </form>
      <LoadErrorNotice error={error} />
      {page && page.accounts.length === 0 && <p role="status">{t('accounts.empty')}</p>}
      {page && page.accounts.length > 0 && (
        <>
          <p role="status">{t('accounts.total', { total: page.total })}</p>
          <ScrollTable label={t('accounts.title')}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('accounts.username')}</th>
                  <th scope="col">{t('accounts.fullName')}</th>
                  <th scope="col">{t('accounts.email')}</th>
                  <th scope="col">{t('accounts.roles')}</th>
                  <th scope="col">{t('accounts.status')}</th>
                </tr>
              </thead>
              <tbody>
                {page.accounts.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link to={`/admin/akun/${a.id}`}>{a.username}</Link>
                    </td>
                    <td>{a.fullName}</td>
                    <td className="wrap">{a.email}</td>
                    <td>{a.roles.map((role) => roleName(role, t)).join(', ')}</td>
                    <td>
                      <AccountStatus account={a} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          <Pager offset={offset} pageSize={PAGE} total={page.total} onChange={setOffset} />
        </>
      )}
    </>
  );
}
