/**
 * Pre-issuance lint (after Boulder): the to-be-signed bytes are parsed back and checked against
 * RFC 5280 and the profile before any key signs them. A lint failure is a bug in Teken or its
 * configuration, never the requester's fault, hence a 5xx code.
 *
 * The bytes are read with the strict DER reader of der.ts, not by the code that wrote them
 * (certificate-assembly.ts, extensions.ts), so an encoder bug shows here rather than in a signature.
 */
import { TekenError } from '../errors/teken-error.js';
import { signatureAlgorithmDer } from '../pki/certificate-assembly.js';
import {
  bytesEqual,
  contentEquals,
  derReader,
  integerIsMinimal,
  oidIsValid,
  oidText,
  readBoolean,
  readTime,
  tag,
  tlvEquals,
  type Tlv,
} from '../pki/der.js';
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
  /**
   * An SPKI the caller has already checked with describePublicKey (a parsed CSR's key): when the
   * TBS carries exactly these bytes, the key is not read again (reading a key is the costly part).
   */
  checkedSpkiDer?: Uint8Array;
}

/** KeyUsage named bits (RFC 5280 4.2.1.3). */
const keyUsageBit = { keyCertSign: 5, cRLSign: 6 } as const;

class LintParseError extends Error {}

const reader = derReader((message) => {
  throw new LintParseError(message);
});

interface ParsedExtension {
  critical: boolean;
  /** The extnValue OCTET STRING. */
  value: Tlv;
}

/** The named bits set in a DER BIT STRING, as bit numbers; undefined when it is not minimal DER. */
function namedBits(der: Uint8Array, bitString: Tlv): number[] | undefined {
  const length = bitString.end - bitString.contentStart;
  if (length === 0) return undefined;
  const unused = der[bitString.contentStart]!;
  if (length === 1) return unused === 0 ? [] : undefined;
  const last = der[bitString.end - 1]!;
  // X.690 11.2.2: no trailing zero bits in a named-bit list; unused bits are zero.
  if (unused > 7 || last === 0 || (last & ((1 << unused) - 1)) !== 0) return undefined;
  if (((last >> unused) & 1) === 0) return undefined;
  const bits: number[] = [];
  for (let i = 0; i < (length - 1) * 8 - unused; i++)
    if (der[bitString.contentStart + 1 + (i >> 3)]! & (0x80 >> (i & 7))) bits.push(i);
  return bits;
}

