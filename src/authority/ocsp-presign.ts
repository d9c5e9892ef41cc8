import { sql } from 'drizzle-orm';
import type { Config } from '../config/load-config.js';
import type { Tx } from '../db/open-database.js';
import { ocspResponses } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { buildOcspResponse, certIdFor, type OcspCertId, type OcspCertStatus } from '../pki/ocsp.js';
import type { LoadedCa } from './ca-registry.js';

export interface PresignedOcsp {
  der: Uint8Array;
  thisUpdate: Date;
  nextUpdate: Date;
}

/** A responder whose certificate ends sooner than this signs nothing (see `responderUsable`). */
export const RESPONDER_MIN_REMAINING_MS = 60_000;

/**
 * Whether the CA has a responder whose certificate is still valid for a while: a response it signs
 * must not outlive that certificate, so one that has ended (or is about to) can sign nothing useful.
 */
export function responderUsable(ca: LoadedCa, now = Date.now()): boolean {
  return (
    ca.ocspResponder !== undefined && ca.ocspResponder.notAfter.getTime() - now > RESPONDER_MIN_REMAINING_MS
  );
}

/**
 * Signs the OCSP response for one certificate with the CA's delegated responder (RFC 6960
 * 4.2.2.2), valid for TEKEN_OCSP_VALIDITY_HOURS. `certId` defaults to the SHA-1 CertID that
 * RFC 5019 clients send; other hash algorithms are answered on demand.
 */
export async function presignOcspResponse(
  config: Config,
  ca: LoadedCa,
  serialHex: string,
  status: OcspCertStatus,
  certId: OcspCertId = certIdFor(ca.subjectDer, ca.spkiDer, serialHex, 'sha1'),
): Promise<PresignedOcsp> {
  const responder = ca.ocspResponder;
  if (!responder)
    throw new TekenError(
      'ERR_CA_NOT_INITIALISED',
      `The ${ca.id} CA has no OCSP responder yet: run \`teken ca init\`.`,
    );
  if (!responderUsable(ca))
    throw new TekenError(
      'ERR_CA_RESPONDER_EXPIRED',
      `The OCSP responder certificate of the ${ca.id} CA ended ${responder.notAfter.toISOString()}: run \`teken ca renew-signer ${ca.id} ocsp\` (teken serve renews responders by itself before they end).`,
    );
  const thisUpdate = new Date(Math.floor(Date.now() / 1000) * 1000);
  const nextUpdate = new Date(
    Math.min(thisUpdate.getTime() + config.ocsp.validityHours * 3_600_000, responder.notAfter.getTime()),
  );
  const der = await buildOcspResponse(
    { key: responder.key, certificateDer: responder.certificateDer },
    [{ certId, status, thisUpdate, nextUpdate }],
    thisUpdate,
  );
  return { der, thisUpdate, nextUpdate };
}

export async function storeOcspResponse(
  tx: Tx,
  caId: string,
  serialHex: string,
  response: PresignedOcsp,
): Promise<void> {
  await tx
    .insert(ocspResponses)
    .values({ authorityId: caId, serial: serialHex, ...response })
    .onConflictDoUpdate({
      target: [ocspResponses.authorityId, ocspResponses.serial],
      set: { der: response.der, thisUpdate: response.thisUpdate, nextUpdate: response.nextUpdate },
      // Never overwrite a newer response with an older one (two instances racing).
      setWhere: sql`${ocspResponses.thisUpdate} <= ${response.thisUpdate}`,
    });
}
