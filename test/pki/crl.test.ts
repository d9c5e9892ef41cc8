// node:test tracks the promises that describe() and it() return; nothing here needs to await them.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import * as asn1js from 'asn1js';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  AuthorityKeyIdentifier,
  CRLReason,
  Extension,
  InvalidityDate,
  KeyIdentifier,
  Name,
  RevokedCertificate,
  TBSCertList,
  Time,
  Version,
} from '@peculiar/asn1-x509';
import { signatureAlgorithmOf, type Signer } from '../../src/pki/signer.js';
import { keyObjectSigner } from '../../src/keys/software-backend.js';
import { toPem } from '../../src/pki/certificate-assembly.js';
import { encodeCrl, type CrlEntry, type CrlInput } from '../../src/pki/crl.js';
import { randomSerial, serialHexToInteger, serialToHex } from '../../src/pki/serial-number.js';
import { x509 } from '../../src/pki/x509.js';
import { openssl, runTool } from '../helpers/run-tool.js';
import { tmpDir } from '../helpers/tmp-dir.js';

x509.cryptoProvider.set(crypto.webcrypto);

type TestAlgorithm = 'rsa2048' | 'p256';

const keyParams = {
  rsa2048: {
    name: 'RSASSA-PKCS1-v1_5',
    hash: 'SHA-256',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
  },
  p256: { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' },
} satisfies Record<
  TestAlgorithm,
  crypto.webcrypto.RsaHashedKeyGenParams | (crypto.webcrypto.EcKeyGenParams & { hash: string })
>;

interface TestCa {
  algorithm: TestAlgorithm;
  caPem: string;
  issuerNameDer: Uint8Array;
  keyIdentifier: Uint8Array;
  signingKey: Signer;
  /** Issues a leaf with a fresh random serial, with a cRLDistributionPoints URI when given. */
  issue(crlUrl?: string): Promise<{ pem: string; serialHex: string }>;
}

async function makeCa(algorithm: TestAlgorithm): Promise<TestCa> {
  const signingAlgorithm = keyParams[algorithm];
  const caKeys = await crypto.webcrypto.subtle.generateKey(signingAlgorithm, true, ['sign', 'verify']);
  const notBefore = new Date(Date.now() - 3_600_000);
  const notAfter = new Date(Date.now() + 86_400_000);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=Teken CRL Test CA, O=Teken',
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const ski = ca.getExtension(x509.SubjectKeyIdentifierExtension);
  assert.ok(ski);
  return {
    algorithm,
    caPem: ca.toString('pem'),
    issuerNameDer: new Uint8Array(ca.subjectName.toArrayBuffer()),
    keyIdentifier: new Uint8Array(Buffer.from(ski.keyId, 'hex')),
    signingKey: keyObjectSigner('test-ca', algorithm, crypto.KeyObject.from(caKeys.privateKey)),
    async issue(crlUrl) {
      const serialHex = serialToHex(randomSerial());
      const leafKeys = await crypto.webcrypto.subtle.generateKey(keyParams.p256, true, ['sign', 'verify']);
      const leaf = await x509.X509CertificateGenerator.create({
        serialNumber: serialHex,
        subject: `CN=${serialHex.slice(0, 8)}.example.test`,
        issuer: ca.subject,
        notBefore,
        notAfter,
        publicKey: leafKeys.publicKey,
        signingKey: caKeys.privateKey,
        signingAlgorithm,
        extensions: [
          new x509.BasicConstraintsExtension(false, undefined, true),
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
          await x509.AuthorityKeyIdentifierExtension.create(ca),
          ...(crlUrl ? [new x509.CRLDistributionPointsExtension([crlUrl])] : []),
        ],
      });
      return { pem: leaf.toString('pem'), serialHex };
    },
  };
}

function baseInput(ca: TestCa, entries: Iterable<CrlEntry>): CrlInput {
  return {
    issuerNameDer: ca.issuerNameDer,
    issuerKeyIdentifier: ca.keyIdentifier,
    crlNumber: 1234n,
    thisUpdate: new Date(Date.now() - 60_000),
    nextUpdate: new Date(Date.now() + 7 * 86_400_000),
    entries,
    signingKey: ca.signingKey,
  };
}

function write(dir: string, name: string, data: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

function verifyWithCrl(caFile: string, crlPemFile: string, leafFile: string) {
  return runTool('openssl', ['verify', '-crl_check', '-CAfile', caFile, '-CRLfile', crlPemFile, leafFile]);
}

/** The TLVs of a DER SEQUENCE, by asn1js. */
function children(block: asn1js.AsnType): asn1js.AsnType[] {
  assert.ok(block instanceof asn1js.Constructed, 'not a constructed type');
  return block.valueBlock.value;
}

function parseDer(der: Uint8Array): asn1js.AsnType {
  const parsed = asn1js.fromBER(der);
  assert.equal(parsed.offset, der.length, 'trailing or missing bytes');
  assert.notEqual(parsed.offset, -1, parsed.result.error);
  return parsed.result;
}

/** [TBSCertList, signatureAlgorithm, signatureValue] of a CRL, and the TBS fields. */
function crlParts(der: Uint8Array) {
  const [tbs, algorithm, signature] = children(parseDer(der));
  assert.ok(tbs && algorithm && signature);
  return { tbs, fields: children(tbs), algorithm, signature };
}

function truncateToSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

// The library encoding the fast entry writer is checked against.
function libraryEntry(entry: CrlEntry): RevokedCertificate {
  const hex = entry.serialHex.length % 2 === 1 ? '0' + entry.serialHex : entry.serialHex;
  const extensions: Extension[] = [];
  if (entry.reason !== undefined && entry.reason !== 0) {
    extensions.push(
      new Extension({
        extnID: '2.5.29.21',
        critical: false,
        extnValue: new OctetString(AsnConvert.serialize(new CRLReason(entry.reason))),
      }),
    );
  }
  if (entry.invalidityDate) {
    extensions.push(
      new Extension({
        extnID: '2.5.29.24',
        critical: false,
        extnValue: new OctetString(
          AsnConvert.serialize(new InvalidityDate(truncateToSeconds(entry.invalidityDate))),
        ),
      }),
    );
  }
  return new RevokedCertificate({
    userCertificate: serialHexToInteger(hex).slice().buffer,
    revocationDate: new Time(entry.revokedAt),
    crlEntryExtensions: extensions.length > 0 ? extensions : undefined,
  });
}

function libraryTbs(input: CrlInput, entries: CrlEntry[]): Uint8Array {
  const oid = signatureAlgorithmOf[input.signingKey.algorithm].oid;
  const tbs = new TBSCertList({
    version: Version.v2,
    signature: new AlgorithmIdentifier(
      input.signingKey.algorithm.startsWith('rsa')
        ? { algorithm: oid, parameters: null }
        : { algorithm: oid },
    ),
    issuer: AsnConvert.parse(input.issuerNameDer, Name),
    thisUpdate: new Time(input.thisUpdate),
    nextUpdate: new Time(input.nextUpdate),
    revokedCertificates: entries.length > 0 ? entries.map(libraryEntry) : undefined,
    crlExtensions: [
      new Extension({
        extnID: '2.5.29.35',
        critical: false,
        extnValue: new OctetString(
          AsnConvert.serialize(
            new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(input.issuerKeyIdentifier) }),
          ),
        ),
      }),
      new Extension({
        extnID: '2.5.29.20',
        critical: false,
        extnValue: new OctetString(asn1js.Integer.fromBigInt(input.crlNumber).toBER()),
      }),
    ],
  });
  return new Uint8Array(AsnConvert.serialize(tbs));
}

