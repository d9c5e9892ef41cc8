import { sql } from 'drizzle-orm';
import type { Tx } from '../db/open-database.js';

/** PostgreSQL channels that tell every `teken serve` instance to drop what it cached. */
export const statusChannels = { status: 'teken_status', crl: 'teken_crl', ca: 'teken_ca' } as const;

/** Queued with the transaction: delivered to listeners only if it commits. */
export async function notifyStatusChange(tx: Tx, caId: string, serialHex: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${statusChannels.status}, ${`${caId}:${serialHex}`})`);
}

export async function notifyCrlChange(tx: Tx, caId: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${statusChannels.crl}, ${caId})`);
}

/** A CA's delegated signers changed (a responder or TSA unit was replaced): reload the CAs. */
export async function notifyCaChange(tx: Tx, caId: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${statusChannels.ca}, ${caId})`);
}
