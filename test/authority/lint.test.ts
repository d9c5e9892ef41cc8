/** The pre-issuance lint: a clean end-entity TBS passes, and each kind of fault is named. */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, it } from 'node:test';
import type { Extension } from '@peculiar/asn1-x509';
import {
  assertLintClean,
  lintTbsCertificate,
  type LintExpectations,
  type LintIssuer,
} from '../../src/authority/lint-certificate.js';
import { encodeTbsCertificate, extensionDer } from '../../src/pki/certificate-assembly.js';
import { der, tag } from '../../src/pki/der.js';
import { encodeName, parseDistinguishedName } from '../../src/pki/distinguished-name.js';
import {
  authorityKeyIdentifier,
  basicConstraints,
  ekus,
  extendedKeyUsage,
  keyIdentifierOf,
  keyUsage,
  subjectAltName,
  subjectKeyIdentifier,
} from '../../src/pki/extensions.js';

const ecdsaSha384 = '1.2.840.10045.4.3.3';
const issuerKey = crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey;
const issuerSpki = new Uint8Array(issuerKey.export({ format: 'der', type: 'spki' }));
const issuer: LintIssuer = {
  subjectDer: encodeName(parseDistinguishedName('CN=Teken Individual CA, O=Teken, C=ID')),
  keyIdentifier: keyIdentifierOf(issuerSpki),
  notBefore: new Date('2026-01-01T00:00:00Z'),
  notAfter: new Date('2036-01-01T00:00:00Z'),
  signatureAlgorithmOid: ecdsaSha384,
};
const leafSpki = new Uint8Array(
  crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'der', type: 'spki' }),
);
const eku = [ekus.emailProtection, ekus.documentSigning];
const expect = { ca: false, extendedKeyUsage: eku, extendedKeyUsageCritical: false };

function extensions(
  overrides: {
    drop?: string;
    add?: (Extension | Uint8Array)[];
    replace?: [string, Extension | Uint8Array];
  } = {},
) {
  const base: [string, Extension | Uint8Array][] = [
    ['bc', basicConstraints(false)],
    ['ku', keyUsage(['digitalSignature', 'nonRepudiation'])],
    ['eku', extendedKeyUsage(eku)],
    ['ski', subjectKeyIdentifier(keyIdentifierOf(leafSpki))],
    ['aki', authorityKeyIdentifier(issuer.keyIdentifier)],
  ];
  return [
    ...base
      .filter(([name]) => name !== overrides.drop)
      .map(([name, ext]) => (overrides.replace?.[0] === name ? overrides.replace[1] : ext)),
    ...(overrides.add ?? []),
  ];
}

function tbs(changes: Partial<Parameters<typeof encodeTbsCertificate>[0]> = {}): Uint8Array {
  return encodeTbsCertificate({
    serial: new Uint8Array(crypto.randomBytes(20).map((b, i) => (i === 0 ? (b & 0x7f) | 1 : b))),
    signatureAlgorithmOid: ecdsaSha384,
    issuerNameDer: issuer.subjectDer,
    subjectNameDer: encodeName(parseDistinguishedName('CN=Budi Santoso, C=ID')),
    spkiDer: leafSpki,
    notBefore: new Date('2026-06-01T00:00:00Z'),
    notAfter: new Date('2028-06-01T00:00:00Z'),
    extensions: extensions(),
    ...changes,
  });
}

function problems(bytes: Uint8Array, expectations: Parameters<typeof lintTbsCertificate>[2] = expect) {
  return lintTbsCertificate(bytes, issuer, expectations);
}

function assertProblem(bytes: Uint8Array, pattern: RegExp, expectations: LintExpectations = expect) {
  const found = problems(bytes, expectations);
  assert.ok(
    found.some((p) => pattern.test(p)),
    `expected a problem matching ${String(pattern)}, got: ${found.join('; ') || '(none)'}`,
  );
}

