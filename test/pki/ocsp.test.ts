import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { isTekenError } from '../../src/errors/teken-error.js';
import type { Signer } from '../../src/pki/signer.js';
import { keyObjectSigner } from '../../src/keys/software-backend.js';
import {
  buildOcspResponse,
  certIdFor,
  locatePlainCertId,
  ocspErrorResponse,
  parseOcspRequest,
  type OcspCertId,
  type OcspCertStatus,
  type OcspResponderInput,
} from '../../src/pki/ocsp.js';
import { randomSerial, serialToHex } from '../../src/pki/serial-number.js';
import { x509 } from '../../src/pki/x509.js';
import { openssl, runTool } from '../helpers/run-tool.js';
import { tmpDir } from '../helpers/tmp-dir.js';

x509.cryptoProvider.set(crypto.webcrypto);

type TestAlgorithm = 'p256' | 'rsa2048';

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

const ocspSigning = '1.3.6.1.5.5.7.3.9';
const ocspNoCheck = '1.3.6.1.5.5.7.48.1.5';

interface Leaf {
  file: string;
  serialHex: string;
}

interface Responder extends OcspResponderInput {
  certificate: x509.X509Certificate;
}

interface TestPki {
  dir: string;
  caFile: string;
  caNameDer: Uint8Array;
  caSpkiDer: Uint8Array;
  responder: Responder;
  /** An OCSP signing certificate from another CA. */
  rogue: Responder;
  leaves: [Leaf, Leaf];
}

function generateKeys(algorithm: TestAlgorithm): Promise<crypto.webcrypto.CryptoKeyPair> {
  return crypto.webcrypto.subtle.generateKey(keyParams[algorithm], true, ['sign', 'verify']);
}

async function makePki(algorithm: TestAlgorithm): Promise<TestPki> {
  const dir = tmpDir();
  const signingAlgorithm = keyParams[algorithm];
  const notBefore = new Date(Date.now() - 3_600_000);
  const notAfter = new Date(Date.now() + 86_400_000);

  async function selfSigned(name: string) {
    const keys = await generateKeys(algorithm);
    const certificate = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: serialToHex(randomSerial()),
      name,
      notBefore,
      notAfter,
      keys,
      signingAlgorithm,
      extensions: [
        new x509.BasicConstraintsExtension(true, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ],
    });
    return { keys, certificate };
  }

  async function issue(
    ca: { keys: crypto.webcrypto.CryptoKeyPair; certificate: x509.X509Certificate },
    subject: string,
    extensions: x509.Extension[],
  ) {
    const keys = await generateKeys(algorithm);
    const serialHex = serialToHex(randomSerial());
    const certificate = await x509.X509CertificateGenerator.create({
      serialNumber: serialHex,
      subject,
      issuer: ca.certificate.subject,
      notBefore,
      notAfter,
      publicKey: keys.publicKey,
      signingKey: ca.keys.privateKey,
      signingAlgorithm,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        await x509.AuthorityKeyIdentifierExtension.create(ca.certificate),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
        ...extensions,
      ],
    });
    return { keys, certificate, serialHex };
  }

  async function responderFor(ca: Awaited<ReturnType<typeof selfSigned>>, name: string): Promise<Responder> {
    const { keys, certificate } = await issue(ca, name, [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([ocspSigning]),
      new x509.Extension(ocspNoCheck, false, new Uint8Array([0x05, 0x00])),
    ]);
    const privateKey = crypto.KeyObject.from(keys.privateKey);
    const key: Signer = keyObjectSigner(`${name}-key`, algorithm, privateKey);
    return { key, certificateDer: new Uint8Array(certificate.rawData), certificate };
  }

  const ca = await selfSigned('CN=Teken OCSP Test CA');
  const rogueCa = await selfSigned('CN=Rogue CA');
  const leaves = [];
  for (const n of [1, 2]) {
    const leaf = await issue(ca, `CN=leaf${n}.example.test`, [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    ]);
    const file = path.join(dir, `leaf${n}.pem`);
    fs.writeFileSync(file, leaf.certificate.toString('pem'));
    leaves.push({ file, serialHex: leaf.serialHex });
  }
  const caFile = path.join(dir, 'ca.pem');
  fs.writeFileSync(caFile, ca.certificate.toString('pem'));
  return {
    dir,
    caFile,
    caNameDer: new Uint8Array(ca.certificate.subjectName.toArrayBuffer()),
    caSpkiDer: new Uint8Array(ca.certificate.publicKey.rawData),
    responder: await responderFor(ca, 'CN=Teken OCSP Responder'),
    rogue: await responderFor(rogueCa, 'CN=Rogue OCSP Responder'),
    leaves: [leaves[0]!, leaves[1]!],
  };
}

