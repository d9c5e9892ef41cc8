import pg from 'pg';
import { statusChannels } from '../authority/notify-status.js';
import type { Runtime } from './open-runtime.js';

/**
 * On PostgreSQL, several instances (and CLI commands) change certificate status and replace
 * delegated signers; each instance listens so its OCSP and CRL caches drop stale entries and it
 * signs with the current responder at once. PGlite has one process, where the
 * in-process hooks suffice. The listener reconnects after a connection loss.
 */
export async function listenForStatusChanges(
  rt: Runtime,
  handlers: {
    status: (caId: string, serial: string) => void;
    crl: (caId: string) => void;
    /** A CA's delegated signers changed. */
    ca: (caId: string) => void;
  },
): Promise<() => Promise<void>> {
  if (rt.database.engine !== 'postgres' || !rt.config.databaseUrl) return () => Promise.resolve();
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: rt.config.databaseUrl });
    c.on('notification', (message) => {
      const payload = message.payload ?? '';
      if (message.channel === statusChannels.status) {
        const [caId, serial] = payload.split(':');
        if (caId && serial) handlers.status(caId, serial);
      } else if (message.channel === statusChannels.crl) handlers.crl(payload);
      else if (message.channel === statusChannels.ca) handlers.ca(payload);
    });
    c.on('error', (error) => {
      rt.log.warn({ err: error }, 'status listener lost its connection; reconnecting');
      void c.end().catch(() => undefined);
      if (!stopped) retry = setTimeout(() => void connect().catch(() => undefined), 1_000);
    });
    await c.connect();
    await c.query(`listen ${statusChannels.status}`);
    await c.query(`listen ${statusChannels.crl}`);
    await c.query(`listen ${statusChannels.ca}`);
    client = c;
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
