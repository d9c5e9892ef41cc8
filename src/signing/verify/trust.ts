/**
 * The certificate side of validation: facts of a certificate for the report, the path from a
 * signer's certificate to a trust anchor (Teken's roots and the configured anchors) with every
 * certificate valid at the signing time, and the revocation status at that time from the OCSP
 * responses and CRLs the document carries (its DSS) or from Teken's own CA database.
 *
 * Signatures are checked with Node's X509Certificate (checkIssued + verify), OCSP responses and
 * CRLs parsed with PKI.js and their signatures checked against the issuer's key.
 */
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { readCertificateIds } from '../../pki/read-signed-data.js';
import { x509 } from '../../pki/x509.js';
import type { CertificateFacts } from './validation-report.js';
import { signatureAlgorithmName, verifyWith, view } from './cms-check.js';

const keyUsageNames = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

/** A parsed certificate, kept with its DER (parsed once per validation). */
export interface Cert {
  der: Uint8Array;
  node: crypto.X509Certificate;
  key: string;
}

/**
 * Parses of certificates are pure: kept across validations (the same CAs and TSA sign most
 * documents), at most `cacheSize` of each.
 */
const cacheSize = 512;
const certCache = new Map<string, Cert>();
const factsCache = new Map<string, CertificateFacts>();
/** Whether a certificate was issued by another (by their keys): pure, a signature check each. */
const issuedCache = new Map<string, boolean>();
/** Parsed OCSP responses and CRLs by the SHA-256 of their DER (a CA's CRL is in many documents). */
const ocspCache = new Map<string, pkijs.BasicOCSPResponse | null>();
const crlCache = new Map<string, pkijs.CertificateRevocationList | null>();
const digestOf = (der: Uint8Array) => crypto.createHash('sha256').update(der).digest('hex');
const pkijsCache = new Map<string, pkijs.Certificate>();
function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
    cache.set(key, value);
  }
  return value;
}

/** Empties the caches above (the benchmark's uncached figure; nothing else needs it). */
export function clearTrustCaches(): void {
  for (const cache of [certCache, factsCache, pkijsCache, issuedCache, ocspCache, crlCache]) cache.clear();
}

/** The PKI.js object of a certificate (cached; callers must not change it). */
export const pkijsOf = (cert: Cert) =>
  remember(pkijsCache, cert.key, () => pkijs.Certificate.fromBER(cert.der));

export class CertPool {
  readonly #byKey = new Map<string, Cert>();

  get(der: Uint8Array): Cert | undefined {
    const key = digestOf(der);
    let cert = this.#byKey.get(key) ?? certCache.get(key);
    if (!cert) {
      try {
        // A copy: `der` is often a view into a whole CMS or DSS stream.
        const own = der.slice();
        cert = { der: own, node: new crypto.X509Certificate(own), key };
      } catch {
        return undefined;
      }
      if (certCache.size >= cacheSize) certCache.delete(certCache.keys().next().value!);
      certCache.set(key, cert);
    }
    this.#byKey.set(key, cert);
    return cert;
  }

  all(ders: readonly Uint8Array[]): Cert[] {
    return ders.map((d) => this.get(d)).filter((c): c is Cert => c !== undefined);
  }

  facts(cert: Cert): CertificateFacts {
    return remember(factsCache, cert.key, () => certificateFacts(cert.der));
  }
}

const cnOf = (name: x509.Name) => name.getField('CN')[0] ?? name.toString();

export function certificateFacts(der: Uint8Array): CertificateFacts {
  const parsed = new x509.X509Certificate(der);
  const ku = parsed.getExtension(x509.KeyUsagesExtension);
  const pkijsCert = pkijs.Certificate.fromBER(der);
  return {
    subjectDn: parsed.subject,
    commonName: cnOf(parsed.subjectName),
    issuerDn: parsed.issuer,
    issuerCommonName: cnOf(parsed.issuerName),
    serialHex: parsed.serialNumber.toLowerCase().replace(/^(00)+(?=[0-9a-f]{2})/, ''),
    notBefore: parsed.notBefore,
    notAfter: parsed.notAfter,
    keyUsages: ku ? keyUsageNames.filter((_, i) => (ku.usages & (1 << i)) !== 0) : [],
    signatureAlgorithm: signatureAlgorithmName(pkijsCert.signatureAlgorithm.algorithmId),
  };
}

/** An empty certificate for a signature whose signer cannot be found. */
export const unknownCertificate: CertificateFacts = {
  subjectDn: '',
  commonName: '',
  issuerDn: '',
  issuerCommonName: '',
  serialHex: '',
  notBefore: new Date(0),
  notAfter: new Date(0),
  keyUsages: [],
  signatureAlgorithm: '',
};

const issued = (child: Cert, parent: Cert) =>
  remember(issuedCache, `${child.key}:${parent.key}`, () => {
    try {
      return child.node.checkIssued(parent.node) && child.node.verify(parent.node.publicKey);
    } catch {
      return false;
    }
  });