function randomDate(fromYear: number, toYear: number): Date {
  const from = Date.UTC(fromYear, 0, 1);
  const to = Date.UTC(toYear, 0, 1);
  return new Date(from + Math.floor(Math.random() * (to - from)));
}

function randomEntry(): CrlEntry {
  const bytes = crypto.randomBytes(1 + crypto.randomInt(20));
  if (bytes[0] === 0) bytes[0] = 1 + crypto.randomInt(255);
  let serialHex = bytes.toString('hex');
  // Both spellings of a value under 0x10 in its first byte: "0a…" and "a…".
  if (serialHex.startsWith('0') && crypto.randomInt(2) === 0) serialHex = serialHex.slice(1);
  const reasons = [undefined, 0, 1, 2, 3, 4, 5, 6, 8, 9, 10];
  return {
    serialHex,
    revokedAt: randomDate(1950, 2150),
    reason: reasons[crypto.randomInt(reasons.length)],
    invalidityDate: crypto.randomInt(2) === 0 ? randomDate(1950, 2150) : undefined,
  };
}

const edgeEntries: CrlEntry[] = [
  { serialHex: '01', revokedAt: new Date('2049-12-31T23:59:59.999Z') },
  { serialHex: '7f', revokedAt: new Date('2050-01-01T00:00:00Z'), reason: 1 },
  { serialHex: '80', revokedAt: new Date('1950-01-01T00:00:00Z'), reason: 10 },
  { serialHex: 'f', revokedAt: new Date('9999-12-31T23:59:59Z'), reason: 0 },
  { serialHex: 'ff'.repeat(20), revokedAt: new Date(), invalidityDate: new Date('2049-06-01T12:00:00.5Z') },
  { serialHex: '7f' + 'ff'.repeat(19), revokedAt: new Date(), reason: 6, invalidityDate: new Date(0) },
  { serialHex: 'abc', revokedAt: new Date('2024-02-29T01:02:03Z'), reason: 8 },
];