/** Replaces the first occurrence of `from` in `bytes` by `to` (same length). */
function patch(bytes: Uint8Array, from: Uint8Array, to: Uint8Array): Uint8Array {
  const at = Buffer.from(bytes).indexOf(Buffer.from(from));
  assert.ok(at >= 0, 'the bytes to patch are present');
  const out = bytes.slice();
  out.set(to, at);
  return out;
}

describe('pre-issuance lint', () => {
  it('passes a well-formed end-entity certificate', () => {
    assert.deepEqual(problems(tbs()), []);
    assert.doesNotThrow(() => assertLintClean(tbs(), issuer, expect));
  });

  it('names serial number faults', () => {
    // The encoder refuses a negative serial, so the sign bit is set afterwards.
    const serial = new Uint8Array([0x7f, ...crypto.randomBytes(19)]);
    const negative = patch(
      tbs({ serial }),
      new Uint8Array([0x02, 0x14, ...serial]),
      new Uint8Array([0x02, 0x14, 0x80, ...serial.subarray(1)]),
    );
    assertProblem(negative, /serial number is negative/);
    assert.throws(() => tbs({ serial: new Uint8Array(21).fill(1) }), RangeError);
    const zero = tbs({ serial: new Uint8Array([0]) });
    assertProblem(zero, /serial number is zero/);
    const padded = tbs({ serial: new Uint8Array([0, 0x01]) });
    assertProblem(padded, /not minimally encoded/);
  });

  it('names a signature algorithm and an issuer name that do not match the issuer', () => {
    assertProblem(tbs({ signatureAlgorithmOid: '1.2.840.10045.4.3.2' }), /signature algorithm differs/);
    assertProblem(
      tbs({ issuerNameDer: encodeName(parseDistinguishedName('CN=Other CA, O=Teken, C=ID')) }),
      /issuer name is not byte-identical/,
    );
  });

  it('names validity faults and time encodings', () => {
    assertProblem(tbs({ notAfter: new Date('2026-05-01T00:00:00Z') }), /notBefore is not before notAfter/);
    assertProblem(tbs({ notAfter: new Date('2037-01-01T00:00:00Z') }), /outside the issuer/);
    // A GeneralizedTime for a date before 2050.
    const good = tbs();
    const generalized = new Uint8Array([0x18, 0x0f, ...Buffer.from('20260601000000Z')]);
    const validity = der(
      tag.sequence,
      generalized,
      new Uint8Array([0x17, 0x0d, ...Buffer.from('280601000000Z')]),
    );
    const withValidity = patchValidity(good, validity);
    assertProblem(withValidity, /notBefore before 2050 must be UTCTime/);
    const badDate = der(
      tag.sequence,
      new Uint8Array([0x17, 0x0d, ...Buffer.from('260231000000Z')]),
      new Uint8Array([0x17, 0x0d, ...Buffer.from('280601000000Z')]),
    );
    assertProblem(patchValidity(good, badDate), /notBefore is not a UTCTime or GeneralizedTime/);
  });

  it('names extension faults', () => {
    assertProblem(tbs({ extensions: extensions({ drop: 'ku' }) }), /keyUsage is missing/);
    assertProblem(
      tbs({ extensions: extensions({ replace: ['ku', keyUsage(['digitalSignature', 'keyCertSign'])] }) }),
      /must not have keyCertSign/,
    );
    assertProblem(
      tbs({ extensions: extensions({ replace: ['bc', basicConstraints(true)] }) }),
      /must not have cA TRUE/,
    );
    assertProblem(tbs({ extensions: extensions({ add: [extendedKeyUsage(eku)] }) }), /appears twice/);
    assertProblem(
      tbs({ extensions: extensions({ replace: ['aki', authorityKeyIdentifier(new Uint8Array(20))] }) }),
      /authorityKeyIdentifier does not match/,
    );
    assertProblem(
      tbs({ extensions: extensions({ replace: ['eku', extendedKeyUsage([ekus.serverAuth])] }) }),
      /extendedKeyUsage differs/,
    );
    assertProblem(
      tbs({ extensions: extensions({ replace: ['eku', extendedKeyUsage(eku, true)] }) }),
      /criticality differs/,
    );
    // critical FALSE written out (DER leaves a DEFAULT value out)
    const explicitFalse = der(
      tag.sequence,
      new Uint8Array([0x06, 0x03, 0x55, 0x1d, 0x0e]),
      new Uint8Array([0x01, 0x01, 0x00]),
      der(tag.octetString, der(tag.octetString, new Uint8Array(20).fill(7))),
    );
    assertProblem(
      tbs({ extensions: extensions({ replace: ['ski', explicitFalse] }) }),
      /critical flag as other than TRUE/,
    );
  });

  it('needs a critical subjectAltName when the subject is empty', () => {
    const empty = new Uint8Array([0x30, 0x00]);
    assertProblem(tbs({ subjectNameDer: empty }), /empty subject needs a subjectAltName/);
    const san = subjectAltName([{ type: 'email', value: 'budi@contoh.go.id' }]);
    assertProblem(
      tbs({ subjectNameDer: empty, extensions: extensions({ add: [san] }) }),
      /must be critical when the subject is empty/,
    );
    const criticalSan = subjectAltName([{ type: 'email', value: 'budi@contoh.go.id' }], true);
    assert.deepEqual(
      problems(tbs({ subjectNameDer: empty, extensions: extensions({ add: [criticalSan] }) })),
      [],
    );
  });

  it('checks the public key unless the caller has, and names bytes that do not parse', () => {
    const rsa1024 = new Uint8Array(
      crypto
        .generateKeyPairSync('rsa', { modulusLength: 1024 })
        .publicKey.export({ format: 'der', type: 'spki' }),
    );
    assertProblem(tbs({ spkiDer: rsa1024 }), /public key: RSA keys must have 2048 to 4096 bits/);
    assertProblem(tbs().subarray(0, 100), /does not parse/);
    assertProblem(new Uint8Array([...tbs(), 0]), /trailing data/);
    assert.throws(
      () => assertLintClean(tbs({ spkiDer: rsa1024 }), issuer, expect),
      (error: Error & { code?: string }) => error.code === 'ERR_CERT_LINT_FAILED',
    );
  });

  it('checks what a CA certificate needs', () => {
    const caTbs = tbs({
      extensions: [
        extensionDer(basicConstraints(true, 0)),
        keyUsage(['keyCertSign', 'cRLSign']),
        subjectKeyIdentifier(keyIdentifierOf(leafSpki)),
        authorityKeyIdentifier(issuer.keyIdentifier),
      ],
    });
    assert.deepEqual(problems(caTbs, { ca: true }), []);
    assertProblem(tbs(), /a CA certificate needs basicConstraints cA TRUE/, { ca: true });
    assertProblem(tbs(), /a CA certificate needs keyCertSign/, { ca: true });
  });
});

/** `tbs` with its Validity SEQUENCE replaced (lengths re-written). */
function patchValidity(tbsDer: Uint8Array, validity: Uint8Array): Uint8Array {
  // Walk the TBS: SEQUENCE { [0] version, serial, signature, issuer, validity, ... }
  const content = readContent(tbsDer);
  const parts: Uint8Array[] = [];
  let pos = 0;
  let index = 0;
  while (pos < content.length) {
    const length = tlvLength(content, pos);
    parts.push(index === 4 ? validity : content.subarray(pos, pos + length));
    pos += length;
    index++;
  }
  return der(tag.sequence, ...parts);
}

function readContent(bytes: Uint8Array): Uint8Array {
  const first = bytes[1]!;
  const headerLength = first & 0x80 ? 2 + (first & 0x7f) : 2;
  return bytes.subarray(headerLength);
}

function tlvLength(bytes: Uint8Array, pos: number): number {
  const first = bytes[pos + 1]!;
  if (!(first & 0x80)) return 2 + first;
  const count = first & 0x7f;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + bytes[pos + 2 + i]!;
  return 2 + count + length;
}
