/** The notification outbox for CA administrators: the list, and one message. */
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { OutboxEntry, OutboxMessage } from '../api/types';
import { Breadcrumb } from '../components/app-shell';
import { LoadErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { ScrollTable } from '../components/scroll-table';
import { Pager } from '../components/pager';
import { isMessageKey, useI18n } from '../i18n/i18n';
import { formatWib } from '../lib/format';
import { Link } from '../lib/router';

const PAGE = 25;

function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  const key = `outbox.status.${status}`;
  return <span className={`tag tag-${status}`}>{isMessageKey(key) ? t(key) : status}</span>;
}

export function AdminOutboxPage() {
  const { t, lang } = useI18n();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ total: number; items: OutboxEntry[] } | undefined>();
  const [error, setError] = useState<unknown>();
  // "Gagal": the dead letters only.
  const [failedOnly, setFailedOnly] = useState(false);

  useEffect(() => {
    let live = true;
    const query = failedOnly ? { limit: PAGE, offset, status: 'failed' as const } : { limit: PAGE, offset };
    api.get('/api/v1/admin/outbox', { query }).then(
      (p) => live && setPage(p),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [offset, failedOnly]);

  return (
    <>
      <Breadcrumb
        items={[{ label: t('nav.home'), to: '/' }, { label: t('nav.admin') }, { label: t('outbox.title') }]}
      />
      <PageHeading title={t('outbox.title')}>{t('outbox.title')}</PageHeading>
      <p className="muted">{t('outbox.help')}</p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={failedOnly}
          onChange={(e) => {
            setFailedOnly(e.target.checked);
            setOffset(0);
          }}
        />{' '}
        {t('outbox.failedOnly')}
      </label>
      <LoadErrorNotice error={error} />
      {page && page.items.length === 0 && <p>{t('outbox.empty')}</p>}
      {page && page.items.length > 0 && (
        <>
          <p>{t('outbox.total', { total: page.total })}</p>
          <ScrollTable label={t('outbox.title')}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('outbox.createdAt')}</th>
                  <th scope="col">{t('outbox.subject')}</th>
                  <th scope="col">{t('outbox.recipient')}</th>
                  <th scope="col">{t('outbox.channel')}</th>
                  <th scope="col">{t('outbox.status')}</th>
                  <th scope="col">{t('outbox.attempts')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((m) => (
                  <tr key={m.id}>
                    <td>{formatWib(m.createdAt, lang)}</td>
                    <td>
                      <Link to={`/admin/outbox/${m.id}`}>{m.subject ?? m.template}</Link>
                      <span className="muted small"> {m.template}</span>
                    </td>
                    <td>{m.recipient}</td>
                    <td>{m.channel}</td>
                    <td>
                      <StatusTag status={m.status} />
                    </td>
                    <td>{m.attempts}</td>
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

export function AdminOutboxMessagePage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const [message, setMessage] = useState<OutboxMessage | undefined>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    let live = true;
    api.get('/api/v1/admin/outbox/{id}', { path: { id } }).then(
      (m) => live && setMessage(m),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [id]);

  const title = message?.subject ?? t('outbox.message');
  return (
    <>
      <Breadcrumb
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('outbox.title'), to: '/admin/outbox' },
          { label: t('outbox.message') },
        ]}
      />
      <PageHeading title={title}>{title}</PageHeading>
      <LoadErrorNotice error={error} />
      {message && (
        <div className="stack">
          <section className="card">
            <dl className="facts">
              <dt>{t('outbox.createdAt')}</dt>
              <dd>{formatWib(message.createdAt, lang)}</dd>
              <dt>{t('outbox.template')}</dt>
              <dd>{message.template}</dd>
              <dt>{t('outbox.recipient')}</dt>
              <dd>{message.recipient}</dd>
              <dt>{t('outbox.channel')}</dt>
              <dd>{message.channel}</dd>
              <dt>{t('outbox.locale')}</dt>
              <dd>{message.locale}</dd>
              <dt>{t('outbox.status')}</dt>
              <dd>
                <StatusTag status={message.status} />
              </dd>
              <dt>{t('outbox.attempts')}</dt>
              <dd>{message.attempts}</dd>
              {message.sentAt && (
                <>
                  <dt>{t('outbox.sentAt')}</dt>
                  <dd>{formatWib(message.sentAt, lang)}</dd>
                </>
              )}
              {message.lastError && (
                <>
                  <dt>{t('outbox.lastError')}</dt>
                  <dd>{message.lastError}</dd>
                </>
              )}
            </dl>
            {message.resendable && (
              <button
                type="button"
                className="button"
                onClick={() =>
                  void api.post('/api/v1/admin/outbox/{id}/resend', {}, { path: { id: message.id } }).then(
                    () => setMessage({ ...message, status: 'pending', resendable: false }),
                    (e: unknown) => setError(e),
                  )
                }
              >
                {t('outbox.resend')}
              </button>
            )}
          </section>
          <section className="card" aria-labelledby="content-heading">
            <h2 id="content-heading">{t('outbox.content')}</h2>
            {message.content ? (
              <>
                <p className="item-title">{message.content.subject}</p>
                <pre className="message-text">{message.content.text}</pre>
              </>
            ) : (
              <p className="muted">{t('outbox.noContent')}</p>
            )}
          </section>
        </div>
      )}
      <p>
        <Link to="/admin/outbox">{t('outbox.back')}</Link>
      </p>
    </>
  );
}
