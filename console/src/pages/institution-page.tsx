/**
 * One institution (`/admin/instansi/:id`): a CA admin edits the name, domains, province, the
 * registration policy and the data rules, and deactivates or reactivates it; an institution admin
 * reads their own. "Klien API" links to its API clients.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { ResponseBody } from '../api/types';
import { Breadcrumb } from '../components/app-shell';
import { Field } from '../components/field';
import { ErrorNotice, LoadErrorNotice, Notice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { paths } from '../lib/paths';
import { Link } from '../lib/router';

type Institution = ResponseBody<'/api/v1/institutions/{id}', 'get'>;
type Policy = Institution['policy'];

const flags: [keyof Policy, MessageKey][] = [
  ['selfRegistration', 'institution.selfRegistration'],
  ['nipCheckRequired', 'institution.nipCheckRequired'],
  ['fourEyes', 'institution.fourEyes'],
  ['keystoreSelfService', 'institution.keystoreSelfService'],
  ['renewalReusesVerifiedData', 'institution.renewalReusesVerifiedData'],
  ['nameWithoutTitles', 'institution.nameWithoutTitles'],
  ['unitUnabbreviated', 'institution.unitUnabbreviated'],
];
const numbers: [keyof Policy, MessageKey][] = [
  ['nameMaxLength', 'institution.nameMaxLength'],
  ['jabatanMaxLength', 'institution.jabatanMaxLength'],
  ['unitMaxLength', 'institution.unitMaxLength'],
];

export function InstitutionPage({
  id,
  canEdit,
  canManageClients,
}: {
  id: string;
  canEdit: boolean;
  canManageClients: boolean;
}) {
  const { t } = useI18n();
  const [institution, setInstitution] = useState<Institution | undefined>();
  const [draft, setDraft] = useState<Institution | undefined>();
  const [loadError, setLoadError] = useState<unknown>();
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);

  const show = (i: Institution) => {
    setInstitution(i);
    setDraft(i);
  };
  const load = useCallback(async () => {
    try {
      show(await api.get('/api/v1/institutions/{id}', { path: { id } }));
    } catch (e) {
      setLoadError(e);
    }
  }, [id]);
  useEffect(() => void load(), [load]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setError(undefined);
    setSaved(false);
    try {
      show(
        await api.patch(
          '/api/v1/institutions/{id}',
          {
            name: draft.name,
            emailDomains: draft.emailDomains,
            province: draft.province && draft.province.trim() ? draft.province : null,
            policy: draft.policy,
          },
          { path: { id } },
        ),
      );
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  };
  const toggleActive = async () => {
    if (!institution) return;
    setError(undefined);
    try {
      show(
        institution.active
          ? await api.post('/api/v1/institutions/{id}/deactivate', {}, { path: { id } })
          : await api.post('/api/v1/institutions/{id}/reactivate', {}, { path: { id } }),
      );
    } catch (e) {
      setError(e);
    }
  };
  const setPolicy = (key: keyof Policy, value: Policy[keyof Policy]) =>
    draft && setDraft({ ...draft, policy: { ...draft.policy, [key]: value } });

  return (
    <>
      <Breadcrumb
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('institutions.title'), to: paths.institutions },
          { label: institution?.name ?? '…' },
        ]}
      />
      <PageHeading title={institution?.name ?? t('institutions.title')}>
        {institution?.name ?? t('institutions.title')}
      </PageHeading>
      <LoadErrorNotice error={loadError} />
      {saved && <Notice tone="success">{t('institution.saved')}</Notice>}
      <ErrorNotice error={error} />
      {institution && canManageClients && (
        <p>
          <Link to={paths.apiClients(institution.id)}>{t('apiClients.title')}</Link>
        </p>
      )}
      {draft && institution && (
        <form className="card form" onSubmit={(e) => void save(e)}>
          <p>
            <span className="tag">{institution.code}</span>{' '}
            <span className={institution.active ? 'tag tag-sent' : 'tag tag-disabled'}>
              {institution.active ? t('institution.active') : t('institutions.inactive')}
            </span>
          </p>
          <fieldset disabled={!canEdit}>
            <Field
              label={t('institutions.name')}
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
            <Field
              label={t('institutions.domains')}
              hint={t('institutions.domainsHint')}
              value={draft.emailDomains.join(', ')}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  emailDomains: e.target.value
                    .split(',')
                    .map((d) => d.trim())
                    .filter(Boolean),
                })
              }
            />
            <Field
              label={t('profile.province')}
              value={draft.province ?? ''}
              onChange={(e) => setDraft({ ...draft, province: e.target.value })}
            />
            <h2>{t('institution.policy')}</h2>
            {flags.map(([key, label]) => (
              <label key={key} className="radio">
                <input
                  type="checkbox"
                  checked={draft.policy[key] as boolean}
                  onChange={(e) => setPolicy(key, e.target.checked)}
                />{' '}
                {t(label)}
              </label>
            ))}
            {numbers.map(([key, label]) => (
              <Field
                key={key}
                label={t(label)}
                type="number"
                min={1}
                value={String(draft.policy[key])}
                onChange={(e) => setPolicy(key, Number(e.target.value))}
              />
            ))}
            <Field
              label={t('institution.jabatanForbiddenCharacters')}
              value={draft.policy.jabatanForbiddenCharacters}
              onChange={(e) => setPolicy('jabatanForbiddenCharacters', e.target.value)}
            />
          </fieldset>
          {canEdit && (
            <div className="actions">
              <button type="submit" className="button primary">
                {t('institution.save')}
              </button>
              <button type="button" className="button" onClick={() => void toggleActive()}>
                {institution.active ? t('institution.deactivate') : t('institution.reactivate')}
              </button>
            </div>
          )}
        </form>
      )}
    </>
  );
}
