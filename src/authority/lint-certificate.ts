/**
 * Pre-issuance lint (after Boulder): the to-be-signed bytes are parsed back and checked against
 * RFC 5280 and the profile before any key signs them. A lint failure is a bug in Teken or its
 * configuration, never the requester's fault, hence a 5xx code.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AuthorityKeyIdentifier,
  BasicConstraints,
  ExtendedKeyUsage,
  KeyUsage,
  KeyUsageFlags,
  SubjectAlternativeName,
  TBSCertificate,
  Version,
} from '@peculiar/asn1-x509';
import { TekenError } from '../errors/teken-error.js';
import { oids } from '../pki/extensions.js';
import { describePublicKey } from '../pki/public-key.js';

export interface LintIssuer {
  subjectDer: Uint8Array;
  keyIdentifier: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  signatureAlgorithmOid: string;
}

export interface LintExpectations {
  ca: boolean;
  /** Self-signed root: issuer is the subject itself. */
  selfSigned?: boolean;
  extendedKeyUsage?: readonly string[];
  extendedKeyUsageCritical?: boolean;
}

const equal = (a: Uint8Array | ArrayBuffer, b: Uint8Array | ArrayBuffer) =>
  Buffer.compare(
    Buffer.from(a instanceof Uint8Array ? a : new Uint8Array(a)),
    Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)),
  ) === 0;

/** Returns the problems found (empty when the certificate may be signed). */
export function lintTbsCertificate(
  tbsDer: Uint8Array,
  issuer: LintIssuer,
  expect: LintExpectations,
): string[] {
  const problems: string[] = [];
  let tbs: TBSCertificate;
  try {
    tbs = AsnConvert.parse(tbsDer, TBSCertificate);
  } catch {
    return ['the TBSCertificate does not parse'];
  }
  if (tbs.version !== Version.v3) problems.push('version is not v3');

  const serial = new Uint8Array(tbs.serialNumber);
  if (serial.length === 0 || serial.length > 20) problems.push('serial number is not 1 to 20 octets');
  if (serial.length > 0 && serial[0]! & 0x80) problems.push('serial number is negative');
  if (serial.length > 1 && serial[0] === 0 && !(serial[1]! & 0x80))
    problems.push('serial number is not minimally encoded');
  if (serial.every((b) => b === 0)) problems.push('serial number is zero');

  if (tbs.signature.algorithm !== issuer.signatureAlgorithmOid)
    problems.push('signature algorithm differs from the issuer key');
  const issuerDer = new Uint8Array(AsnConvert.serialize(tbs.issuer));
  if (!equal(issuerDer, issuer.subjectDer))
    problems.push('issuer name is not byte-identical to the issuer certificate subject');

  const notBefore = tbs.validity.notBefore.getTime();
  const notAfter = tbs.validity.notAfter.getTime();
  if (notBefore.getTime() >= notAfter.getTime()) problems.push('notBefore is not before notAfter');
  if (!expect.selfSigned && (notBefore < issuer.notBefore || notAfter > issuer.notAfter)) {
    problems.push('validity is outside the issuer certificate validity');
  }
  for (const [label, time] of [
    ['notBefore', tbs.validity.notBefore],
    ['notAfter', tbs.validity.notAfter],
  ] as const) {
    const year = time.getTime().getUTCFullYear();
    if (year < 2050 && time.utcTime === undefined) problems.push(`${label} before 2050 must be UTCTime`);
    if (year >= 2050 && time.generalTime === undefined)
      problems.push(`${label} from 2050 on must be GeneralizedTime`);
  }

  try {
    describePublicKey(new Uint8Array(AsnConvert.serialize(tbs.subjectPublicKeyInfo)));
  } catch (error) {
    problems.push(`public key: ${(error as Error).message}`);
  }

  const extensions = tbs.extensions ?? [];
  const byId = new Map<string, (typeof extensions)[number]>();
  for (const ext of extensions) {
    if (byId.has(ext.extnID)) problems.push(`extension ${ext.extnID} appears twice`);
    byId.set(ext.extnID, ext);
  }
  const value = (oid: string) => byId.get(oid)?.extnValue.buffer;

  const bcRaw = value(oids.basicConstraints);
  const bc = bcRaw ? AsnConvert.parse(bcRaw, BasicConstraints) : undefined;
  if (expect.ca) {
    if (!bc?.cA) problems.push('a CA certificate needs basicConstraints cA TRUE');
    if (!byId.get(oids.basicConstraints)?.critical)
      problems.push('basicConstraints must be critical in a CA certificate');
    if (!byId.has(oids.subjectKeyIdentifier)) problems.push('a CA certificate needs a subjectKeyIdentifier');
  } else if (bc?.cA) {
    problems.push('an end-entity certificate must not have cA TRUE');
  }

  const kuRaw = value(oids.keyUsage);
  if (!kuRaw) problems.push('keyUsage is missing');
  else {
    if (!byId.get(oids.keyUsage)?.critical) problems.push('keyUsage must be critical');
    const ku = AsnConvert.parse(kuRaw, KeyUsage).toNumber();
    const signsCertificates = (ku & KeyUsageFlags.keyCertSign) !== 0;
    if (expect.ca && !signsCertificates) problems.push('a CA certificate needs keyCertSign');
    if (!expect.ca && (signsCertificates || (ku & KeyUsageFlags.cRLSign) !== 0))
      problems.push('an end-entity certificate must not have keyCertSign or cRLSign');
    if (ku === 0) problems.push('keyUsage has no bits set');
  }

  if (!expect.selfSigned) {
    const akiRaw = value(oids.authorityKeyIdentifier);
    const aki = akiRaw ? AsnConvert.parse(akiRaw, AuthorityKeyIdentifier) : undefined;
    if (!aki?.keyIdentifier || !equal(aki.keyIdentifier.buffer, issuer.keyIdentifier)) {
      problems.push('authorityKeyIdentifier does not match the issuer key');
    }
  }

  const subjectEmpty = tbs.subject.length === 0;
  const sanExt = byId.get(oids.subjectAltName);
  if (subjectEmpty && !sanExt) problems.push('an empty subject needs a subjectAltName');
  if (subjectEmpty && sanExt && !sanExt.critical)
    problems.push('subjectAltName must be critical when the subject is empty');
  if (sanExt && AsnConvert.parse(sanExt.extnValue.buffer, SubjectAlternativeName).length === 0)
    problems.push('subjectAltName is empty');

  if (expect.extendedKeyUsage) {
    const ekuRaw = value(oids.extKeyUsage);
    const eku = ekuRaw ? [...AsnConvert.parse(ekuRaw, ExtendedKeyUsage)] : [];
    if (eku.join(',') !== expect.extendedKeyUsage.join(','))
      problems.push('extendedKeyUsage differs from the profile');
    if (Boolean(byId.get(oids.extKeyUsage)?.critical) !== Boolean(expect.extendedKeyUsageCritical)) {
      problems.push('extendedKeyUsage criticality differs from the profile');
    }
  }
  return problems;
}

export function assertLintClean(tbsDer: Uint8Array, issuer: LintIssuer, expect: LintExpectations): void {
  const problems = lintTbsCertificate(tbsDer, issuer, expect);
  if (problems.length > 0) {
    throw new TekenError('ERR_CERT_LINT_FAILED', `Pre-issuance lint failed: ${problems.join('; ')}.`, {
      details: { problems },
    });
  }
}