const validAt = (cert: Cert, at: Date) =>
  new Date(cert.node.validFrom).getTime() <= at.getTime() &&
  at.getTime() <= new Date(cert.node.validTo).getTime();

export interface CertPath {
  /** The signer first, up to the anchor where one was found. */
  chain: Cert[];
  /** The path ends at an anchor, every certificate in it valid at `at`, the CAs CAs. */
  trusted: boolean;
}

/**
 * The path from `leaf` up through `candidates` to one of `anchors` (matched by their DER), at most
 * 8 certificates long.
 */
export function buildPath(
  leaf: Cert,
  candidates: readonly Cert[],
  anchors: readonly Cert[],
  at: Date,
): CertPath {
  const anchorKeys = new Set(anchors.map((a) => a.key));
  const chain = [leaf];
  let current = leaf;
  while (chain.length < 8) {
    if (anchorKeys.has(current.key)) break;
    const parent =
      anchors.find((a) => issued(current, a)) ??
      candidates.find((c) => c.key !== current.key && !chain.includes(c) && issued(current, c));
    if (!parent) break;
    chain.push(parent);
    current = parent;
  }
  const anchored = anchorKeys.has(current.key);
  const trusted = anchored && chain.every((c) => validAt(c, at)) && chain.slice(1).every((c) => c.node.ca);
  return { chain, trusted };
}

export type RevocationStatus = { status: 'good' } | { status: 'revoked'; at: Date } | { status: 'unknown' };

/** Teken's own record of a certificate it issued, when the validator runs inside Teken. */
export type OwnStatusLookup = (
  certificate: Uint8Array,
  issuer: Uint8Array,
) => Promise<{ revokedAt: Date | null } | undefined>;

const serialOf = (cert: Cert) => cert.node.serialNumber.toLowerCase().replace(/^(00)+(?=[0-9a-f]{2})/, '');

const hexOf = (bytes: ArrayBuffer | Uint8Array) =>
  Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes))
    .toString('hex')
    .replace(/^(00)+(?=[0-9a-f]{2})/, '');

/** Parsed revocation data of the document (its DSS), parsed lazily once per validation. */
export class RevocationData {
  readonly #ocsp: Uint8Array[];
  readonly #crls: Uint8Array[];
  #parsedOcsp: pkijs.BasicOCSPResponse[] | undefined;
  #parsedCrls: pkijs.CertificateRevocationList[] | undefined;

  constructor(ocsp: readonly Uint8Array[], crls: readonly Uint8Array[]) {
    this.#ocsp = [...ocsp];
    this.#crls = [...crls];
  }

  /**
   * What the sources say of a certificate (whatever the time), by certificate and issuer: looked up
   * once per validation, however many signatures share the certificate.
   */
  readonly findings = new Map<string, Promise<{ found: RevocationStatus[]; inDocument: boolean }>>();

  get isEmpty() {
    return this.#ocsp.length === 0 && this.#crls.length === 0;
  }

  ocspResponses(): pkijs.BasicOCSPResponse[] {
    this.#parsedOcsp ??= this.#ocsp.flatMap((der) => {
      const basic = remember(ocspCache, digestOf(der), () => {
        try {
          const response = pkijs.OCSPResponse.fromBER(der);
          const bytes = response.responseBytes;
          if (!bytes || bytes.responseType !== '1.3.6.1.5.5.7.48.1.1') return null;
          return pkijs.BasicOCSPResponse.fromBER(bytes.response.valueBlock.valueHexView);
        } catch {
          return null;
        }
      });
      return basic ? [basic] : [];
    });
    return this.#parsedOcsp;
  }

  crls(): pkijs.CertificateRevocationList[] {
    this.#parsedCrls ??= this.#crls.flatMap((der) => {
      const crl = remember(crlCache, digestOf(der), () => {
        try {
          return pkijs.CertificateRevocationList.fromBER(der);
        } catch {
          return null;
        }
      });
      return crl ? [crl] : [];
    });
    return this.#parsedCrls;
  }
}

/** The OCSP response's signature verifies under the issuer or a responder it delegated to. */
function ocspSignedBy(basic: pkijs.BasicOCSPResponse, issuer: Cert, pool: CertPool): boolean {
  const tbs = view(basic.tbsResponseData.tbsView);
  const sig = view(basic.signature.valueBlock.valueHexView);
  const alg = basic.signatureAlgorithm;
  if (verifyWith(issuer.der, alg.algorithmId, '', tbs, sig, alg.algorithmParams)) return true;
  for (const c of basic.certs ?? []) {
    const responder = pool.get(view(c.toSchema(false).toBER(false)));
    if (!responder || !issued(responder, issuer)) continue;
    const eku = responder.node.keyUsage ?? [];
    if (!eku.includes('1.3.6.1.5.5.7.3.9')) continue;
    if (verifyWith(responder.der, alg.algorithmId, '', tbs, sig, alg.algorithmParams)) return true;
  }
  return false;
}

