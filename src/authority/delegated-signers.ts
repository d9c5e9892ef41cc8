/**
 * Delegated signers: the OCSP responder of each issuing CA (RFC 6960 4.2.2.2) and the time-stamping
 * unit (RFC 3161). Their certificates are short-lived next to the CAs', so they are replaced before
 * they expire: a new key pair, a new certificate through the issuance cycle, and the switch from the
 * old signer to the new one in one transaction. A response or time-stamp signed by the old signer
 * stays valid (its certificate is not revoked, and no OCSP response outlives its signer's
 * certificate); the OCSP refresher then signs every stored response again with the new responder.
 */
import crypto from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { delegatedSigners } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { AuthorityContext } from './authority-context.js';
import { createAuthorityKey } from './authority-keys.js';
import { issueCertificate } from './issue-certificate.js';
import { notifyCaChange } from './notify-status.js';
import { activeSignerOf, type LoadedCa } from './ca-registry.js';
import { issuingCaIds, type CaId } from './profiles.js';
import { revokeCertificate } from './revoke-certificate.js';
import type { NameAttribute } from '../pki/distinguished-name.js';

const DAY = 86_400_000;
/** Class of the advisory locks taken per CA and purpose (the two-int4 form). */
const SIGNER_LOCK = 73_466_530;

export type SignerPurpose = 'ocsp' | 'tsa';

interface SignerSpec {
  caId: CaId;
  purpose: SignerPurpose;
  profile: 'ocsp-responder' | 'tsa';
  cn: string;
}

const issuingNames: Record<(typeof issuingCaIds)[number], string> = {
  individual: 'Individual CA G1',
  seal: 'Seal CA G1',
  tls: 'TLS CA G1',
};

/** The delegated signers a complete hierarchy has: an OCSP responder per issuing CA, one TSA unit. */
export const signerSpecs: readonly SignerSpec[] = [
  ...issuingCaIds.map((caId) => ({
    caId,
    purpose: 'ocsp' as const,
    profile: 'ocsp-responder' as const,
    cn: `${issuingNames[caId]} OCSP Responder`,
  })),
  { caId: 'seal', purpose: 'tsa', profile: 'tsa', cn: 'Time-Stamping Unit 1' },
];

export function issuingCaName(caId: (typeof issuingCaIds)[number]): string {
  return issuingNames[caId];
}

/** The subject of a CA or signer certificate: C and O of the configuration, CN with its prefix. */
export function caName(ctx: AuthorityContext, cn: string): NameAttribute[] {
  return [
    { type: 'C', oid: '2.5.4.6', value: ctx.config.ca.country },
    { type: 'O', oid: '2.5.4.10', value: ctx.config.ca.organization },
    { type: 'CN', oid: '2.5.4.3', value: `${ctx.config.ca.namePrefix} ${cn}` },
  ];
}

/** How long before its certificate ends a signer of this purpose is replaced. */
function renewBeforeDays(ctx: AuthorityContext, purpose: SignerPurpose): number {
  return purpose === 'ocsp' ? ctx.config.ca.responderRenewDays : ctx.config.ca.tsaRenewDays;
}

/**
 * Days of validity for a new signer certificate: as configured, but a signer cannot outlive its CA,
 * so near the CA's own end the certificate is shorter.
 */
function signerDays(ctx: AuthorityContext, ca: LoadedCa, purpose: SignerPurpose): number {
  const wanted = purpose === 'ocsp' ? ctx.config.ca.responderDays : ctx.config.ca.tsaDays;
  return Math.min(wanted, Math.floor((ca.notAfter.getTime() - Date.now()) / DAY));
}

export interface ActiveSigner {
  id: string;
  serial: string;
  notAfter: Date;
  createdAt: Date;
}

export async function activeSigner(
  ctx: AuthorityContext,
  caId: string,
  purpose: SignerPurpose,
): Promise<ActiveSigner | undefined> {
  const [row] = await ctx.db
    .select({
      id: delegatedSigners.id,
      serial: delegatedSigners.serial,
      notAfter: delegatedSigners.notAfter,
      createdAt: delegatedSigners.createdAt,
    })
    .from(delegatedSigners)
    .where(activeSignerOf(caId, purpose))
    .orderBy(desc(delegatedSigners.createdAt))
    .limit(1);
  return row;
}

export interface NewSigner {
  caId: CaId;
  purpose: SignerPurpose;
  serial: string;
  notAfter: Date;
  /** The signer this one replaced, if any. */
  replaced?: { serial: string; notAfter: Date };
}

/**
 * Makes a new signer for `spec`: key first (its own statement), then the certificate through the
 * issuance cycle, then the switch. A crash in between leaves an unused key or an unused certificate,
 * never a signer without a certificate. When `replaces` is given, the switch happens only if that
 * signer is still the active one; if another process replaced it first, the certificate made here is
 * revoked (superseded) and undefined is returned.
 */
