import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { ActivityEvent } from '../api/types';
import { Breadcrumb } from '../components/app-shell';
import { ErrorNotice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { isMessageKey, useI18n, type MessageKey } from '../i18n/i18n';
import { formatWib } from '../lib/format';

const detailLabels: Record<string, MessageKey> = {
  device: 'activity.device',
  reason: 'activity.reason',
  link: 'activity.link',
  count: 'activity.count',
  until: 'activity.until',
  session: 'activity.session',
};

/** "Aktivitas": the account's own security events, newest first, 50 at a time. */
export function ActivityPage() {
  const { t, lang } = useI18n();
  const [events, setEvents] = useState<ActivityEvent[] | undefined>();
  const [more, setMore] = useState(false);
  const [error, setError] = useState<unknown>();

  const load = useCallback(async (before?: string) => {
    try {
      const page = await api.get('/api/v1/account/activity', { query: { before } });
      setEvents((previous) => (before ? [...(previous ?? []), ...page.events] : page.events));
      setMore(page.events.length === 50);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => void load(), [load]);

  const eventName = (action: string) => {
    const key = `event.${action}`;
    return isMessageKey(key) ? t(key) : action;
  };
  const detailValue = (key: string, value: unknown) =>
    key === 'until' && typeof value === 'string' ? formatWib(value, lang) : String(value);

  return (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('activity.title') }]} />
      <PageHeading title={t('activity.title')}>{t('activity.title')}</PageHeading>
      <p className="muted">{t('activity.help')}</p>
      <ErrorNotice error={error} />
      {events && events.length === 0 && <p>{t('activity.empty')}</p>}
      {events && events.length > 0 && (
        <ol className="list events">
          {events.map((event) => (
            <li key={event.id} className="list-item">
              <p className="item-title">{eventName(event.action)}</p>
              <p className="muted">
                <time dateTime={event.at}>{formatWib(event.at, lang)}</time>
                {event.ip && (
                  <>
                    {' · '}
                    {t('activity.ip')} {event.ip}
                  </>
                )}
              </p>
              {Object.keys(event.details).length > 0 && (
                <p className="item-details">
                  {Object.entries(event.details).map(([key, value]) => (
                    <span key={key}>
                      {detailLabels[key] ? t(detailLabels[key]) : key}: {detailValue(key, value)}{' '}
                    </span>
                  ))}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {more && events && (
        <button type="button" className="button" onClick={() => void load(events[events.length - 1]?.id)}>
          {t('activity.more')}
        </button>
      )}
    </>
  );
}