function ocspStatus(
  cert: Cert,
  issuer: Cert,
  data: RevocationData,
  pool: CertPool,
): RevocationStatus | undefined {
  const serial = serialOf(cert);
  // The issuer's name and key as its certificate has them (PKI.js's re-encoding where it is not DER).
  const ids = readCertificateIds(issuer.der);
  const issuerName = ids?.subject ?? view(pkijsOf(issuer).subject.toSchema().toBER(false));
  const issuerKey =
    ids?.publicKey ?? view(pkijsOf(issuer).subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
  for (const basic of data.ocspResponses()) {
    for (const single of basic.tbsResponseData.responses) {
      const id = single.certID;
      if (hexOf(id.serialNumber.valueBlock.valueHexView) !== serial) continue;
      const hash = { '1.3.14.3.2.26': 'sha1', '2.16.840.1.101.3.4.2.1': 'sha256' }[
        id.hashAlgorithm.algorithmId
      ];
      if (!hash) continue;
      const nameHash = crypto.createHash(hash).update(issuerName).digest('hex');
      const keyHash = crypto.createHash(hash).update(issuerKey).digest('hex');
      if (hexOf(id.issuerNameHash.valueBlock.valueHexView) !== nameHash.replace(/^(00)+(?=[0-9a-f]{2})/, ''))
        continue;
      if (hexOf(id.issuerKeyHash.valueBlock.valueHexView) !== keyHash.replace(/^(00)+(?=[0-9a-f]{2})/, ''))
        continue;
      if (!ocspSignedBy(basic, issuer, pool)) continue;
      const status = single.certStatus as asn1js.BaseBlock;
      if (status.idBlock.tagNumber === 0) return { status: 'good' };
      if (status.idBlock.tagNumber === 1 && status.idBlock.isConstructed) {
        const time = (status as asn1js.Constructed).valueBlock.value[0];
        const at =
          time instanceof asn1js.GeneralizedTime
            ? time.toDate()
            : new asn1js.GeneralizedTime({
                valueHex: (time as asn1js.Primitive).valueBlock.valueHexView,
              }).toDate();
        return { status: 'revoked', at };
      }
      return { status: 'unknown' };
    }
  }
  return undefined;
}

function crlStatus(cert: Cert, issuer: Cert, data: RevocationData): RevocationStatus | undefined {
  const serial = serialOf(cert);
  const certIssuer = pkijsOf(cert).issuer;
  for (const crl of data.crls()) {
    if (!crl.issuer.isEqual(certIssuer)) continue;
    const alg = crl.signatureAlgorithm;
    if (
      !verifyWith(
        issuer.der,
        alg.algorithmId,
        '',
        view(crl.tbsView),
        view(crl.signatureValue.valueBlock.valueHexView),
        alg.algorithmParams,
      )
    )
      continue;
    const entry = crl.revokedCertificates?.find(
      (r) => hexOf(r.userCertificate.valueBlock.valueHexView) === serial,
    );
    if (entry) return { status: 'revoked', at: entry.revocationDate.value };
    return { status: 'good' };
  }
  return undefined;
}

/** What the document's OCSP responses and CRLs, and Teken's own record, say of `cert`. */
async function statusSources(
  cert: Cert,
  issuer: Cert,
  data: RevocationData,
  pool: CertPool,
  own: OwnStatusLookup | undefined,
): Promise<{ found: RevocationStatus[]; inDocument: boolean }> {
  const found: RevocationStatus[] = [];
  const fromOcsp = ocspStatus(cert, issuer, data, pool);
  const fromCrl = crlStatus(cert, issuer, data);
  const inDocument = fromOcsp !== undefined || fromCrl !== undefined;
  if (fromOcsp) found.push(fromOcsp);
  if (fromCrl) found.push(fromCrl);
  if (own) {
    const record = await own(cert.der, issuer.der);
    if (record)
      found.push(record.revokedAt ? { status: 'revoked', at: record.revokedAt } : { status: 'good' });
  }
  return { found, inDocument };
}

export interface RevocationFinding {
  status: 'good' | 'revoked' | 'unknown';
  /** The document holds an OCSP response or CRL for the certificate. */
  inDocument: boolean;
}

/**
 * The status of `cert` at `at`: revoked when any source knows it revoked at or before `at`; good
 * when a source vouches for it (a revocation after `at` leaves the signature made before it good);
 * unknown otherwise.
 */
export async function revocationAt(
  cert: Cert,
  issuer: Cert | undefined,
  at: Date,
  data: RevocationData,
  pool: CertPool,
  own: OwnStatusLookup | undefined,
): Promise<RevocationFinding> {
  if (!issuer) return { status: 'unknown', inDocument: false };
  const pair = `${cert.key}:${issuer.key}`;
  let lookup = data.findings.get(pair);
  if (!lookup) {
    lookup = statusSources(cert, issuer, data, pool, own);
    data.findings.set(pair, lookup);
  }
  const { found, inDocument } = await lookup;
  if (found.some((f) => f.status === 'revoked' && f.at.getTime() <= at.getTime()))
    return { status: 'revoked', inDocument };
  if (found.some((f) => f.status === 'good' || f.status === 'revoked')) return { status: 'good', inDocument };
  return { status: 'unknown', inDocument };
}
