/**
 * The issuance cycle (docs/issuance-cycle.md): check → build → lint → record → sign → store →
 * audit. Nothing is signed that is not recorded first.
 *
 * Concurrent issuances share database work (group commit): the records of the certificates waiting
 * to be recorded go into one multi-row INSERT, committed before any of them is signed; the signed
 * certificates waiting to be stored go into one transaction that stores each with its OCSP response,
 * its status notification and its audit event. A lone issuance is written at once, as before.
 */
import { sql } from 'drizzle-orm';
import { auditEventsInsert, type AuditEvent } from '../audit/record-audit-event.js';
import { GroupCommit } from '../db/group-commit.js';
import type { Db } from '../db/open-database.js';
import { certificates, ocspResponses } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import {
  assembleCertificate,
  encodeTbsCertificate,
  toPem,
  truncateToSeconds,
} from '../pki/certificate-assembly.js';
import { parseCertificationRequest } from '../pki/certification-request.js';
import {
  attributesToString,
  checkAttributeValue,
  encodeName,
  type NameAttribute,
} from '../pki/distinguished-name.js';
import { validateAltName, type AltName } from '../pki/general-names.js';
import { describePublicKey, type PublicKeyDescription } from '../pki/public-key.js';
import { randomSerial, serialToHex } from '../pki/serial-number.js';
import type { AuthorityContext } from './authority-context.js';
import type { LoadedCa } from './ca-registry.js';
import { leafExtensions } from './leaf-extensions.js';
import { assertLintClean } from './lint-certificate.js';
import { statusChannels } from './notify-status.js';
import { presignOcspResponse, responderUsable, type PresignedOcsp } from './ocsp-presign.js';
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
  /**
   * The requester's reference (a subscriber key's id), recorded with the pending row before the
   * certificate is signed, so that the requester finds its certificate after a crash.
   */
  requestRef?: string;
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
export function issueCertificate(ctx: AuthorityContext, request: IssueRequest): Promise<IssuedCertificate> {
  return issue(ctx, request);
}

/** `key`: the description of request.spkiDer when the caller has it already (a parsed CSR). */
async function issue(
  ctx: AuthorityContext,
  request: IssueRequest,
  key: PublicKeyDescription = describePublicKey(request.spkiDer),
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
  if (ca.revoked) {
    throw new TekenError(
      'ERR_CA_REVOKED',
      `The ${ca.id} CA's certificate was revoked on ${ca.revoked.at.toISOString()}: it issues nothing more.`,
    );
  }
  if (!profile.issuers.includes(ca.id)) {
    throw new TekenError(
      'ERR_PROFILE_NOT_ALLOWED',
      `The ${ca.id} CA does not issue ${profile.id} certificates (use --ca ${profile.issuers.join(' or ')}).`,
    );
  }
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
  for (const attribute of request.subject) checkAttributeValue(attribute.type, attribute.value);
  const subjectDer = encodeName(request.subject);
  const subject = attributesToString(request.subject);
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
      checkedSpkiDer: request.spkiDer,
    });
    // --- record (committed before the key is used)
    const recorded = await writerFor(ctx.db).record.add({
      authorityId: ca.id,
      serial: serialHex,
      profile: profile.id,
      status: 'pending',
      subjectDn: subject,
      notBefore,
      notAfter,
      tbsDer,
      requestRef: request.requestRef ?? null,
    });
    if (!recorded) continue; // serial collision: draw again
    // --- sign, store, audit
    const der = await signAndStore(ctx, ca, {
      serialHex,
      tbsDer,
      profile: profile.id,
      actor: request.actor,
      notAfter,
    });
    return {
      caId: ca.id,
      serialHex,
      profile: profile.id,
      subject,
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
    notAfter: Date;
  },
): Promise<Uint8Array> {
  const signature = await ca.key.sign(item.tbsDer);
  const der = assembleCertificate(item.tbsDer, ca.signatureAlgorithmOid, signature);
  // The first OCSP response is signed before the store, so a certificate is never served "unknown".
  // With no usable responder (none yet, or its certificate ended), none is stored: the responder
  // signs one when asked, once renewed. Issuance does not fail after the certificate was signed.
  const ocsp = responderUsable(ca)
    ? await presignOcspResponse(ctx.config, ca, item.serialHex, { status: 'good' })
    : undefined;
  await writerFor(ctx.db).store.add({
    caId: ca.id,
    serialHex: item.serialHex,
    der,
    ocsp,
    audit: {
      actor: item.actor,
      action: 'certificate.issue',
      target: `certificate:${ca.id}/${item.serialHex}`,
      details: { profile: item.profile, notAfter: item.notAfter.toISOString() },
    },
  });
  ctx.onStatusChange?.(ca.id, item.serialHex);
  return der;
}

// ---------------------------------------------------------------------------------------------------
// Group commit (db/group-commit.ts)

type PendingRow = typeof certificates.$inferInsert & { authorityId: string; serial: string };

interface StoreItem {
  caId: string;
  serialHex: string;
  der: Uint8Array;
  ocsp: PresignedOcsp | undefined;
  audit: AuditEvent;
}

