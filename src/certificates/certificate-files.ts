/**
 * The DER of a subscriber certificate and of its chain (issuing CA up to the root), from the
 * certificates table and the CA registry.
 */
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/open-database.js';
import { certificates } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { CertificatesContext } from './certificates-context.js';
import type { SubscriberCertificateRow } from './certificate-records.js';

export async function certificateRowOf(db: Db | Tx, row: SubscriberCertificateRow) {
  if (row.state !== 'active' || !row.authorityId || !row.serial)
    throw new TekenError('ERR_SUBSCRIBER_CERT_STATE', 'The certificate has not been issued.');
  const [cert] = await db
    .select()
    .from(certificates)
    .where(and(eq(certificates.authorityId, row.authorityId), eq(certificates.serial, row.serial)));
  if (!cert?.der) throw new TekenError('ERR_SUBSCRIBER_CERT_STATE', 'The certificate has not been issued.');
  return { ...cert, der: cert.der };
}

/** The CA certificates above `caId`, issuer first, root last. */
export function chainOf(ctx: CertificatesContext, caId: string): Uint8Array[] {
  const all = ctx.authority.registry.all();
  const chain: Uint8Array[] = [];
  let ca = all.find((c) => c.id === caId);
  while (ca) {
    chain.push(ca.certificateDer);
    const parent = ca.parentId;
    ca = parent ? all.find((c) => c.id === parent) : undefined;
  }
  return chain;
}

export function pemOf(der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  return `-----BEGIN CERTIFICATE-----\n${b64.replace(/.{64}/g, '$&\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
}

/** "21 Oktober 2024" (the date in WIB), for Catatan. */
export function wibDate(when: Date, locale: 'id' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: 'Asia/Jakarta',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(when);
}
