/**
 * Loading certificate requests and subscriber certificates for a use case, with the authorization
 * of authorize.ts: the holder acts on their own; staff by the table's rule for the institution.
 * What an actor may not see does not exist for them (a refusal tells nothing).
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/open-database.js';
import type { registrations } from '../db/schema.js';
import { accounts, certificateRequests, institutions, subscriberCertificates } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { isUuid, type AccountRow } from '../identity/accounts.js';
import { can, type Action } from '../identity/authorize.js';

export type CertificateRequestRow = typeof certificateRequests.$inferSelect;
export type SubscriberCertificateRow = typeof subscriberCertificates.$inferSelect;
export type InstitutionRow = typeof institutions.$inferSelect;
export type RegistrationRow = typeof registrations.$inferSelect;

/** The holder, or staff allowed `action` at the holder's institution (never on their own, for reviews). */
export function mayAct(
  actor: AccountRow,
  action: Action | 'own',
  holder: { accountId: string; institutionId: string },
) {
  if (action === 'own') return actor.status === 'active' && actor.id === holder.accountId;
  return can(actor, action, { institutionId: holder.institutionId, accountId: holder.accountId });
}

export interface LoadedRequest {
  request: CertificateRequestRow;
  account: typeof accounts.$inferSelect;
  institution: InstitutionRow;
}

/**
 * A request, for its holder (`own`) or for staff with `action`. `forUpdate` locks the request row.
 * Staff who may not even list the institution's requests get ERR_CERT_REQUEST_NOT_FOUND.
 */
export async function loadRequest(
  tx: Tx,
  actor: AccountRow | 'system',
  action: Action | 'own',
  requestId: unknown,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedRequest> {
  if (!isUuid(requestId)) throw new TekenError('ERR_CERT_REQUEST_NOT_FOUND');
  const query = tx
    .select({ request: certificateRequests, account: accounts, institution: institutions })
    .from(certificateRequests)
    .innerJoin(accounts, eq(accounts.id, certificateRequests.accountId))
    .innerJoin(institutions, eq(institutions.id, certificateRequests.institutionId))
    .where(eq(certificateRequests.id, requestId));
  const [row] = options.forUpdate ? await query.for('update', { of: certificateRequests }) : await query;
  if (!row) throw new TekenError('ERR_CERT_REQUEST_NOT_FOUND');
  if (actor === 'system') return row;
  const holder = { accountId: row.request.accountId, institutionId: row.request.institutionId };
  if (mayAct(actor, action, holder)) return row;
  const visible =
    mayAct(actor, 'own', holder) ||
    mayAct(actor, 'certificate_request.list', holder) ||
    mayAct(actor, 'certificate.read', holder);
  throw new TekenError(visible ? 'ERR_AUTH_FORBIDDEN' : 'ERR_CERT_REQUEST_NOT_FOUND');
}

/** A subscriber certificate, for its holder or staff with `action`. */
export async function loadSubscriberCertificate(
  tx: Tx,
  actor: AccountRow | 'system',
  action: Action | 'own',
  id: unknown,
  options: { forUpdate?: boolean } = {},
): Promise<SubscriberCertificateRow> {
  if (!isUuid(id)) throw new TekenError('ERR_SUBSCRIBER_CERT_NOT_FOUND');
  const query = tx.select().from(subscriberCertificates).where(eq(subscriberCertificates.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw new TekenError('ERR_SUBSCRIBER_CERT_NOT_FOUND');
  if (actor === 'system') return row;
  const holder = { accountId: row.accountId, institutionId: row.institutionId };
  if (mayAct(actor, action, holder)) return row;
  const visible = mayAct(actor, 'own', holder) || mayAct(actor, 'certificate.read', holder);
  throw new TekenError(visible ? 'ERR_AUTH_FORBIDDEN' : 'ERR_SUBSCRIBER_CERT_NOT_FOUND');
}

/**
 * A subscriber certificate the actor may read: the holder's own, or staff with `certificate.read`
 * at the holder's institution; anything else does not exist for them.
 */
export async function loadReadableCertificate(
  tx: Tx,
  actor: AccountRow,
  id: unknown,
  options: { forUpdate?: boolean } = {},
): Promise<SubscriberCertificateRow> {
  const row = await loadSubscriberCertificate(tx, 'system', 'own', id, options);
  const holder = { accountId: row.accountId, institutionId: row.institutionId };
  if (mayAct(actor, 'own', holder) || mayAct(actor, 'certificate.read', holder)) return row;
  throw new TekenError('ERR_SUBSCRIBER_CERT_NOT_FOUND');
}

/** The holder's own certificate (changing the passphrase, the keystore): staff who may read it are refused. */
export async function loadOwnCertificate(
  tx: Tx,
  actor: AccountRow,
  id: unknown,
  options: { forUpdate?: boolean } = {},
): Promise<SubscriberCertificateRow> {
  return loadSubscriberCertificate(tx, actor, 'own', id, options);
}
