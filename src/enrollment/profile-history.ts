/**
 * Riwayat Data: one `profile_history` row per changed field, its old and new values sealed as one
 * JSON `{old, new}` under AAD `profile_history.values:<account id>`. Every writer of profile data
 * (the wizard, an RA officer's corrections, an approved change request) records through here.
 */
import crypto from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../db/open-database.js';
import { profileHistory } from '../db/schema.js';
import type { MasterKey } from '../keys/master-key.js';
import { openPersonalText, sealPersonal } from './personal-data.js';

export interface HistoryEntry {
  accountId: string;
  field: string;
  old: string | null;
  new: string | null;
  /** An account id, `self`, `api-client:<username>` or `system`. */
  changedBy: string;
  /** `registration`, `ra_correction`, `change_request:<id>`, `phone_verification`, … */
  cause: string;
}

export async function recordProfileHistory(tx: Tx, master: MasterKey, entry: HistoryEntry): Promise<void> {
  await tx.insert(profileHistory).values({
    id: crypto.randomUUID(),
    accountId: entry.accountId,
    field: entry.field,
    sealedValues: sealPersonal(
      master,
      'profile_history.values',
      entry.accountId,
      JSON.stringify({ old: entry.old, new: entry.new }),
    ),
    changedBy: entry.changedBy,
    cause: entry.cause,
  });
}

/** An account's history, oldest first, values opened (for the owner or an audited staff read). */
export async function readProfileHistory(tx: Tx, master: MasterKey, accountId: string) {
  const rows = await tx
    .select()
    .from(profileHistory)
    .where(eq(profileHistory.accountId, accountId))
    .orderBy(asc(profileHistory.createdAt), asc(profileHistory.id));
  return rows.map((row) => {
    const values = JSON.parse(
      openPersonalText(master, 'profile_history.values', accountId, row.sealedValues) ?? '{}',
    ) as { old: string | null; new: string | null };
    return {
      field: row.field,
      old: values.old,
      new: values.new,
      changedBy: row.changedBy,
      cause: row.cause,
      createdAt: row.createdAt.toISOString(),
    };
  });
}
