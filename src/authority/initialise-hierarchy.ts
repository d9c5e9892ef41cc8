/**
 * `teken ca init`: creates what is missing of the hierarchy — the root, the issuing CAs
 * (individual, seal, tls), a delegated OCSP responder per issuing CA and a time-stamping unit —
 * and leaves what exists untouched, so it can be run again safely.
 */
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, type Extension } from '@peculiar/asn1-x509';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Tx } from '../db/open-database.js';
import { authorities, certificates, crls } from '../db/schema.js';
import type { SigningKey } from '../keys/key-backend.js';
import { assembleCertificate, encodeTbsCertificate, truncateToSeconds } from '../pki/certificate-assembly.js';
import { encodeName, nameToString } from '../pki/distinguished-name.js';
import {
  authorityInfoAccess,
  authorityKeyIdentifier,
  basicConstraints,
  certificatePolicies,
  crlDistributionPoints,
  ekus,
  extendedKeyUsage,
  keyIdentifierOf,
  keyUsage,
  subjectKeyIdentifier,
} from '../pki/extensions.js';
import { randomSerial } from '../pki/serial-number.js';
import { signatureAlgorithmOf } from '../pki/signer.js';
import type { AuthorityContext } from './authority-context.js';
import { createAuthorityKey, loadAuthorityKey } from './authority-keys.js';
import { certificateFacts } from './ca-registry.js';
import {
  activeSigner,
  caName,
  createDelegatedSigner,
  issuingCaName,
  renewDelegatedSigners,
  signerSpecs,
} from './delegated-signers.js';
import { generateCrl } from './generate-crl.js';
import { assertLintClean } from './lint-certificate.js';
import { issuingCaIds, profiles } from './profiles.js';
import { statusUrls } from './status-urls.js';

const INIT_LOCK = 7_346_653_003;
const DAY = 86_400_000;

export interface InitResult {
  created: string[];
  existing: string[];
  notes: string[];
}

export async function initialiseHierarchy(ctx: AuthorityContext, actor: string): Promise<InitResult> {
  const result: InitResult = { created: [], existing: [], notes: [] };
  const { config } = ctx;

  // 1. CA certificates, in one transaction under a lock: all of them or none.
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${INIT_LOCK})`);
    const rows = await tx.select().from(authorities);
    const existing = new Map(rows.map((r) => [r.id, r]));
    let root = existing.get('root');
    let rootKey: SigningKey | undefined;
    if (root) {
      result.existing.push('root');
    } else {
      rootKey = await createAuthorityKey(tx, ctx.backends, config.ca.rootKey, 'root');
      const subject = encodeName(caName(ctx, 'Root CA G1'));
      const keyId = keyIdentifierOf(rootKey.publicKeyDer);
      const der = await signCaCertificate(
        rootKey,
        rootKey,
        subject,
        subject,
        config.ca.rootDays,
        [basicConstraints(true), keyUsage(['keyCertSign', 'cRLSign']), subjectKeyIdentifier(keyId)],
        { selfSigned: true, issuerKeyId: keyId },
      );
      [root] = await tx
        .insert(authorities)
        .values(authorityRow('root', null, 'root', subject, rootKey, der))
        .returning();
      await recordCaCertificate(tx, 'root', der, 'root-ca');
      await recordAuditEvent(tx, {
        actor,
        action: 'ca.create',
        target: 'ca:root',
        details: { key: config.ca.rootKey, subject: nameToString(subject) },
      });
      result.created.push('root');
    }
    if (!root) throw new Error('unreachable');
    for (const id of issuingCaIds) {
      if (existing.has(id)) {
        result.existing.push(id);
        continue;
      }
      rootKey ??= await loadAuthorityKey(tx, ctx.backends, root.keyId);
      const rootFacts = certificateFacts(root.certificateDer);
      const key = await createAuthorityKey(tx, ctx.backends, config.ca.issuingKey, id);
      const subject = encodeName(caName(ctx, issuingCaName(id)));
      const urls = statusUrls(config.publicUrl, 'root', null, config.cps.url);
      const profileFor = {
        individual: profiles.individual,
        seal: profiles.seal,
        tls: profiles['tls-server'],
      }[id];
      const extensions: Extension[] = [
        basicConstraints(true, 0),
        keyUsage(['digitalSignature', 'keyCertSign', 'cRLSign']),
        subjectKeyIdentifier(keyIdentifierOf(key.publicKeyDer)),
        authorityKeyIdentifier(keyIdentifierOf(rootFacts.spkiDer)),
        certificatePolicies([`${config.profiles.policyOidBase}.${profileFor.policySuffix}`], urls.cps),
        authorityInfoAccess({ caIssuers: [urls.caIssuers] }),
        crlDistributionPoints([urls.crl]),
      ];
      // CA/B Forum: a TLS issuing CA names the EKUs it issues for.
      if (id === 'tls') extensions.push(extendedKeyUsage([ekus.serverAuth]));
      const days = Math.min(
        config.ca.issuingDays,
        Math.floor((rootFacts.notAfter.getTime() - Date.now()) / DAY),
      );
      const der = await signCaCertificate(rootKey, key, rootFacts.subjectDer, subject, days, extensions, {
        selfSigned: false,
        issuerKeyId: keyIdentifierOf(rootFacts.spkiDer),
        issuerNotBefore: rootFacts.notBefore,
        issuerNotAfter: rootFacts.notAfter,
      });
      await tx.insert(authorities).values(authorityRow(id, 'root', 'issuing', subject, key, der));
      await recordCaCertificate(tx, 'root', der, 'issuing-ca');
      await recordAuditEvent(tx, {
        actor,
        action: 'ca.create',
        target: `ca:${id}`,
        details: { key: config.ca.issuingKey, subject: nameToString(subject) },
      });
      result.created.push(id);
    }
  });
  await ctx.registry.reload();

  // 2. Delegated signers: an OCSP responder per issuing CA, one TSA unit; then those that are
  // due for renewal (a hierarchy initialised long ago and run again).
  for (const spec of signerSpecs) {
    const label = `${spec.caId} ${spec.purpose}`;
    if (await activeSigner(ctx, spec.caId, spec.purpose)) {
      result.existing.push(label);
      continue;
    }
    if ((await ctx.registry.get(spec.caId)).revoked) {
      result.notes.push(`The ${spec.caId} CA's certificate is revoked: it gets no ${spec.purpose} signer.`);
      continue;
    }
    if (await createDelegatedSigner(ctx, spec, actor)) result.created.push(label);
    else result.existing.push(label);
  }
  const renewal = await renewDelegatedSigners(ctx, { actor });
  for (const r of renewal.renewed) {
    result.created.push(`${r.caId} ${r.purpose}`);
    result.notes.push(
      `The ${r.caId} ${r.purpose} signer ${r.replaced?.serial ?? ''} was due to expire; it is replaced by ${r.serial}.`,
    );
  }
  for (const s of renewal.skipped)
    result.notes.push(`The ${s.caId} ${s.purpose} signer is not renewed: ${s.reason}.`);
  await ctx.registry.reload();

  // 3. A first CRL for every CA that has none.
  for (const ca of ctx.registry.all()) {
    const [existingCrl] = await ctx.db
      .select({ n: crls.number })
      .from(crls)
      .where(eq(crls.authorityId, ca.id))
      .limit(1);
    if (!existingCrl) await generateCrl(ctx, ca.id, actor);
  }
  const rootRow = ctx.registry.all().find((c) => c.id === 'root');
  if (rootRow && rootRow.key.algorithm !== config.ca.rootKey) {
    result.notes.push(
      `The root CA keeps its ${rootRow.key.algorithm} key; TEKEN_CA_ROOT_KEY=${config.ca.rootKey} applies only to a new hierarchy.`,
    );
  }
  return result;
}

