/**
 * The issuance cycle (docs/issuance-cycle.md): check → build → lint → record → sign → store →
 * audit. Nothing is signed that is not recorded first.
 */
import { and, eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { certificates } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import {
  assembleCertificate,
  encodeTbsCertificate,
  toPem,
  truncateToSeconds,
} from '../pki/certificate-assembly.js';
import { parseCertificationRequest } from '../pki/certification-request.js';
import { encodeName, nameToString, type NameAttribute } from '../pki/distinguished-name.js';
import { validateAltName, type AltName } from '../pki/general-names.js';
import { describePublicKey } from '../pki/public-key.js';
import { randomSerial, serialToHex } from '../pki/serial-number.js';
import type { AuthorityContext } from './authority-context.js';
import type { LoadedCa } from './ca-registry.js';
import { leafExtensions } from './leaf-extensions.js';
import { assertLintClean } from './lint-certificate.js';
import { notifyStatusChange } from './notify-status.js';
import { presignOcspResponse, storeOcspResponse } from './ocsp-presign.js';
import { checkAgainstProfile, getProfile, publicProfileIds, type ProfileId } from './profiles.js';

export interface IssueRequest {
  caId: string;
  profile: string;
  subject: NameAttribute[];
  altNames: AltName[];
  spkiDer: Uint8Array;
  /** Extensions the requester asked for (from a CSR); the profile refuses unknown ones. */
  requestedExtensions?: string[];
  days?: number;
  /** Who asked (audit). */
  actor: string;
  /** Allow the internal profiles (ocsp-responder, tsa); only hierarchy setup does. */
  internal?: boolean;
  /** Where serial numbers come from (tests force collisions with it); randomSerial by default. */
  serialSource?: () => Uint8Array;
}

export interface IssuedCertificate {
  caId: string;
  serialHex: string;
  profile: ProfileId;
  subject: string;
  notBefore: Date;
  notAfter: Date;
  der: Uint8Array;
  pem: string;
}

const DAY = 86_400_000;

/** Issues a certificate for a public key, after checking the request against the profile. */
export async function issueCertificate(
  ctx: AuthorityContext,
  request: IssueRequest,
): Promise<IssuedCertificate> {
  // --- check
  const profile = getProfile(request.profile);
  if (!request.internal && !(publicProfileIds as readonly string[]).includes(profile.id)) {
    throw new TekenError(
      'ERR_PROFILE_NOT_FOUND',
      `The ${profile.id} profile is internal. Profiles: ${publicProfileIds.join(', ')}.`,
    );
  }
  const ca = await ctx.registry.get(request.caId);
  if (!profile.issuers.includes(ca.id)) {
    throw new TekenError(
      'ERR_PROFILE_NOT_ALLOWED',
      `The ${ca.id} CA does not issue ${profile.id} certificates (use --ca ${profile.issuers.join(' or ')}).`,
    );
  }
  const key = describePublicKey(request.spkiDer);
  const altNames = request.altNames.map(validateAltName);
  const days = request.days ?? profile.defaultDays(ctx.config);
  checkAgainstProfile(
    profile,
    { subject: request.subject, altNames, key, days, requestedExtensions: request.requestedExtensions ?? [] },
    ctx.config,
  );
  const notBefore = truncateToSeconds(new Date());
  const notAfter = new Date(notBefore.getTime() + days * DAY - 1000);
  if (notAfter > ca.notAfter) {
    throw new TekenError(
      'ERR_PROFILE_VIOLATION',
      `The certificate would outlive its CA (the ${ca.id} CA expires ${ca.notAfter.toISOString()}); ask for fewer days.`,
    );
  }
  const subjectDer = encodeName(request.subject);
  const extensions = leafExtensions(
    ctx.config,
    profile,
    ca,
    request.spkiDer,
    key,
    altNames,
    request.subject.length === 0,
  );

  for (let attempt = 0; attempt < 5; attempt++) {
    // --- build
    const serial = (request.serialSource ?? randomSerial)();
    const serialHex = serialToHex(serial);
    const tbsDer = encodeTbsCertificate({
      serial,
      signatureAlgorithmOid: ca.signatureAlgorithmOid,
      issuerNameDer: ca.subjectDer,
      subjectNameDer: subjectDer,
      spkiDer: request.spkiDer,
      notBefore,
      notAfter,
      extensions,
    });
    // --- lint
    assertLintClean(tbsDer, ca, {
      ca: false,
      extendedKeyUsage: profile.extendedKeyUsage,
      extendedKeyUsageCritical: profile.extendedKeyUsageCritical,
    });
    // --- record (committed before the key is used)
    const recorded = await ctx.db
      .insert(certificates)
      .values({
        authorityId: ca.id,
        serial: serialHex,
        profile: profile.id,
        status: 'pending',
        subjectDn: nameToString(subjectDer),
        notBefore,
        notAfter,
        tbsDer,
      })
      .onConflictDoNothing()
      .returning({ id: certificates.id });
    if (recorded.length === 0) continue; // serial collision: draw again
    // --- sign, store, audit
    const der = await signAndStore(ctx, ca, {
      serialHex,
      tbsDer,
      profile: profile.id,
      actor: request.actor,
      subject: nameToString(subjectDer),
      notAfter,
    });
    return {
      caId: ca.id,
      serialHex,
      profile: profile.id,
      subject: nameToString(subjectDer),
      notBefore,
      notAfter,
      der,
      pem: toPem(der),
    };
  }
  throw new TekenError('ERR_CERT_SERIAL_EXHAUSTED');
}

async function signAndStore(
  ctx: AuthorityContext,
  ca: LoadedCa,
  item: {
    serialHex: string;
    tbsDer: Uint8Array;
    profile: string;
    actor: string;
    subject: string;
    notAfter: Date;
  },
): Promise<Uint8Array> {
  const signature = await ca.key.sign(item.tbsDer);
  const der = assembleCertificate(item.tbsDer, ca.signatureAlgorithmOid, signature);
  // The first OCSP response is signed before the store, so a certificate is never served "unknown".
  const ocsp = ca.ocspResponder
    ? await presignOcspResponse(ctx.config, ca, item.serialHex, { status: 'good' })
    : undefined;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(certificates)
      .set({ der, status: 'issued', issuedAt: new Date() })
      .where(and(eq(certificates.authorityId, ca.id), eq(certificates.serial, item.serialHex)));
    if (ocsp) await storeOcspResponse(tx, ca.id, item.serialHex, ocsp);
    await notifyStatusChange(tx, ca.id, item.serialHex);
    await recordAuditEvent(tx, {
      actor: item.actor,
      action: 'certificate.issue',
      target: `certificate:${ca.id}/${item.serialHex}`,
      details: { profile: item.profile, notAfter: item.notAfter.toISOString() },
    });
  });
  ctx.onStatusChange?.(ca.id, item.serialHex);
  return der;
}

export interface IssueFromCsrRequest {
  caId: string;
  profile: string;
  csr: string | Uint8Array;
  /** Replaces the CSR's subject. */
  subject?: NameAttribute[];
  /** Replaces the CSR's SANs. */
  altNames?: AltName[];
  days?: number;
  actor: string;
}

/** Issues from a PKCS#10 request (PEM or DER), after checking its signature. */
export async function issueFromCsr(
  ctx: AuthorityContext,
  request: IssueFromCsrRequest,
): Promise<IssuedCertificate> {
  const csr = await parseCertificationRequest(request.csr);
  if (csr.requestsCa) {
    throw new TekenError(
      'ERR_PROFILE_VIOLATION',
      'The request asks for a CA certificate (basicConstraints cA TRUE); Teken does not issue subordinate CAs from requests.',
    );
  }
  return issueCertificate(ctx, {
    caId: request.caId,
    profile: request.profile,
    subject: request.subject ?? csr.subject,
    altNames: request.altNames ?? csr.altNames,
    spkiDer: csr.spkiDer,
    requestedExtensions: csr.requestedExtensions,
    ...(request.days !== undefined ? { days: request.days } : {}),
    actor: request.actor,
  });
}
