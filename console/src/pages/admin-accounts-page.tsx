/**
 * "Akun": the accounts an administrator may see (all for a CA admin, their institution's for the
 * others; the server decides), with their lock state, a search and 25 to a page.
 */
import { useState } from 'react';
import { api } from '../api/client';
import type { AccountPage, AdminAccount, Permissions } from '../api/types';
import { Breadcrumb } from '../components/app-shell';
import { LoadErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { PagedTable, SearchForm, usePagedList } from '../components/paged-list';
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
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const { page, error, offset, setOffset } = usePagedList<AccountPage>(
    (at) => api.get('/api/v1/admin/accounts', { query: { limit: PAGE, offset: at, q: q || undefined } }),
    [q],
  );

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
      <SearchForm
        label={t('accounts.search')}
        hint={t('accounts.searchHint')}
        submitLabel={t('accounts.searchSubmit')}
        value={draft}
        onChange={setDraft}
        onSubmit={() => {
          setOffset(0);
          setQ(draft.trim());
        }}
      />
      <LoadErrorNotice error={error} />
      {page && (
        <PagedTable
          label={t('accounts.title')}
          empty={t('accounts.empty')}
          totalText={t('accounts.total', { total: page.total })}
          total={page.total}
          rows={page.accounts}
          columns={[
            t('accounts.username'),
            t('accounts.fullName'),
            t('accounts.email'),
            t('accounts.roles'),
            t('accounts.status'),
          ]}
          rowKey={(a) => a.id}
          row={(a) => (
            <>
              <td>
                <Link to={`/admin/akun/${a.id}`}>{a.username}</Link>
              </td>
              <td>{a.fullName}</td>
              <td className="wrap">{a.email}</td>
              <td>{a.roles.map((role) => roleName(role, t)).join(', ')}</td>
              <td>
                <AccountStatus account={a} />
              </td>
            </>
          )}
          offset={offset}
          pageSize={PAGE}
          onOffset={setOffset}
        />
      )}
    </>
  );
}