function lint(tbsDer: Uint8Array, issuer: LintIssuer, expect: LintExpectations, problems: string[]): void {
  const d = tbsDer;
  const tbs = reader.expect(d, 0, d.length, tag.sequence, 'the TBSCertificate');
  if (tbs.end !== d.length) problems.push('the TBSCertificate has trailing data');

  let item = reader.read(d, tbs.contentStart, tbs.end, 'the version');
  const v3 = new Uint8Array([0xa0, 0x03, 0x02, 0x01, 0x02]);
  if (!tlvEquals(d, item, v3)) problems.push('version is not v3');
  if (item.tag === tag.context0) item = reader.read(d, item.end, tbs.end, 'the serial number');

  // serialNumber
  if (item.tag !== tag.integer) throw new LintParseError('the serial number is not an INTEGER');
  const serial = d.subarray(item.contentStart, item.end);
  if (serial.length === 0 || serial.length > 20) problems.push('serial number is not 1 to 20 octets');
  if (serial.length > 0 && serial[0]! & 0x80) problems.push('serial number is negative');
  if (serial.length > 0 && !integerIsMinimal(d, item))
    problems.push('serial number is not minimally encoded');
  if (serial.every((b) => b === 0)) problems.push('serial number is zero');

  // signature: the whole AlgorithmIdentifier, parameters included, as the issuer key signs
  const signature = reader.expect(d, item.end, tbs.end, tag.sequence, 'the signature algorithm');
  if (!tlvEquals(d, signature, signatureAlgorithmDer(issuer.signatureAlgorithmOid)))
    problems.push('signature algorithm differs from the issuer key');

  const issuerName = reader.expect(d, signature.end, tbs.end, tag.sequence, 'the issuer name');
  if (!tlvEquals(d, issuerName, issuer.subjectDer))
    problems.push('issuer name is not byte-identical to the issuer certificate subject');

  // validity
  const validity = reader.expect(d, issuerName.end, tbs.end, tag.sequence, 'the validity');
  const notBeforeTlv = reader.read(d, validity.contentStart, validity.end, 'notBefore');
  const notAfterTlv = reader.read(d, notBeforeTlv.end, validity.end, 'notAfter');
  if (notAfterTlv.end !== validity.end) problems.push('the validity has unexpected data');
  const times: Date[] = [];
  for (const [label, tlv] of [
    ['notBefore', notBeforeTlv],
    ['notAfter', notAfterTlv],
  ] as const) {
    const time = readTime(d, tlv);
    if (!time) {
      problems.push(`${label} is not a UTCTime or GeneralizedTime of RFC 5280`);
      continue;
    }
    times.push(time);
    const year = time.getUTCFullYear();
    if (year < 2050 && tlv.tag !== tag.utcTime) problems.push(`${label} before 2050 must be UTCTime`);
    if (year >= 2050 && tlv.tag !== tag.generalizedTime)
      problems.push(`${label} from 2050 on must be GeneralizedTime`);
  }
  if (times.length === 2) {
    const [notBefore, notAfter] = times as [Date, Date];
    if (notBefore.getTime() >= notAfter.getTime()) problems.push('notBefore is not before notAfter');
    if (!expect.selfSigned && (notBefore < issuer.notBefore || notAfter > issuer.notAfter))
      problems.push('validity is outside the issuer certificate validity');
  }

  const subject = reader.expect(d, validity.end, tbs.end, tag.sequence, 'the subject name');
  const spki = reader.expect(d, subject.end, tbs.end, tag.sequence, 'the subjectPublicKeyInfo');
  const spkiDer = d.subarray(spki.start, spki.end);
  if (!(expect.checkedSpkiDer && bytesEqual(spkiDer, expect.checkedSpkiDer))) {
    try {
      describePublicKey(spkiDer);
    } catch (error) {
      problems.push(`public key: ${(error as Error).message}`);
    }
  }

  // issuerUniqueID [1], subjectUniqueID [2] (RFC 5280 4.1.2.8: CAs must not generate them), extensions [3]
  const byId = new Map<string, ParsedExtension>();
  let pos = spki.end;
  while (pos < tbs.end) {
    const field = reader.read(d, pos, tbs.end, 'the TBSCertificate');
    pos = field.end;
    if (field.tag === 0x81 || field.tag === 0xa1 || field.tag === 0x82 || field.tag === 0xa2) {
      problems.push('unique identifiers must not be present');
      continue;
    }
    if (field.tag !== tag.context3) throw new LintParseError('the TBSCertificate has an unexpected field');
    const list = reader.only(d, field.contentStart, field.end, tag.sequence, 'the extensions');
    if (list.contentStart === list.end) problems.push('the extensions list is empty');
    for (let at = list.contentStart; at < list.end;) {
      const extension = reader.expect(d, at, list.end, tag.sequence, 'an extension');
      at = extension.end;
      const id = reader.expect(d, extension.contentStart, extension.end, tag.oid, 'an extension OID');
      if (!oidIsValid(d, id)) throw new LintParseError('an extension OID is not valid');
      const oid = oidText(d, id);
      let value = reader.read(d, id.end, extension.end, `extension ${oid}`);
      let critical = false;
      if (value.tag === tag.boolean) {
        if (value.end - value.contentStart !== 1 || d[value.contentStart] !== 0xff)
          problems.push(`extension ${oid} encodes its critical flag as other than TRUE (DER omits FALSE)`);
        critical = d[value.contentStart] !== 0;
        value = reader.read(d, value.end, extension.end, `extension ${oid}`);
      }
      if (value.tag !== tag.octetString || value.end !== extension.end)
        throw new LintParseError(`extension ${oid} has no extnValue`);
      if (byId.has(oid)) problems.push(`extension ${oid} appears twice`);
      byId.set(oid, { critical, value });
    }
  }

  /** The single TLV inside an extnValue. */
  const inner = (oid: string, expected: number): Tlv | undefined => {
    const ext = byId.get(oid);
    return ext
      ? reader.only(d, ext.value.contentStart, ext.value.end, expected, `extension ${oid}`)
      : undefined;
  };

  // basicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL }
  const bc = inner(oids.basicConstraints, tag.sequence);
  let isCa = false;
  if (bc && bc.contentStart < bc.end) {
    const first = reader.read(d, bc.contentStart, bc.end, 'basicConstraints');
    if (first.tag === tag.boolean) {
      const cA = readBoolean(d, first);
      isCa = cA === true;
      if (cA === undefined) problems.push('basicConstraints cA is not a DER BOOLEAN (0xff)');
      else if (!cA) problems.push('basicConstraints encodes cA FALSE (DER omits defaults)');
    }
  }
  if (expect.ca) {
    if (!isCa) problems.push('a CA certificate needs basicConstraints cA TRUE');
    if (!byId.get(oids.basicConstraints)?.critical)
      problems.push('basicConstraints must be critical in a CA certificate');
    if (!byId.has(oids.subjectKeyIdentifier)) problems.push('a CA certificate needs a subjectKeyIdentifier');
  } else if (isCa) {
    problems.push('an end-entity certificate must not have cA TRUE');
  }

  const ku = inner(oids.keyUsage, tag.bitString);
  if (!ku) problems.push('keyUsage is missing');
  else {
    if (!byId.get(oids.keyUsage)?.critical) problems.push('keyUsage must be critical');
    const bits = namedBits(d, ku);
    if (!bits) problems.push('keyUsage is not a DER named-bit list');
    else {
      const signsCertificates = bits.includes(keyUsageBit.keyCertSign);
      if (expect.ca && !signsCertificates) problems.push('a CA certificate needs keyCertSign');
      if (!expect.ca && (signsCertificates || bits.includes(keyUsageBit.cRLSign)))
        problems.push('an end-entity certificate must not have keyCertSign or cRLSign');
      if (bits.length === 0) problems.push('keyUsage has no bits set');
    }
  }

  if (!expect.selfSigned) {
    // AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING OPTIONAL, ... }
    const aki = inner(oids.authorityKeyIdentifier, tag.sequence);
    const keyId =
      aki && aki.contentStart < aki.end ? reader.read(d, aki.contentStart, aki.end, 'AKI') : undefined;
    if (!keyId || keyId.tag !== 0x80 || !contentEquals(d, keyId, issuer.keyIdentifier))
      problems.push('authorityKeyIdentifier does not match the issuer key');
  }

  const subjectEmpty = subject.contentStart === subject.end;
  const sanExt = byId.get(oids.subjectAltName);
  if (subjectEmpty && !sanExt) problems.push('an empty subject needs a subjectAltName');
  if (subjectEmpty && sanExt && !sanExt.critical)
    problems.push('subjectAltName must be critical when the subject is empty');
  const san = inner(oids.subjectAltName, tag.sequence);
  if (san && san.contentStart === san.end) problems.push('subjectAltName is empty');

  if (expect.extendedKeyUsage) {
    const eku = inner(oids.extKeyUsage, tag.sequence);
    const usages: string[] = [];
    if (eku) {
      for (let at = eku.contentStart; at < eku.end;) {
        const usage = reader.expect(d, at, eku.end, tag.oid, 'an extended key usage');
        usages.push(oidText(d, usage));
        at = usage.end;
      }
    }
    if (usages.join(',') !== expect.extendedKeyUsage.join(','))
      problems.push('extendedKeyUsage differs from the profile');
    if (Boolean(byId.get(oids.extKeyUsage)?.critical) !== Boolean(expect.extendedKeyUsageCritical)) {
      problems.push('extendedKeyUsage criticality differs from the profile');
    }
  }
}

/** Returns the problems found (empty when the certificate may be signed). */
export function lintTbsCertificate(
  tbsDer: Uint8Array,
  issuer: LintIssuer,
  expect: LintExpectations,
): string[] {
  const problems: string[] = [];
  try {
    lint(tbsDer, issuer, expect, problems);
  } catch (error) {
    if (!(error instanceof LintParseError)) throw error;
    problems.push(`the TBSCertificate does not parse: ${error.message}`);
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
