/**
 * Admin → Instansi (`/admin/instansi`): the institutions the account may see (an institution admin:
 * their own), searched and paged; a CA admin creates one here. Each opens its edit page.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { ResponseBody } from '../api/types';
import { Breadcrumb } from '../components/app-shell';
import { Field } from '../components/field';
import { ErrorNotice, LoadErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { Pager } from '../components/pager';
import { useI18n } from '../i18n/i18n';
import { paths } from '../lib/paths';
import { Link, useNavigate } from '../lib/router';

type Institution = ResponseBody<'/api/v1/institutions', 'get'>['institutions'][number];
const PAGE = 20;

export function InstitutionsPage({ canCreate }: { canCreate: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [list, setList] = useState<{ total: number; institutions: Institution[] } | undefined>();
  const [loadError, setLoadError] = useState<unknown>();
  const [error, setError] = useState<unknown>();
  const [name, setName] = useState('');
  const [domains, setDomains] = useState('');
  const [province, setProvince] = useState('');

  const load = useCallback(async (query: string, from: number) => {
    try {
      setList(
        await api.get('/api/v1/institutions', {
          query: { q: query || undefined, limit: PAGE, offset: from },
        }),
      );
    } catch (e) {
      setLoadError(e);
    }
  }, []);
  useEffect(() => void load(q, offset), [load, q, offset]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const created = await api.post('/api/v1/institutions', {
        name,
        emailDomains: domains
          .split(',')
          .map((d) => d.trim())
          .filter(Boolean),
        ...(province.trim() ? { province } : {}),
      });
      void navigate(paths.institution(created.id));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <Breadcrumb
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.admin') },
          { label: t('institutions.title') },
        ]}
      />
      <PageHeading title={t('institutions.title')}>{t('institutions.title')}</PageHeading>
      <LoadErrorNotice error={loadError} />
      <form className="search-row" role="search" onSubmit={(e) => e.preventDefault()}>
        <Field
          label={t('institutions.search')}
          type="search"
          value={q}
          onChange={(e) => {
            setOffset(0);
            setQ(e.target.value);
          }}
        />
      </form>
      {list && list.institutions.length === 0 && <p>{t('institutions.empty')}</p>}
      {list && list.institutions.length > 0 && (
        <ul className="list">
          {list.institutions.map((i) => (
            <li key={i.id} className="list-item">
              <p className="item-title">
                <Link to={paths.institution(i.id)}>{i.name}</Link> <span className="tag">{i.code}</span>{' '}
                {!i.active && <span className="tag tag-disabled">{t('institutions.inactive')}</span>}
              </p>
              <p className="muted">
                {i.emailDomains.map((d) => `@${d}`).join(', ')}
                {i.province ? ` · ${i.province}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      {list && <Pager offset={offset} pageSize={PAGE} total={list.total} onChange={setOffset} />}
      {canCreate && (
        <form className="card form" onSubmit={(e) => void create(e)}>
          <h2>{t('institutions.new')}</h2>
          <ErrorNotice error={error} />
          <Field
            label={t('institutions.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
          />
          <Field
            label={t('institutions.domains')}
            hint={t('institutions.domainsHint')}
            value={domains}
            onChange={(e) => setDomains(e.target.value)}
            required
          />
          <Field
            label={t('profile.province')}
            value={province}
            onChange={(e) => setProvince(e.target.value)}
          />
          <div className="actions">
            <button type="submit" className="button primary">
              {t('institutions.create')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
