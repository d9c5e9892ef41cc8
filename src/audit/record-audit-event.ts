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