describe('CRL encoding', () => {
  const dir = tmpDir('teken-crl-');

  for (const algorithm of ['p256', 'rsa2048'] as const) {
    describe(algorithm, () => {
      const ca = makeCa(algorithm);

      it('is a signed v2 CRL that OpenSSL verifies and uses to reject the revoked certificate only', async () => {
        const testCa = await ca;
        const revoked = await testCa.issue();
        const good = await testCa.issue();
        const revokedAt = new Date(Date.now() - 30_000);
        const invalidityDate = new Date('2024-03-05T06:07:08Z');
        const der = await encodeCrl({
          ...baseInput(testCa, [{ serialHex: revoked.serialHex, revokedAt, reason: 1, invalidityDate }]),
          crlNumber: 4242n,
        });

        const caFile = write(dir, `${algorithm}-ca.pem`, testCa.caPem);
        const crlDer = write(dir, `${algorithm}-crl.der`, der);
        const crlPem = write(dir, `${algorithm}-crl.pem`, toPem(der, 'X509 CRL'));
        const revokedFile = write(dir, `${algorithm}-revoked.pem`, revoked.pem);
        const goodFile = write(dir, `${algorithm}-good.pem`, good.pem);

        const verified = openssl([
          'crl',
          '-in',
          crlDer,
          '-inform',
          'DER',
          '-CAfile',
          caFile,
          '-noout',
          '-verify',
        ]);
        assert.match(verified, /verify OK/);

        const text = openssl(['crl', '-in', crlDer, '-inform', 'DER', '-noout', '-text']);
        assert.match(text, /Version 2 \(0x1\)/);
        assert.match(text, new RegExp(`Signature Algorithm: ${signatureAlgorithmOf[algorithm].name}`));
        assert.match(text, /Issuer: CN = Teken CRL Test CA, O = Teken/);
        assert.match(text, /X509v3 CRL Number: *\n *4242\n/);
        const keyId = Buffer.from(testCa.keyIdentifier)
          .toString('hex')
          .toUpperCase()
          .replace(/(..)(?!$)/g, '$1:');
        assert.match(text, new RegExp(`X509v3 Authority Key Identifier: *\\n *(keyid:)?${keyId}\\n`));
        assert.match(text, new RegExp(`Serial Number: ${revoked.serialHex.toUpperCase()}\\n`));
        assert.match(text, /X509v3 CRL Reason Code: *\n *Key Compromise\n/);
        assert.match(text, /Invalidity Date: *\n *Mar {2}5 06:07:08 2024 GMT\n/);
        assert.equal(text.match(/Serial Number:/g)?.length, 1);
        // Both extensions are non-critical.
        assert.doesNotMatch(text, /critical/);

        const rejected = verifyWithCrl(caFile, crlPem, revokedFile);
        assert.notEqual(rejected.status, 0, rejected.stdout);
        assert.match(rejected.stdout + rejected.stderr, /certificate revoked/);
        const accepted = verifyWithCrl(caFile, crlPem, goodFile);
        assert.equal(accepted.status, 0, accepted.stdout + accepted.stderr);
        assert.match(accepted.stdout, /: OK\n/);

        // Signature algorithm: NULL parameters for RSA, none for ECDSA (in both places).
        const parsed = openssl(['asn1parse', '-inform', 'DER', '-in', crlDer]);
        const nullAfterOid = new RegExp(`:${signatureAlgorithmOf[algorithm].name}\\s*\\n.*prim: NULL`, 'g');
        assert.equal(parsed.match(nullAfterOid)?.length ?? 0, algorithm === 'rsa2048' ? 2 : 0, parsed);
      });

      it('matches the library encoding byte for byte, entry by entry, on random entries', async () => {
        const testCa = await ca;
        const entries = [...edgeEntries, ...Array.from({ length: 300 }, randomEntry)];
        for (const crlNumber of [0n, 128n, (1n << 159n) - 1n]) {
          const input = { ...baseInput(testCa, entries), crlNumber };
          const der = await encodeCrl(input);
          const { tbs, fields, algorithm: signatureAlgorithm, signature } = crlParts(der);

          const revokedCertificates = fields[5];
          assert.ok(revokedCertificates);
          const encodedEntries = children(revokedCertificates);
          assert.equal(encodedEntries.length, entries.length);
          encodedEntries.forEach((encoded, i) => {
            const expected = Buffer.from(AsnConvert.serialize(libraryEntry(entries[i]!)));
            assert.deepEqual(
              Buffer.from(encoded.valueBeforeDecodeView),
              expected,
              `entry ${i}: ${JSON.stringify(entries[i])}`,
            );
          });
          // And the whole TBSCertList, header fields and CRL extensions included.
          assert.deepEqual(Buffer.from(tbs.valueBeforeDecodeView), Buffer.from(libraryTbs(input, entries)));
          assert.deepEqual(
            Buffer.from(signatureAlgorithm.valueBeforeDecodeView),
            Buffer.from(children(tbs)[1]!.valueBeforeDecodeView),
          );

          assert.ok(signature instanceof asn1js.BitString);
          assert.equal(signature.valueBlock.unusedBits, 0);
          const publicKey = crypto.createPublicKey({
            key: Buffer.from(testCa.signingKey.publicKeyDer),
            format: 'der',
            type: 'spki',
          });
          assert.ok(
            crypto.verify(
              signatureAlgorithmOf[algorithm].hash,
              tbs.valueBeforeDecodeView,
              { key: publicKey, dsaEncoding: 'der' },
              signature.valueBlock.valueHexView,
            ),
            'the signature does not verify',
          );
        }
      });
    });
  }

  it('leaves out revokedCertificates when there are no entries, and OpenSSL accepts it', async () => {
    const testCa = await makeCa('p256');
    const good = await testCa.issue();
    const input = baseInput(testCa, []);
    const der = await encodeCrl(input);
    const { tbs, fields } = crlParts(der);
    // version, signature, issuer, thisUpdate, nextUpdate, [0] crlExtensions
    assert.equal(fields.length, 6);
    assert.equal(fields[5]!.idBlock.tagClass, 3);
    assert.deepEqual(Buffer.from(tbs.valueBeforeDecodeView), Buffer.from(libraryTbs(input, [])));

    const caFile = write(dir, 'empty-ca.pem', testCa.caPem);
    const crlDer = write(dir, 'empty-crl.der', der);
    const crlPem = write(dir, 'empty-crl.pem', toPem(der, 'X509 CRL'));
    assert.match(
      openssl(['crl', '-in', crlDer, '-inform', 'DER', '-CAfile', caFile, '-noout', '-verify']),
      /verify OK/,
    );
    assert.match(
      openssl(['crl', '-in', crlDer, '-inform', 'DER', '-noout', '-text']),
      /No Revoked Certificates/,
    );
    const accepted = verifyWithCrl(caFile, crlPem, write(dir, 'empty-good.pem', good.pem));
    assert.equal(accepted.status, 0, accepted.stdout + accepted.stderr);
  });

  it('uses GeneralizedTime from 2050 and UTCTime before', async () => {
    const testCa = await makeCa('p256');
    const der = await encodeCrl({
      ...baseInput(testCa, [
        { serialHex: '0a', revokedAt: new Date('2049-12-31T23:59:59.900Z') },
        {
          serialHex: '0b',
          revokedAt: new Date('2050-01-01T00:00:00Z'),
          invalidityDate: new Date('2030-01-01Z'),
        },
      ]),
      thisUpdate: new Date('2049-06-30T12:00:00Z'),
      nextUpdate: new Date('2051-01-01T00:00:00Z'),
    });
    const file = write(dir, 'y2050-crl.der', der);
    const lines = openssl(['asn1parse', '-inform', 'DER', '-in', file])
      .split('\n')
      .filter((line) => /TIME/.test(line))
      .map((line) =>
        line
          .replace(/^.*prim: /, '')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    assert.deepEqual(lines, [
      'UTCTIME :490630120000Z', // thisUpdate
      'GENERALIZEDTIME :20510101000000Z', // nextUpdate
      'UTCTIME :491231235959Z', // first revocationDate
      'GENERALIZEDTIME :20500101000000Z', // second revocationDate
    ]);
    // The invalidity date is always a GeneralizedTime, inside its OCTET STRING.
    const { fields } = crlParts(der);
    const second = children(fields[5]!)[1]!;
    assert.ok(
      Buffer.from(second.valueBeforeDecodeView).includes(Buffer.from('\x18\x0f20300101000000Z', 'latin1')),
    );
    const text = openssl(['crl', '-in', file, '-inform', 'DER', '-noout', '-text']);
    assert.match(text, /Next Update: Jan {2}1 00:00:00 2051 GMT/);
  });

  it('streams a large generator across event-loop yields and keeps the order', async () => {
    const testCa = await makeCa('p256');
    const count = 70_000;
    function* entries(): Generator<CrlEntry> {
      for (let i = 1; i <= count; i++) {
        yield {
          serialHex: (0x1000000 + i).toString(16).padStart(8, '0'),
          revokedAt: new Date(1_700_000_000_000 + i * 1000),
          reason: i % 11 === 7 ? 1 : i % 11,
        };
      }
    }
    const der = await encodeCrl(baseInput(testCa, entries()));
    const caFile = write(dir, 'stream-ca.pem', testCa.caPem);
    const crlFile = write(dir, 'stream-crl.der', der);
    assert.match(
      openssl(['crl', '-in', crlFile, '-inform', 'DER', '-CAfile', caFile, '-noout', '-verify']),
      /verify OK/,
    );
    const serials = [
      ...openssl(['crl', '-in', crlFile, '-inform', 'DER', '-noout', '-text']).matchAll(
        /Serial Number: (\w+)/g,
      ),
    ].map((match) => match[1]);
    assert.equal(serials.length, count);
    assert.equal(serials[0], '01000001');
    assert.equal(serials[count - 1], (0x1000000 + count).toString(16).toUpperCase().padStart(8, '0'));

    // An invalid entry after the first yield still fails the whole CRL.
    function* badTail(): Generator<CrlEntry> {
      yield* entries();
      yield { serialHex: '00ff', revokedAt: new Date() };
    }
    await assert.rejects(encodeCrl(baseInput(testCa, badTail())), {
      code: 'ERR_INPUT_INVALID',
      message: /CRL entry #70000 \(serial "00ff"\)/,
    });
  });

  it('adds a critical issuingDistributionPoint that OpenSSL -crl_check honours', async () => {
    const testCa = await makeCa('p256');
    const url = 'http://crl.example.test/teken-ca.crl';
    const revoked = await testCa.issue(url);
    const good = await testCa.issue(url);
    const elsewhere = await testCa.issue('http://crl.example.test/other.crl');
    const der = await encodeCrl({
      ...baseInput(testCa, [
        { serialHex: revoked.serialHex, revokedAt: new Date(Date.now() - 1000), reason: 4 },
      ]),
      issuingDistributionPoint: url,
    });
    const caFile = write(dir, 'idp-ca.pem', testCa.caPem);
    const crlDer = write(dir, 'idp-crl.der', der);
    const crlPem = write(dir, 'idp-crl.pem', toPem(der, 'X509 CRL'));
    assert.match(
      openssl(['crl', '-in', crlDer, '-inform', 'DER', '-CAfile', caFile, '-noout', '-verify']),
      /verify OK/,
    );
    const text = openssl(['crl', '-in', crlDer, '-inform', 'DER', '-noout', '-text']);
    assert.match(
      text,
      /X509v3 Issuing Distribution Point: critical\n *Full Name:\n *URI:http:\/\/crl\.example\.test\/teken-ca\.crl\n/,
    );
    assert.doesNotMatch(text, /Only (User|CA|Attribute)/);
    assert.match(text, /Superseded/);

    const rejected = verifyWithCrl(caFile, crlPem, write(dir, 'idp-revoked.pem', revoked.pem));
    assert.notEqual(rejected.status, 0);
    assert.match(rejected.stdout + rejected.stderr, /certificate revoked/);
    const accepted = verifyWithCrl(caFile, crlPem, write(dir, 'idp-good.pem', good.pem));
    assert.equal(accepted.status, 0, accepted.stdout + accepted.stderr);
    // A certificate that points at another CRL is out of this CRL's scope: OpenSSL finds no CRL for it.
    const outOfScope = verifyWithCrl(caFile, crlPem, write(dir, 'idp-elsewhere.pem', elsewhere.pem));
    assert.notEqual(outOfScope.status, 0);
    assert.match(outOfScope.stdout + outOfScope.stderr, /different CRL scope/);
  });

  describe('rejects invalid input with ERR_INPUT_INVALID, before signing', () => {
    const ca = makeCa('p256');
    const entry: CrlEntry = { serialHex: '1234', revokedAt: new Date('2024-01-01Z') };
    const badEntries: [string, Partial<CrlEntry> | null, RegExp][] = [
      ['an empty serial', { serialHex: '' }, /serialHex is empty/],
      ['an upper-case serial', { serialHex: 'ABCD' }, /lower-case hexadecimal/],
      ['a non-hex serial', { serialHex: '12g4' }, /lower-case hexadecimal/],
      ['a serial with colons', { serialHex: '12:34' }, /lower-case hexadecimal/],
      ['a serial with a 0x prefix', { serialHex: '0x1234' }, /lower-case hexadecimal/],
      ['a zero serial', { serialHex: '00' }, /positive/],
      ['a one-digit zero serial', { serialHex: '0' }, /positive/],
      ['a serial with a leading 00', { serialHex: '00ff' }, /leading zeros/],
      ['an odd serial with a leading 0', { serialHex: '0ff' }, /leading zeros/],
      ['a 21-byte serial', { serialHex: '01' + 'ff'.repeat(20) }, /longer than 20 bytes/],
      ['a serial that is not a string', { serialHex: 1234 as unknown as string }, /must be a string/],
      ['reason 7', { reason: 7 }, /reason 7 is not an RFC 5280 CRLReason/],
      ['reason 11', { reason: 11 }, /reason 11/],
      ['reason -1', { reason: -1 }, /reason -1/],
      ['reason 1.5', { reason: 1.5 }, /reason 1.5/],
      ['an invalid revocation date', { revokedAt: new Date(Number.NaN) }, /revokedAt is not a valid date/],
      [
        'a revocation date before 1950',
        { revokedAt: new Date('1949-12-31T23:59:59Z') },
        /revokedAt .*1950 to 9999/,
      ],
      [
        'a string revocation date',
        { revokedAt: '2024-01-01' as unknown as Date },
        /revokedAt is not a valid date/,
      ],
      [
        'an invalid invalidity date',
        { invalidityDate: new Date('nope') },
        /invalidityDate is not a valid date/,
      ],
      [
        'an invalidity date after 9999',
        { invalidityDate: new Date('+010000-01-01T00:00:00Z') },
        /1950 to 9999/,
      ],
    ];
    for (const [name, change, message] of badEntries) {
      it(`an entry with ${name}`, async () => {
        const { signingKey, ...rest } = baseInput(await ca, []);
        let signed = false;
        const spy: Signer = { ...signingKey, sign: (data) => ((signed = true), signingKey.sign(data)) };
        const entries = [entry, entry, { ...entry, ...change }];
        await assert.rejects(encodeCrl({ ...rest, signingKey: spy, entries }), (error: unknown) => {
          assert.ok(error instanceof Error);
          assert.equal((error as { code?: string }).code, 'ERR_INPUT_INVALID');
          assert.match(error.message, /^CRL entry #2\b/);
          assert.match(error.message, message);
          return true;
        });
        assert.equal(signed, false);
      });
    }

    const badInputs: [string, (input: CrlInput) => CrlInput, RegExp][] = [
      [
        'a null entry',
        (i) => ({ ...i, entries: [null as unknown as CrlEntry] }),
        /CRL entry #0 is not an object/,
      ],
      [
        'an issuer name that is not DER',
        (i) => ({ ...i, issuerNameDer: new Uint8Array([0x30, 0x03, 0x31]) }),
        /issuerNameDer/,
      ],
      [
        'an issuer name with trailing bytes',
        (i) => ({ ...i, issuerNameDer: new Uint8Array([...i.issuerNameDer, 0]) }),
        /issuerNameDer/,
      ],
      [
        'an empty key identifier',
        (i) => ({ ...i, issuerKeyIdentifier: new Uint8Array() }),
        /issuerKeyIdentifier/,
      ],
      ['a negative CRL number', (i) => ({ ...i, crlNumber: -1n }), /crlNumber/],
      ['a 21-octet CRL number', (i) => ({ ...i, crlNumber: 1n << 159n }), /crlNumber/],
      ['a numeric CRL number', (i) => ({ ...i, crlNumber: 5 as unknown as bigint }), /crlNumber/],
      ['an invalid thisUpdate', (i) => ({ ...i, thisUpdate: new Date(Number.NaN) }), /thisUpdate/],
      [
        'nextUpdate equal to thisUpdate',
        (i) => ({ ...i, nextUpdate: new Date(i.thisUpdate.getTime() + 1) }),
        /nextUpdate/,
      ],
      [
        'nextUpdate before thisUpdate',
        (i) => ({ ...i, nextUpdate: new Date(i.thisUpdate.getTime() - 86_400_000) }),
        /nextUpdate/,
      ],
      [
        'a relative IDP URL',
        (i) => ({ ...i, issuingDistributionPoint: '/crl/ca.crl' }),
        /issuingDistributionPoint/,
      ],
      [
        'a non-ASCII IDP URL',
        (i) => ({ ...i, issuingDistributionPoint: 'http://crl.example.test/ä.crl' }),
        /issuingDistributionPoint/,
      ],
      [
        'an unknown key algorithm',
        (i) => ({ ...i, signingKey: { ...i.signingKey, algorithm: 'ed25519' as 'p256' } }),
        /algorithm/,
      ],
    ];
    for (const [name, change, message] of badInputs) {
      it(`an input with ${name}`, async () => {
        const input = baseInput(await ca, [entry]);
        input.thisUpdate = truncateToSeconds(input.thisUpdate);
        await assert.rejects(encodeCrl(change(input)), { code: 'ERR_INPUT_INVALID', message });
      });
    }
  });
});