/** `openssl ocsp` request for the given certificates; returns the DER and OpenSSL's own reading of it. */
function opensslRequest(pki: TestPki, name: string, args: string[]): { der: Uint8Array; text: string } {
  const file = path.join(pki.dir, name);
  const text = openssl(['ocsp', '-issuer', pki.caFile, ...args, '-reqout', file, '-req_text']);
  return { der: new Uint8Array(fs.readFileSync(file)), text };
}

/** The Certificate IDs as `openssl ocsp -req_text` prints them. */
function opensslCertIds(text: string) {
  const pattern =
    /Hash Algorithm: (\S+)\s+Issuer Name Hash: ([0-9A-F]+)\s+Issuer Key Hash: ([0-9A-F]+)\s+Serial Number: ([0-9A-F]+)/g;
  return [...text.matchAll(pattern)].map((m) => ({
    hashAlgorithm: m[1],
    issuerNameHash: m[2]!.toLowerCase(),
    issuerKeyHash: m[3]!.toLowerCase(),
    serialHex: m[4]!.toLowerCase(),
  }));
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

function sameCertId(actual: OcspCertId, expected: OcspCertId): void {
  assert.equal(actual.hashAlgorithm, expected.hashAlgorithm);
  assert.equal(actual.hashAlgorithmOid, expected.hashAlgorithmOid);
  assert.equal(hex(actual.issuerNameHash), hex(expected.issuerNameHash));
  assert.equal(hex(actual.issuerKeyHash), hex(expected.issuerKeyHash));
  assert.equal(actual.serialHex, expected.serialHex);
  // OpenSSL writes NULL hash parameters, as certIdFor does, so the CertIDs are the same bytes.
  assert.equal(hex(actual.raw), hex(expected.raw));
}

function writeResponse(pki: TestPki, name: string, der: Uint8Array): string {
  const file = path.join(pki.dir, name);
  fs.writeFileSync(file, der);
  return file;
}

/** OpenSSL's standard response verification against the CA, looking up each leaf's status. */
function opensslVerify(pki: TestPki, responseFile: string, leaves: Leaf[], extra: string[] = []) {
  const result = runTool('openssl', [
    'ocsp',
    ...['-respin', responseFile, '-CAfile', pki.caFile, '-issuer', pki.caFile],
    ...extra, // a digest option must come before -cert
    ...leaves.flatMap((leaf) => ['-cert', leaf.file]),
    '-no_nonce',
  ]);
  return { ...result, output: result.stdout + result.stderr };
}

function assertInvalid(der: Uint8Array, label: string): void {
  assert.throws(
    () => parseOcspRequest(der),
    (error: unknown) => {
      assert.ok(isTekenError(error, 'ERR_INPUT_INVALID'), `${label}: threw ${String(error)}`);
      return true;
    },
    `${label}: was accepted`,
  );
}

/** A DER TLV, for crafting requests OpenSSL will not write. */
function tlv(tagByte: number, ...content: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(content);
  const length =
    body.length < 0x80
      ? [body.length]
      : body.length < 0x100
        ? [0x81, body.length]
        : [0x82, body.length >> 8, body.length & 0xff];
  return new Uint8Array(Buffer.concat([Buffer.from([tagByte, ...length]), body]));
}

const leafOf = (pki: TestPki) => pki.leaves[0];
const bytes = (value: string) => new Uint8Array(Buffer.from(value.replace(/\s/g, ''), 'hex'));
const oidNonce = bytes('06092b0601050507300102');
const oidSha1 = bytes('06052b0e03021a');

/** OCSPRequest { TBSRequest { [prefix], requestList { Request { certId } ... }, [suffix] } } */
function craftRequest(certIds: Uint8Array[], options: { prefix?: Uint8Array; extensions?: Uint8Array } = {}) {
  const parts = [tlv(0x30, ...certIds.map((certId) => tlv(0x30, certId)))];
  if (options.prefix) parts.unshift(options.prefix);
  if (options.extensions) parts.push(tlv(0xa2, tlv(0x30, options.extensions)));
  return tlv(0x30, tlv(0x30, ...parts));
}

function craftCertId(serialContent: Uint8Array, algorithm = tlv(0x30, oidSha1, bytes('0500'))): Uint8Array {
  return tlv(
    0x30,
    algorithm,
    tlv(0x04, new Uint8Array(20)),
    tlv(0x04, new Uint8Array(20)),
    tlv(0x02, serialContent),
  );
}

function asn1Lines(file: string, strparse?: number): string[] {
  const args = ['asn1parse', '-inform', 'DER', '-in', file];
  if (strparse !== undefined) args.push('-strparse', String(strparse));
  return openssl(args).split('\n');
}

for (const algorithm of ['p256', 'rsa2048'] as const) {
  describe(`OCSP with a ${algorithm} CA`, () => {
    let pki: TestPki;
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const thisUpdate = new Date(now.getTime() - 3_600_000);
    const nextUpdate = new Date(now.getTime() + 86_400_000);
    const certId = (leaf: Leaf, hash?: 'sha1' | 'sha256') =>
      certIdFor(pki.caNameDer, pki.caSpkiDer, leaf.serialHex, hash);

    before(async () => {
      pki = await makePki(algorithm);
    });

    describe('parseOcspRequest reads what openssl ocsp sends', () => {
      it('a SHA-1 CertID without a nonce', () => {
        const [leaf] = pki.leaves;
        const { der, text } = opensslRequest(pki, 'plain.der', ['-cert', leaf.file, '-no_nonce']);
        const parsed = parseOcspRequest(der);
        assert.equal(parsed.certIds.length, 1);
        assert.equal(parsed.nonce, undefined);
        sameCertId(parsed.certIds[0]!, certId(leaf));
        const [printed] = opensslCertIds(text);
        assert.deepEqual(printed, {
          hashAlgorithm: 'sha1',
          issuerNameHash: hex(parsed.certIds[0]!.issuerNameHash),
          issuerKeyHash: hex(parsed.certIds[0]!.issuerKeyHash),
          serialHex: leaf.serialHex,
        });
      });

      it('a nonce', () => {
        const [leaf] = pki.leaves;
        const { der, text } = opensslRequest(pki, 'nonce.der', ['-cert', leaf.file, '-nonce']);
        const parsed = parseOcspRequest(der);
        sameCertId(parsed.certIds[0]!, certId(leaf));
        assert.ok(parsed.nonce);
        assert.equal(parsed.nonce.length, 16);
        // OpenSSL prints the extnValue: the DER OCTET STRING around the nonce.
        const printed = /OCSP Nonce:\s+([0-9A-F]+)/.exec(text)?.[1];
        assert.equal(printed?.toLowerCase(), `0410${hex(parsed.nonce)}`);
      });

      it('a SHA-256 CertID', () => {
        const [leaf] = pki.leaves;
        const { der, text } = opensslRequest(pki, 'sha256.der', ['-sha256', '-cert', leaf.file, '-no_nonce']);
        const parsed = parseOcspRequest(der);
        assert.equal(parsed.certIds[0]!.hashAlgorithm, 'sha256');
        sameCertId(parsed.certIds[0]!, certId(leaf, 'sha256'));
        assert.equal(opensslCertIds(text)[0]?.issuerKeyHash, hex(parsed.certIds[0]!.issuerKeyHash));
      });

      it('two certificates in one request, in order', () => {
        const { der, text } = opensslRequest(pki, 'two.der', [
          ...pki.leaves.flatMap((leaf) => ['-cert', leaf.file]),
          '-nonce',
        ]);
        const parsed = parseOcspRequest(der);
        assert.equal(parsed.certIds.length, 2);
        parsed.certIds.forEach((id, i) => sameCertId(id, certId(pki.leaves[i]!)));
        assert.deepEqual(
          opensslCertIds(text).map((id) => id.serialHex),
          pki.leaves.map((leaf) => leaf.serialHex),
        );
        assert.equal(parsed.nonce?.length, 16);
      });

      it('ten certificates, but not eleven', () => {
        const [leaf] = pki.leaves;
        const ten = opensslRequest(pki, 'ten.der', [
          ...Array<string[]>(10).fill(['-cert', leaf.file]).flat(),
        ]);
        assert.equal(parseOcspRequest(ten.der).certIds.length, 10);
        const eleven = opensslRequest(pki, 'eleven.der', [
          ...Array<string[]>(11).fill(['-cert', leaf.file]).flat(),
        ]);
        assertInvalid(eleven.der, '11 requests');
      });

      it('refuses a CertID hashed with MD5', () => {
        const { der } = opensslRequest(pki, 'md5.der', ['-md5', '-cert', pki.leaves[0].file, '-no_nonce']);
        assertInvalid(der, 'MD5 CertID');
      });

      it('agrees with certIdFor on serials that need a leading zero octet', () => {
        for (const serial of ['ff01', '00ff01', '80', '7f', '01']) {
          const id = certIdFor(pki.caNameDer, pki.caSpkiDer, serial);
          const parsed = parseOcspRequest(craftRequest([id.raw])).certIds[0]!;
          sameCertId(parsed, id);
          assert.equal(parsed.serialHex, serial.replace(/^00/, ''));
        }
        assert.throws(() => certIdFor(pki.caNameDer, pki.caSpkiDer, 'not hex'), {
          code: 'ERR_INPUT_INVALID',
        });
      });

      it('returns copies, not views of the input', () => {
        const { der } = opensslRequest(pki, 'copy.der', ['-cert', pki.leaves[0].file, '-nonce']);
        const input = Buffer.from(der);
        const parsed = parseOcspRequest(input);
        const before = hex(parsed.certIds[0]!.raw) + hex(parsed.nonce!);
        input.fill(0);
        assert.equal(hex(parsed.certIds[0]!.raw) + hex(parsed.nonce!), before);
        assert.equal(parsed.certIds[0]!.raw.byteLength, parsed.certIds[0]!.raw.buffer.byteLength);
      });
    });

    describe('buildOcspResponse is accepted by OpenSSL', () => {
      const cases: { name: string; status: OcspCertStatus; expect: RegExp[] }[] = [
        { name: 'good', status: { status: 'good' }, expect: [/: good\n/] },
        {
          name: 'revoked',
          status: { status: 'revoked', revokedAt: new Date(now.getTime() - 7_200_000), reason: 1 },
          expect: [/: revoked\n/, /Reason: keyCompromise/, /Revocation Time: /],
        },
        { name: 'unknown', status: { status: 'unknown' }, expect: [/: unknown\n/] },
      ];
      for (const { name, status, expect } of cases) {
        it(`${name}, signed by the delegated responder`, async () => {
          const [leaf] = pki.leaves;
          const request = parseOcspRequest(
            opensslRequest(pki, `${name}-req.der`, ['-cert', leaf.file, '-no_nonce']).der,
          );
          const der = await buildOcspResponse(
            pki.responder,
            [{ certId: request.certIds[0]!, status, thisUpdate, nextUpdate }],
            now,
          );
          const file = writeResponse(pki, `${name}.der`, der);
          const verified = opensslVerify(pki, file, [leaf], ['-resp_text']);
          assert.equal(verified.status, 0, verified.output);
          assert.match(verified.output, /Response verify OK/);
          assert.ok(verified.output.includes(`${leaf.file}: ${name}\n`), verified.output);
          for (const pattern of expect) assert.match(verified.output, pattern);
          assert.match(verified.output, /This Update: .*\n\s+Next Update: /);
          assert.match(verified.output, /Response Status: successful \(0x0\)/);
          assert.match(verified.output, /Response Type: Basic OCSP Response/);
          // byKey: SHA-1 of the responder's subjectPublicKey, which is also its SubjectKeyIdentifier.
          const ski = pki.responder.certificate.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId;
          assert.match(verified.output, new RegExp(`Responder Id: ${ski?.toUpperCase()}\\n`));
          assert.doesNotMatch(verified.output, /Response Extensions/);
          if (status.status === 'revoked')
            assert.match(verified.output, /Revocation Reason: keyCompromise \(0x1\)/);
        });
      }

      it('statuses for two certificates and SHA-256 CertIDs', async () => {
        const [first, second] = pki.leaves;
        const ids = parseOcspRequest(
          opensslRequest(pki, 'two-sha256-req.der', ['-sha256', '-cert', first.file, '-cert', second.file])
            .der,
        ).certIds;
        const der = await buildOcspResponse(
          pki.responder,
          [
            { certId: ids[0]!, status: { status: 'good' }, thisUpdate, nextUpdate },
            {
              certId: ids[1]!,
              status: { status: 'revoked', revokedAt: thisUpdate },
              thisUpdate,
              nextUpdate,
            },
          ],
          now,
        );
        const file = writeResponse(pki, 'two-sha256.der', der);
        const verified = opensslVerify(pki, file, [first, second], ['-sha256']);
        assert.equal(verified.status, 0, verified.output);
        assert.match(verified.output, /Response verify OK/);
        assert.ok(verified.output.includes(`${first.file}: good\n`), verified.output);
        assert.ok(verified.output.includes(`${second.file}: revoked\n`), verified.output);
        assert.doesNotMatch(verified.output, /Reason:/);
      });

      it('a pre-signed response for a CertID from certIdFor answers an openssl request', async () => {
        const [leaf] = pki.leaves;
        const der = await buildOcspResponse(
          pki.responder,
          [{ certId: certId(leaf), status: { status: 'good' }, thisUpdate, nextUpdate }],
          now,
        );
        const verified = opensslVerify(pki, writeResponse(pki, 'presigned.der', der), [leaf]);
        assert.equal(verified.status, 0, verified.output);
        assert.match(verified.output, /Response verify OK/);
        assert.ok(verified.output.includes(`${leaf.file}: good\n`), verified.output);
      });

      it('echoes the nonce so that OpenSSL matches it to the request', async () => {
        const [leaf] = pki.leaves;
        const request = opensslRequest(pki, 'nonce-req.der', ['-cert', leaf.file, '-nonce']);
        const parsed = parseOcspRequest(request.der);
        const der = await buildOcspResponse(
          pki.responder,
          [{ certId: parsed.certIds[0]!, status: { status: 'good' }, thisUpdate, nextUpdate }],
          now,
          parsed.nonce,
        );
        const file = writeResponse(pki, 'nonce.der', der);
        const text = openssl(['ocsp', '-respin', file, '-resp_text', '-noverify']);
        const requestNonce = /OCSP Nonce:\s+([0-9A-F]+)/.exec(request.text)?.[1];
        const responseNonce = /Response Extensions:\s+OCSP Nonce:\s+([0-9A-F]+)/.exec(text)?.[1];
        assert.ok(requestNonce);
        assert.equal(responseNonce, requestNonce);
        // With -reqin, openssl ocsp checks the response's nonce against the request's.
        const checked = runTool('openssl', [
          'ocsp',
          ...['-reqin', path.join(pki.dir, 'nonce-req.der'), '-respin', file],
          ...['-CAfile', pki.caFile],
        ]);
        const output = checked.stdout + checked.stderr;
        assert.equal(checked.status, 0, output);
        assert.match(output, /Response verify OK/);
        assert.doesNotMatch(output, /nonce/i);

        // The check is live: another nonce fails it, and no nonce draws a warning.
        const otherNonce = new Uint8Array(parsed.nonce!.map((byte) => byte ^ 1));
        for (const [name, nonce, expected] of [
          ['nonce-other.der', otherNonce, /Nonce Verify error/],
          ['nonce-none.der', undefined, /WARNING: no nonce in response/],
        ] as const) {
          const other = await buildOcspResponse(
            pki.responder,
            [{ certId: parsed.certIds[0]!, status: { status: 'good' }, thisUpdate, nextUpdate }],
            now,
            nonce,
          );
          const refused = runTool('openssl', [
            'ocsp',
            ...['-reqin', path.join(pki.dir, 'nonce-req.der'), '-respin', writeResponse(pki, name, other)],
            ...['-CAfile', pki.caFile],
          ]);
          assert.match(refused.stdout + refused.stderr, expected);
        }
      });

      it('writes GeneralizedTime without fractions and the signature algorithm per RFC 5754', async () => {
        const [leaf] = pki.leaves;
        const odd = (date: Date) => new Date(date.getTime() + 789);
        const der = await buildOcspResponse(
          pki.responder,
          [
            {
              certId: certId(leaf),
              status: { status: 'revoked', revokedAt: odd(thisUpdate), reason: 4 },
              thisUpdate: odd(thisUpdate),
              nextUpdate: odd(nextUpdate),
            },
          ],
          odd(now),
        );
        const file = writeResponse(pki, 'times.der', der);
        const outer = asn1Lines(file);
        const octets = outer.find((line) => line.includes('OCTET STRING'));
        assert.ok(octets, outer.join('\n'));
        const inner = asn1Lines(file, Number(octets.split(':')[0]));
        const times = inner
          .filter((line) => line.includes('GENERALIZEDTIME'))
          .map((line) => line.split(':').at(-1));
        const stamp = (date: Date) =>
          date
            .toISOString()
            .replace(/[-:T]/g, '')
            .replace(/\.\d+Z$/, 'Z');
        // producedAt, revocationTime, thisUpdate, nextUpdate
        assert.deepEqual(times, [stamp(now), stamp(thisUpdate), stamp(thisUpdate), stamp(nextUpdate)]);
        const signatureOid = inner.findIndex((line) =>
          /OBJECT\s+:(ecdsa-with-SHA256|sha256WithRSAEncryption)/.test(line),
        );
        assert.ok(signatureOid > 0, inner.join('\n'));
        const hasNull = /\bNULL\b/.test(inner[signatureOid + 1] ?? '');
        assert.equal(
          hasNull,
          algorithm === 'rsa2048',
          inner.slice(signatureOid, signatureOid + 2).join('\n'),
        );
        const verified = opensslVerify(pki, file, [leaf]);
        assert.match(verified.output, /Reason: superseded/);
      });

      it('OpenSSL refuses a response signed by a responder the CA did not certify', async () => {
        const [leaf] = pki.leaves;
        const der = await buildOcspResponse(
          pki.rogue,
          [{ certId: certId(leaf), status: { status: 'good' }, thisUpdate, nextUpdate }],
          now,
        );
        const verified = opensslVerify(pki, writeResponse(pki, 'rogue.der', der), [leaf]);
        assert.doesNotMatch(verified.output, /Response verify OK/);
        assert.match(verified.output, /Response Verify Failure/);
      });

      it('refuses a responder certificate that is not for the signing key', async () => {
        await assert.rejects(
          buildOcspResponse(
            { key: pki.responder.key, certificateDer: pki.rogue.certificateDer },
            [{ certId: certId(pki.leaves[0]), status: { status: 'good' }, thisUpdate, nextUpdate }],
            now,
          ),
          { code: 'ERR_SERVER_INTERNAL' },
        );
      });
    });

    describe('locatePlainCertId finds the CertID of a plain request, and nothing else', () => {
      const range = (der: Uint8Array) => {
        const found = locatePlainCertId(der);
        return found && hex(der.subarray(found[0], found[1]));
      };

      it('in what openssl ocsp sends without a nonce, the CertID parseOcspRequest reads', () => {
        const [leaf] = pki.leaves;
        for (const hash of ['-sha1', '-sha256']) {
          const { der } = opensslRequest(pki, `plain${hash}.der`, [hash, '-cert', leaf.file, '-no_nonce']);
          assert.equal(range(der), hex(parseOcspRequest(der).certIds[0]!.raw));
        }
      });

      it('not in requests of any other shape', () => {
        const [leaf, second] = pki.leaves;
        const nonce = opensslRequest(pki, 'locate-nonce.der', ['-cert', leaf.file, '-nonce']).der;
        const two = opensslRequest(pki, 'locate-two.der', [
          '-cert',
          leaf.file,
          '-cert',
          second.file,
          '-no_nonce',
        ]).der;
        const good = certId(leaf).raw;
        const plain = craftRequest([good]);
        assert.equal(range(plain), hex(good));
        const cases: [string, Uint8Array][] = [
          ['a nonce', nonce],
          ['two certificates', two],
          ['an explicit version', craftRequest([good], { prefix: tlv(0xa0, tlv(0x02, bytes('00'))) })],
          ['trailing bytes', new Uint8Array([...plain, 0])],
          ['a non-minimal length', new Uint8Array([0x30, 0x81, plain[1]!, ...plain.subarray(2)])],
          ['an indefinite length', new Uint8Array([0x30, 0x80, ...plain.subarray(2), 0, 0])],
          ['a SET for a SEQUENCE', new Uint8Array([0x31, ...plain.subarray(1)])],
          ['empty input', new Uint8Array(0)],
        ];
        for (const [label, der] of cases) assert.equal(locatePlainCertId(der), undefined, label);
        for (let cut = 0; cut < plain.length; cut++)
          assert.equal(locatePlainCertId(plain.subarray(0, cut)), undefined, `cut at ${cut}`);
      });

      it('in long-form lengths (a CertID over 127 bytes)', () => {
        const sha512 = tlv(0x30, bytes('0609608648016503040203'), bytes('0500'));
        const big = tlv(
          0x30,
          sha512,
          tlv(0x04, new Uint8Array(64)),
          tlv(0x04, new Uint8Array(64)),
          tlv(0x02, bytes('01')),
        );
        const request = craftRequest([big]);
        assert.equal(request[1], 0x81);
        assert.equal(range(request), hex(big));
        assert.equal(hex(parseOcspRequest(request).certIds[0]!.raw), hex(big));
      });

      it('only where parseOcspRequest reads that one CertID and no nonce (mutated requests)', () => {
        const valid = craftRequest([certId(leafOf(pki)).raw]);
        let located = 0;
        for (let i = 0; i < 20000; i++) {
          const mutated = new Uint8Array(valid);
          for (let c = 0; c <= i % 3; c++) mutated[crypto.randomInt(mutated.length)] = crypto.randomInt(256);
          const found = locatePlainCertId(mutated);
          if (!found) continue;
          located++;
          let parsed;
          try {
            parsed = parseOcspRequest(mutated);
          } catch {
            continue; // the responder never cached such a CertID, so the bytes find nothing
          }
          assert.equal(parsed.certIds.length, 1);
          assert.equal(parsed.nonce, undefined);
          assert.equal(hex(parsed.certIds[0]!.raw), hex(mutated.subarray(found[0], found[1])));
        }
        assert.ok(located > 0);
      });
    });

    describe('parseOcspRequest refuses broken input with ERR_INPUT_INVALID only', () => {
      let valid: Uint8Array;
      before(() => {
        valid = opensslRequest(pki, 'fuzz.der', [
          ...pki.leaves.flatMap((leaf) => ['-cert', leaf.file]),
          '-nonce',
        ]).der;
      });

      it('empty input and random bytes', () => {
        assertInvalid(new Uint8Array(0), 'empty');
        for (let i = 0; i < 2000; i++) {
          const random = new Uint8Array(crypto.randomBytes(i % 300));
          assertInvalid(random, `random ${hex(random)}`);
          if (random.length > 2) {
            random[0] = 0x30; // a plausible outer SEQUENCE header
            random[1] = random.length - 2 < 0x80 ? random.length - 2 : 0x7f;
            assertInvalid(random, `random ${hex(random)}`);
          }
        }
        assertInvalid('not bytes' as unknown as Uint8Array, 'a string');
        assertInvalid(undefined as unknown as Uint8Array, 'undefined');
      });

      it('every truncation of a valid request', () => {
        for (let length = 0; length < valid.length; length++)
          assertInvalid(valid.subarray(0, length), `truncated to ${length}`);
      });

      it('a valid request with trailing bytes', () => {
        for (const trailer of ['00', '0500', '3000', hex(valid)])
          assertInvalid(new Uint8Array(Buffer.concat([valid, bytes(trailer)])), `trailing ${trailer}`);
      });

      it('a CertID with an unknown hash algorithm', () => {
        const sha1 = Buffer.from(oidSha1);
        const at = Buffer.from(valid).indexOf(sha1);
        assert.ok(at > 0);
        const changed = new Uint8Array(valid);
        changed[at + sha1.length - 1] = 0x1b; // 1.3.14.3.2.27, not a hash
        assertInvalid(changed, 'unknown hash OID');
        const sha256 = tlv(0x30, bytes('0609608648016503040201'), bytes('0500'));
        assertInvalid(
          craftRequest([craftCertId(bytes('01'), sha256)]),
          'SHA-256 OID with SHA-1-sized hashes',
        );
      });

      it('structures that are not DER or not supported', () => {
        const good = craftCertId(bytes('1234'));
        assert.equal(parseOcspRequest(craftRequest([good])).certIds[0]?.serialHex, '1234');
        assert.equal(
          parseOcspRequest(craftRequest([craftCertId(bytes('0080'))])).certIds[0]?.serialHex,
          '80',
        );
        const cases: [string, Uint8Array][] = [
          ['zero requests', craftRequest([])],
          ['version 2', craftRequest([good], { prefix: tlv(0xa0, tlv(0x02, bytes('01'))) })],
          ['negative serial', craftRequest([craftCertId(bytes('80'))])],
          ['non-minimal serial', craftRequest([craftCertId(bytes('0012'))])],
          ['empty serial', craftRequest([craftCertId(new Uint8Array(0))])],
          [
            'non-NULL hash parameters',
            craftRequest([craftCertId(bytes('01'), tlv(0x30, oidSha1, bytes('0400')))]),
          ],
          ['indefinite length', bytes(`3080${hex(craftRequest([good]).subarray(2))}0000`)],
          ['non-minimal length', bytes(`3081${hex(craftRequest([good]).subarray(1))}`)],
          [
            'unknown critical extension',
            craftRequest([good], { extensions: tlv(0x30, bytes('06032a0304'), bytes('0101ff'), tlv(0x04)) }),
          ],
          [
            // BER TRUE; DER has only 0xff (X.690 11.1). Was read as critical before der.ts's readBoolean.
            'a critical flag of 0x01',
            craftRequest([good], {
              extensions: tlv(0x30, oidNonce, bytes('010101'), tlv(0x04, tlv(0x04, bytes('01')))),
            }),
          ],
          [
            'a critical flag of two octets',
            craftRequest([good], {
              extensions: tlv(0x30, oidNonce, bytes('0102ffff'), tlv(0x04, tlv(0x04, bytes('01')))),
            }),
          ],
          [
            'critical nonce that is not an OCTET STRING',
            craftRequest([good], {
              extensions: tlv(0x30, oidNonce, bytes('0101ff'), tlv(0x04, bytes('0201ff'))),
            }),
          ],
          [
            'repeated extension',
            craftRequest([good], {
              extensions: new Uint8Array(
                Buffer.concat([0, 1].map(() => tlv(0x30, oidNonce, tlv(0x04, tlv(0x04, bytes('01')))))),
              ),
            }),
          ],
        ];
        for (const [label, der] of cases) assertInvalid(der, label);
        // A version 1 written out explicitly, and ill-formed but non-critical nonces, are tolerated.
        assert.ok(parseOcspRequest(craftRequest([good], { prefix: tlv(0xa0, tlv(0x02, bytes('00'))) })));
        const rawNonce = craftRequest([good], { extensions: tlv(0x30, oidNonce, tlv(0x04, bytes('0102'))) });
        assert.equal(parseOcspRequest(rawNonce).nonce, undefined);
        const longNonce = tlv(0x30, oidNonce, tlv(0x04, tlv(0x04, new Uint8Array(129))));
        assert.equal(parseOcspRequest(craftRequest([good], { extensions: longNonce })).nonce, undefined);
      });

      it('mutated requests either parse or throw ERR_INPUT_INVALID', () => {
        let parsed = 0;
        for (let i = 0; i < 20000; i++) {
          const mutated = new Uint8Array(valid);
          const changes = 1 + (i % 3);
          for (let c = 0; c < changes; c++) mutated[crypto.randomInt(mutated.length)] = crypto.randomInt(256);
          try {
            parseOcspRequest(mutated);
            parsed++;
          } catch (error) {
            assert.ok(isTekenError(error, 'ERR_INPUT_INVALID'), `${hex(mutated)}: ${String(error)}`);
          }
        }
        assert.ok(parsed > 0, 'no mutation parsed at all');
      });
    });
  });
}

describe('ocspErrorResponse', () => {
  const dir = tmpDir();
  const statuses = [
    ['malformedRequest', 'malformedrequest (1)'],
    ['internalError', 'internalerror (2)'],
    ['tryLater', 'trylater (3)'],
    ['sigRequired', 'sigrequired (5)'],
    ['unauthorized', 'unauthorized (6)'],
  ] as const;
  for (const [status, printed] of statuses) {
    it(`${status} is read by OpenSSL`, () => {
      const file = path.join(dir, `${status}.der`);
      fs.writeFileSync(file, ocspErrorResponse(status));
      const result = runTool('openssl', ['ocsp', '-respin', file, '-resp_text']);
      assert.ok(
        (result.stdout + result.stderr).includes(`Responder Error: ${printed}`),
        result.stdout + result.stderr,
      );
    });
  }

  it('returns a fresh copy each time', () => {
    const first = ocspErrorResponse('malformedRequest');
    assert.equal(hex(first), '30030a0101');
    first.fill(0);
    assert.equal(hex(ocspErrorResponse('malformedRequest')), '30030a0101');
  });
});
