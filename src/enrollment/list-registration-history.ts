/**
 * Riwayat Data of a registration: every change (field, old and new value, who, when, why), newest
 * first. The values may be personal data: they are opened for the reader and the read is audited
 * (which fields, never the values).
 */
import { desc, eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { accounts, profileHistory } from '../db/schema.js';
import type { AccountRow } from '../identity/accounts.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { openHistoryValues, type HistoryValue } from './profile-history.js';
import { loadRegistration } from './registration-records.js';

export interface HistoryEntry {
  id: string;
  field: string;
  old: HistoryValue;
  new: HistoryValue;
  /** An account id, `self`, `api-client:<username>` or `system`. */
  changedBy: string;
  /** The changing account's name, where it is an account. */
  changedByName: string | null;
  cause: string;
  at: string;
}

export async function listRegistrationHistory(
  ctx: EnrollmentContext,
  actor: AccountRow,
  accountId: string,
): Promise<{ history: HistoryEntry[] }> {
  return ctx.db.transaction(async (tx) => {
    const { registration } = await loadRegistration(tx, actor, 'registration.read', accountId);
    const rows = await tx
      .select()
      .from(profileHistory)
      .where(eq(profileHistory.accountId, registration.accountId))
      .orderBy(desc(profileHistory.createdAt), desc(profileHistory.id))
      .limit(500);
    const names = new Map<string, string>();
    for (const row of rows)
      if (/^[0-9a-f-]{36}$/.test(row.changedBy) && !names.has(row.changedBy)) {
        const [who] = await tx
          .select({ fullName: accounts.fullName })
          .from(accounts)
          .where(eq(accounts.id, row.changedBy));
        if (who) names.set(row.changedBy, who.fullName);
      }
    if (rows.length > 0)
      await recordAuditEvent(tx, {
        actor: `account:${actor.id}`,
        action: 'registration.history_read',
        target: `account:${registration.accountId}`,
        details: { fields: [...new Set(rows.map((r) => r.field))] },
      });
    return {
      history: rows.map((row) => ({
        id: row.id,
        field: row.field,
        ...openHistoryValues(ctx.master, row.accountId, row.sealedValues),
        changedBy: row.changedBy,
        changedByName: names.get(row.changedBy) ?? null,
        cause: row.cause,
        at: row.createdAt.toISOString(),
      })),
    };
  });
}
