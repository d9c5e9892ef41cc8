import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../db/open-database.js';
import { auditEvents } from '../db/schema.js';

export interface AuditEvent {
  /** Who acted: "cli:<os user>", "system", "user:<id>", "api-client:<id>". */
  actor: string;
  /** What happened, dotted: "ca.init", "certificate.issue", "certificate.revoke", "crl.generate". */
  action: string;
  /** What it happened to, e.g. "certificate:individual/<serial>". */
  target?: string;
  /** Non-secret details. Never passphrases, keys, OTPs or personal data. */
  details?: Record<string, unknown>;
}

/**
 * Appends an event in the caller's transaction, so the event exists if and only if the change it
 * records was committed. The sealer chains it shortly after (see seal-audit-chain.ts).
 */
export async function recordAuditEvent(tx: Tx, event: AuditEvent): Promise<void> {
  await tx.insert(auditEvents).values(auditRow(event));
}

/** Several events in one INSERT (bulk operations). */
export async function recordAuditEvents(tx: Tx, events: AuditEvent[]): Promise<void> {
  if (events.length > 0) await tx.insert(auditEvents).values(events.map(auditRow));
}

/**
 * The INSERT of `events` as an SQL fragment, for a caller that writes them inside one larger
 * statement (a data-modifying CTE: the issuance batch stores certificates, OCSP responses and their
 * audit events in one statement). The rows are the same as recordAuditEvent's; they travel as one
 * JSON parameter. The fragment must run in the transaction of the change it records, as the
 * statement it is part of does.
 *
 * @example
 * await db.execute(sql`with changed as (update ...), audit as (${auditEventsInsert(events)}) select 1`);
 */
export function auditEventsInsert(events: AuditEvent[]): SQL {
  const rows = JSON.stringify(
    events.map(auditRow).map((row) => ({
      occurred_at: row.occurredAt,
      actor: row.actor,
      action: row.action,
      target: row.target,
      details: row.details,
    })),
  );
  return sql`insert into ${auditEvents} (occurred_at, actor, action, target, details)
    select a.occurred_at, a.actor, a.action, a.target, a.details
    from json_to_recordset(${rows}::json)
      as a(occurred_at timestamptz, actor text, action text, target text, details jsonb)`;
}

/** The one definition of an audit row. */
function auditRow(event: AuditEvent) {
  return {
    // Millisecond precision set here, so the chained value and the stored value are the same.
    occurredAt: new Date(),
    actor: event.actor,
    action: event.action,
    target: event.target ?? null,
    details: event.details ?? {},
  };
}
