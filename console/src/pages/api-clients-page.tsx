/**
 * Klien API (`/admin/instansi/:id/klien-api`): the institution's API clients — create (the username
 * and the secret shown this once, with a copy button and a warning), disable / enable, rotate the
 * secret, and edit the allowlist (CIDR) and the rate limit (docs/api-clients.md).
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { ResponseBody } from '../api/types';
import { Breadcrumb } from '../components/app-shell';
import { Field } from '../components/field';
import { ErrorNotice, LoadErrorNotice, Notice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';
import { formatWib } from '../lib/format';
import { paths } from '../lib/paths';

type Client = ResponseBody<'/api/v1/institutions/{institutionId}/api-clients', 'get'>['clients'][number];
const listOf = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((c) => c.trim())
    .filter(Boolean);

function SecretOnce({ username, secret }: { username: string; secret: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div className="notice notice-warning" role="status" data-testid="secret-once">
      <p>
        <strong>{t('apiClients.secretWarning')}</strong>
      </p>
      <dl className="facts">
        <dt>{t('apiClients.username')}</dt>
        <dd>
          <code>{username}</code>
        </dd>
        <dt>{t('apiClients.secret')}</dt>
        <dd>
          <code className="secret">{secret}</code>
        </dd>
      </dl>
      <button
        type="button"
        className="button"
        onClick={() => {
          void navigator.clipboard?.writeText(secret).then(
            () => setCopied(true),
            () => undefined,
          );
        }}
      >
        {copied ? t('apiClients.copied') : t('apiClients.copy')}
      </button>
    </div>
  );
}

function ClientItem({
  client,
  onChange,
  onSecret,
}: {
  client: Client;
  onChange: (c: Client) => void;
  onSecret: (c: Client & { secret: string }) => void;
}) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<unknown>();
  const [cidrs, setCidrs] = useState(client.allowedCidrs.join(', '));
  const [rate, setRate] = useState(String(client.rateLimitPerMinute));
  const path = { institutionId: client.institutionId, id: client.id };
  const run = async (work: () => Promise<void>) => {
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(e);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () =>
      onChange(
        await api.patch(
          '/api/v1/institutions/{institutionId}/api-clients/{id}',
          { allowedCidrs: listOf(cidrs), rateLimitPerMinute: Number(rate) },
          { path },
        ),
      ),
    );
  };
  return (
    <li className="list-item" data-testid={`client-${client.username}`}>
      <p className="item-title">
        {client.description} <code>{client.username}</code>{' '}
        <span className={client.enabled ? 'tag tag-sent' : 'tag tag-disabled'}>
          {client.enabled ? t('apiClients.enabled') : t('apiClients.disabled')}
        </span>
      </p>
      <p className="muted">
        {client.lastUsedAt
          ? `${t('apiClients.lastUsed')} ${formatWib(client.lastUsedAt, lang)}`
          : t('apiClients.neverUsed')}
      </p>
      <ErrorNotice error={error} />
      <form className="form" onSubmit={save}>
        <Field
          label={t('apiClients.allowlist')}
          hint={t('apiClients.allowlistHint')}
          value={cidrs}
          onChange={(e) => setCidrs(e.target.value)}
        />
        <Field
          label={t('apiClients.rateLimit')}
          type="number"
          min={1}
          value={rate}
          onChange={(e) => setRate(e.target.value)}
        />
        <div className="actions">
          <button type="submit" className="button">
            {t('apiClients.save')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() =>
              void run(async () =>
                onChange(
                  client.enabled
                    ? await api.post(
                        '/api/v1/institutions/{institutionId}/api-clients/{id}/disable',
                        {},
                        { path },
                      )
                    : await api.post(
                        '/api/v1/institutions/{institutionId}/api-clients/{id}/enable',
                        {},
                        { path },
                      ),
                ),
              )
            }
          >
            {client.enabled ? t('apiClients.disable') : t('apiClients.enable')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() =>
              void run(async () =>
                onSecret(
                  await api.post(
                    '/api/v1/institutions/{institutionId}/api-clients/{id}/rotate-secret',
                    {},
                    { path },
                  ),
                ),
              )
            }
          >
            {t('apiClients.rotate')}
          </button>
        </div>
      </form>
    </li>
  );
}

export function ApiClientsPage({ institutionId }: { institutionId: string }) {
  const { t } = useI18n();
  const [clients, setClients] = useState<Client[] | undefined>();
  const [loadError, setLoadError] = useState<unknown>();
  const [error, setError] = useState<unknown>();
  const [secret, setSecret] = useState<{ username: string; secret: string } | undefined>();
  const [description, setDescription] = useState('');
  const [saved, setSaved] = useState(false);
  const load = useCallback(async () => {
    try {
      setClients(
        (await api.get('/api/v1/institutions/{institutionId}/api-clients', { path: { institutionId } }))
          .clients,
      );
    } catch (e) {
      setLoadError(e);
    }
  }, [institutionId]);
  useEffect(() => void load(), [load]);
  const replace = (c: Client) => {
    setSaved(true);
    setClients((list) => list?.map((x) => (x.id === c.id ? c : x)));
  };
  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const created = await api.post(
        '/api/v1/institutions/{institutionId}/api-clients',
        { description },
        { path: { institutionId } },
      );
      setSecret({ username: created.username, secret: created.secret });
      setDescription('');
      await load();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <Breadcrumb
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('institutions.title'), to: paths.institutions },
          { label: t('apiClients.title') },
        ]}
      />
      <PageHeading title={t('apiClients.title')}>{t('apiClients.title')}</PageHeading>
      <LoadErrorNotice error={loadError} />
      {secret && <SecretOnce {...secret} />}
      {saved && <Notice tone="success">{t('apiClients.saved')}</Notice>}
      <form className="card form" onSubmit={(e) => void create(e)}>
        <h2>{t('apiClients.new')}</h2>
        <ErrorNotice error={error} />
        <Field
          label={t('apiClients.description')}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          required
        />
        <div className="actions">
          <button type="submit" className="button primary">
            {t('apiClients.create')}
          </button>
        </div>
      </form>
      {clients && clients.length === 0 && <p>{t('apiClients.empty')}</p>}
      {clients && clients.length > 0 && (
        <ul className="list">
          {clients.map((c) => (
            <ClientItem
              key={c.id}
              client={c}
              onChange={replace}
              onSecret={(rotated) => {
                setSecret({ username: rotated.username, secret: rotated.secret });
                replace(rotated);
              }}
            />
          ))}
        </ul>
      )}
    </>
  );
}