interface IssuanceWriter {
  /** Resolves true once the row is committed, false if its serial was taken (draw again). */
  record: GroupCommit<PendingRow, boolean>;
  store: GroupCommit<StoreItem, void>;
}

/** Rows per statement: well under PostgreSQL's 65,535 parameters. */
const MAX_BATCH = 64;
/** Flushes of each kind in flight: one fills while the other is written. */
const PARALLEL_FLUSHES = 2;

const writers = new WeakMap<Db, IssuanceWriter>();

function writerFor(db: Db): IssuanceWriter {
  let writer = writers.get(db);
  if (!writer) {
    writer = {
      record: new GroupCommit((rows) => recordPending(db, rows), MAX_BATCH, PARALLEL_FLUSHES),
      store: new GroupCommit((items) => storeIssued(db, items), MAX_BATCH, PARALLEL_FLUSHES),
    };
    writers.set(db, writer);
  }
  return writer;
}

const base64 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/**
 * Records pending rows in one INSERT (autocommit); a taken serial is skipped, not an error. The
 * batch travels as one JSON parameter (json_to_recordset): one parameter instead of eight per row,
 * which is most of the client's cost of a multi-row INSERT.
 */
async function recordPending(db: Db, rows: PendingRow[]): Promise<boolean[]> {
  // Two equal serials in one batch (never seen in practice): the later one draws again.
  const seen = new Set<string>();
  const unique = rows.map((row) => {
    const key = `${row.authorityId}/${row.serial}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const batch = JSON.stringify(
    rows
      .filter((_, i) => unique[i])
      .map((row) => ({
        ca: row.authorityId,
        serial: row.serial,
        profile: row.profile,
        subject: row.subjectDn,
        not_before: row.notBefore,
        not_after: row.notAfter,
        tbs: base64(row.tbsDer),
        ref: row.requestRef ?? null,
      })),
  );
  const result = await db.execute(sql`
    insert into ${certificates} (authority_id, serial, profile, status, subject_dn, not_before, not_after, tbs_der, request_ref)
    select v.ca, v.serial, v.profile, 'pending', v.subject, v.not_before, v.not_after, decode(v.tbs, 'base64'), v.ref
    from json_to_recordset(${batch}::json) as v(ca text, serial text, profile text, subject text,
      not_before timestamptz, not_after timestamptz, tbs text, ref uuid)
    on conflict do nothing
    returning authority_id, serial`);
  const inserted = (result as { rows: { authority_id: string; serial: string }[] }).rows;
  const done = new Set(inserted.map((r) => `${r.authority_id}/${r.serial}`));
  return rows.map((row, i) => unique[i]! && done.has(`${row.authorityId}/${row.serial}`));
}

/**
 * Stores signed certificates, their OCSP responses, status notifications and audit events in one
 * statement (so one transaction and one round trip): data-modifying CTEs over the batch, passed as
 * one JSON parameter (the audit rows as a second one, from the audit module's auditEventsInsert). The OCSP rule is storeOcspResponse's: never overwrite a newer response.
 * pg_notify is queued with the statement's transaction and delivered only if it commits.
 */
async function storeIssued(db: Db, items: StoreItem[]): Promise<void[]> {
  const issuedAt = new Date().toISOString();
  const batch = JSON.stringify(
    items.map((i) => ({
      ca: i.caId,
      serial: i.serialHex,
      der: base64(i.der),
      ocsp: i.ocsp ? base64(i.ocsp.der) : null,
      this_update: i.ocsp?.thisUpdate ?? null,
      next_update: i.ocsp?.nextUpdate ?? null,
    })),
  );
  await db.execute(sql`
    with v as (
      select * from json_to_recordset(${batch}::json) as v(ca text, serial text, der text, ocsp text,
        this_update timestamptz, next_update timestamptz)
    ), issued as (
      update ${certificates} as c
      set der = decode(v.der, 'base64'), status = 'issued', issued_at = ${issuedAt}::timestamptz
      from v where c.authority_id = v.ca and c.serial = v.serial
    ), ocsp as (
      insert into ${ocspResponses} (authority_id, serial, der, this_update, next_update)
      select v.ca, v.serial, decode(v.ocsp, 'base64'), v.this_update, v.next_update from v
      where v.ocsp is not null
      on conflict (authority_id, serial) do update
      set der = excluded.der, this_update = excluded.this_update, next_update = excluded.next_update
      where ${ocspResponses}.this_update <= excluded.this_update
    ), audit as (
      ${auditEventsInsert(items.map((i) => i.audit))}
    )
    select pg_notify(${statusChannels.status}, v.ca || ':' || v.serial) from v`);
  return items.map(() => undefined);
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
  return issue(
    ctx,
    {
      caId: request.caId,
      profile: request.profile,
      subject: request.subject ?? csr.subject,
      altNames: request.altNames ?? csr.altNames,
      spkiDer: csr.spkiDer,
      requestedExtensions: csr.requestedExtensions,
      ...(request.days !== undefined ? { days: request.days } : {}),
      actor: request.actor,
    },
    csr.publicKey,
  );
}