export async function createDelegatedSigner(
  ctx: AuthorityContext,
  spec: SignerSpec,
  actor: string,
  replaces?: ActiveSigner,
): Promise<NewSigner | undefined> {
  const ca = await ctx.registry.get(spec.caId);
  const days = signerDays(ctx, ca, spec.purpose);
  if (days < 1) {
    throw new TekenError(
      'ERR_CA_EXPIRED',
      `The ${spec.caId} CA expires ${ca.notAfter.toISOString()}: too soon for a new ${spec.purpose} signer.`,
    );
  }
  const key = await createAuthorityKey(
    ctx.db,
    ctx.backends,
    ctx.config.ca.responderKey,
    `${spec.caId}-${spec.purpose}`,
  );
  const issued = await issueCertificate(ctx, {
    caId: spec.caId,
    profile: spec.profile,
    subject: caName(ctx, spec.cn),
    altNames: [],
    spkiDer: key.publicKeyDer,
    days,
    actor,
    internal: true,
  });
  const switched = await ctx.db.transaction(async (tx) => {
    // One switch at a time per CA and purpose, across processes: the checks below then see what
    // a concurrent `ca init` or renewal committed before us.
    await tx.execute(
      sql`select pg_advisory_xact_lock(${SIGNER_LOCK}, hashtext(${`${spec.caId}:${spec.purpose}`}))`,
    );
    const active = await tx
      .select({ id: delegatedSigners.id })
      .from(delegatedSigners)
      .where(activeSignerOf(spec.caId, spec.purpose));
    // Renewing: the signer replaced must still be the active one. Creating: there must be none.
    if (replaces ? !active.some((a) => a.id === replaces.id) : active.length > 0) return false;
    if (active.length > 0) {
      await tx.update(delegatedSigners).set({ active: false }).where(activeSignerOf(spec.caId, spec.purpose));
    }
    await tx.insert(delegatedSigners).values({
      id: crypto.randomUUID(),
      authorityId: spec.caId,
      purpose: spec.purpose,
      keyId: key.id,
      serial: issued.serialHex,
      certificateDer: issued.der,
      notAfter: issued.notAfter,
      // Responses signed before this moment were signed by the old responder: the refresher signs
      // them again. thisUpdate is in whole seconds; rounding up takes in this second's responses
      // (some of them, by the new responder, are then signed once more: harmless).
      createdAt: new Date(Math.ceil((Date.now() + 1) / 1000) * 1000),
    });
    await recordAuditEvent(tx, {
      actor,
      action: replaces ? `ca.${spec.purpose}-signer.renew` : `ca.${spec.purpose}-signer.create`,
      target: `ca:${spec.caId}`,
      details: {
        serial: issued.serialHex,
        notAfter: issued.notAfter.toISOString(),
        ...(replaces ? { replaced: replaces.serial, replacedNotAfter: replaces.notAfter.toISOString() } : {}),
      },
    });
    await notifyCaChange(tx, spec.caId);
    return true;
  });
  if (!switched) {
    // Someone else was quicker; this certificate is never used.
    await revokeCertificate(ctx, {
      serial: issued.serialHex,
      caId: spec.caId,
      reason: 'superseded',
      actor,
    });
    return undefined;
  }
  await ctx.registry.reload();
  return {
    caId: spec.caId,
    purpose: spec.purpose,
    serial: issued.serialHex,
    notAfter: issued.notAfter,
    ...(replaces ? { replaced: { serial: replaces.serial, notAfter: replaces.notAfter } } : {}),
  };
}

export interface RenewalOptions {
  actor: string;
  /** The clock (tests look into the future with it). */
  now?: Date;
  /** Replace now, whatever the expiry (for example after a suspected key compromise). */
  force?: boolean;
  /** Only this CA's signers. */
  caId?: string;
  /** Only signers of this purpose. */
  purpose?: SignerPurpose;
}

export interface RenewalReport {
  renewed: NewSigner[];
  /** Signers due but left as they are, and why (for example: bounded by the CA's own expiry). */
  skipped: { caId: CaId; purpose: SignerPurpose; reason: string }[];
}

/**
 * Replaces every signer whose certificate ends within its renewal window
 * (TEKEN_CA_RESPONDER_RENEW_DAYS, TEKEN_CA_TSA_RENEW_DAYS), or every selected one with `force`.
 * Signers that do not exist yet are `ca init`'s business and are left alone.
 */
export async function renewDelegatedSigners(
  ctx: AuthorityContext,
  options: RenewalOptions,
): Promise<RenewalReport> {
  const now = options.now ?? new Date();
  const report: RenewalReport = { renewed: [], skipped: [] };
  await ctx.registry.ensureLoaded();
  for (const spec of signerSpecs) {
    if (options.caId !== undefined && spec.caId !== options.caId) continue;
    if (options.purpose !== undefined && spec.purpose !== options.purpose) continue;
    const current = await activeSigner(ctx, spec.caId, spec.purpose);
    if (!current) continue;
    const ca = await ctx.registry.get(spec.caId);
    // A revoked CA signs nothing new, its signers included.
    if (ca.revoked) continue;
    const due = current.notAfter.getTime() - now.getTime() < renewBeforeDays(ctx, spec.purpose) * DAY;
    if (!due && !options.force) continue;
    // A signer that already ends with its CA (to within the whole days a certificate is issued
    // for) cannot be replaced by a longer one: the CA's own expiry bounds both. Without this, a CA
    // in its last weeks would get a new signer every hour.
    if (!options.force && ca.notAfter.getTime() - current.notAfter.getTime() < 2 * DAY) {
      report.skipped.push({
        caId: spec.caId,
        purpose: spec.purpose,
        reason: `the ${spec.caId} CA itself expires ${ca.notAfter.toISOString()}`,
      });
      continue;
    }
    const created = await createDelegatedSigner(ctx, spec, options.actor, current);
    if (created) report.renewed.push(created);
  }
  return report;
}