function authorityRow(
  id: string,
  parentId: string | null,
  kind: 'root' | 'issuing',
  subject: Uint8Array,
  key: SigningKey,
  der: Uint8Array,
) {
  const facts = certificateFacts(der);
  const keyHash = keyIdentifierOf(facts.spkiDer);
  return {
    id,
    parentId,
    kind,
    subjectDn: nameToString(subject),
    keyId: key.id,
    certificateDer: der,
    keyHashSha1: keyHash,
    nameHashSha1: new Uint8Array(crypto.createHash('sha1').update(subject).digest()),
  };
}

/** CA certificates are on record like every other certificate the root signs. */
async function recordCaCertificate(tx: Tx, issuerId: string, der: Uint8Array, profile: string) {
  const facts = certificateFacts(der);
  const tbsDer = new Uint8Array(AsnConvert.serialize(AsnConvert.parse(der, Certificate).tbsCertificate));
  await tx.insert(certificates).values({
    authorityId: issuerId,
    serial: facts.serialHex,
    profile,
    status: 'issued',
    subjectDn: nameToString(facts.subjectDer),
    notBefore: facts.notBefore,
    notAfter: facts.notAfter,
    tbsDer,
    der,
    issuedAt: new Date(),
  });
}

async function signCaCertificate(
  issuerKey: SigningKey,
  subjectKey: SigningKey,
  issuerName: Uint8Array,
  subjectName: Uint8Array,
  days: number,
  extensions: Extension[],
  lint: { selfSigned: boolean; issuerKeyId: Uint8Array; issuerNotBefore?: Date; issuerNotAfter?: Date },
): Promise<Uint8Array> {
  const notBefore = truncateToSeconds(new Date());
  const notAfter = new Date(notBefore.getTime() + days * DAY - 1000);
  const signatureAlgorithmOid = signatureAlgorithmOf[issuerKey.algorithm].oid;
  const tbsDer = encodeTbsCertificate({
    serial: randomSerial(),
    signatureAlgorithmOid,
    issuerNameDer: issuerName,
    subjectNameDer: subjectName,
    spkiDer: subjectKey.publicKeyDer,
    notBefore,
    notAfter,
    extensions,
  });
  assertLintClean(
    tbsDer,
    {
      subjectDer: issuerName,
      keyIdentifier: lint.issuerKeyId,
      notBefore: lint.issuerNotBefore ?? notBefore,
      notAfter: lint.issuerNotAfter ?? notAfter,
      signatureAlgorithmOid,
    },
    { ca: true, selfSigned: lint.selfSigned },
  );
  return assembleCertificate(tbsDer, signatureAlgorithmOid, await issuerKey.sign(tbsDer));
}
