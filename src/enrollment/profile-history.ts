/**
 * Riwayat Data: one `profile_history` row per changed field, its old and new values sealed as one
 * JSON `{old, new}` under AAD `profile_history.values:<account id>`. Every writer of profile data
 * (the wizard's submission, an RA officer's corrections and Jenis Permohonan, an approved change
 * request, a phone verification) records through {@link recordHistory}; every reader opens the
 * values with {@link openHistoryValues}.
 */
import crypto from 'node:crypto';
import type { Tx } from '../db/open-database.js';
import { profileHistory } from '../db/schema.js';
import type { MasterKey } from '../keys/master-key.js';
import { openPersonal, sealPersonal } from './personal-data.js';

/** A value as kept in Riwayat Data: text, a list (products) or nothing. */
export type HistoryValue = string | string[] | null;

export interface HistoryRecord {
  accountId: string;
  field: string;
  old: HistoryValue;
  new: HistoryValue;
  /** An account id, `self`, `api-client:<username>` or `system`. */
  changedBy: string;
  /** `registration`, `ra_correction`, `change_request:<id>`, `phone_verification`, … */
  cause: string;
  /** When the change took effect; the database's clock where absent. */
  at?: Date;
}

const historyColumn = 'profile_history.values' as const;

/**
 * Riwayat Data rows in the caller's transaction: one record or several (one insert). Nothing is
 * written for an empty list.
 */
export async function recordHistory(
  tx: Tx,
  master: MasterKey,
  entries: HistoryRecord | readonly HistoryRecord[],
): Promise<void> {
  const list = Array.isArray(entries) ? (entries as readonly HistoryRecord[]) : [entries as HistoryRecord];
  if (list.length === 0) return;
  await tx.insert(profileHistory).values(
    list.map((entry) => ({
      id: crypto.randomUUID(),
      accountId: entry.accountId,
      field: entry.field,
      sealedValues: sealPersonal(
        master,
        historyColumn,
        entry.accountId,
        JSON.stringify({ old: entry.old, new: entry.new }),
      ),
      changedBy: entry.changedBy,
      cause: entry.cause,
      ...(entry.at ? { createdAt: entry.at } : {}),
    })),
  );
}

/** The `{old, new}` of a Riwayat Data row. */
export function openHistoryValues(
  master: MasterKey,
  accountId: string,
  sealed: Uint8Array,
): { old: HistoryValue; new: HistoryValue } {
  const parsed = JSON.parse(openPersonal(master, historyColumn, accountId, sealed).toString('utf8')) as {
    old?: HistoryValue;
    new?: HistoryValue;
  };
  return { old: parsed.old ?? null, new: parsed.new ?? null };
}
