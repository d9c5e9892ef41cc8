/**
 * The hand-written DER paths of issuance (names, public keys, PKCS#10 requests), judged by OpenSSL
 * and by Node's own key handling.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseCertificationRequest } from '../../src/pki/certification-request.js';
import { der, oidDer, tag } from '../../src/pki/der.js';
import {
  decodeName,
  encodeName,
  nameToString,
  parseDistinguishedName,
} from '../../src/pki/distinguished-name.js';
import { describePublicKey, importPublicKey } from '../../src/pki/public-key.js';
import { buildCsr, extension, extensionRequestAttribute, utf8Name } from '../helpers/csr-builder.js';
import { openssl } from '../helpers/run-tool.js';
import { tmpDir } from '../helpers/tmp-dir.js';

const dir = tmpDir();

function rejects(fn: () => unknown, code: string, message?: RegExp) {
  assert.throws(fn, (error: Error & { code?: string }) => {
    assert.equal(error.code, code, error.message);
    if (message) assert.match(error.message, message);
    return true;
  });
}

async function rejectsAsync(promise: Promise<unknown>, code: string, message?: RegExp) {
  await assert.rejects(promise, (error: Error & { code?: string }) => {
    assert.equal(error.code, code, error.message);
    if (message) assert.match(error.message, message);
    return true;
  });
}

/** `openssl asn1parse` of DER bytes. */
function asn1parse(bytes: Uint8Array): string {
  const file = path.join(dir, `asn1-${crypto.randomUUID()}.der`);
  fs.writeFileSync(file, bytes);
  return openssl(['asn1parse', '-inform', 'DER', '-in', file]);
}

describe('names', () => {
  it('writes UTF8String, and the types X.520 fixes for C, serialNumber and e-mail', () => {
    const attributes = parseDistinguishedName(
      'E=budi@contoh.go.id, CN=Ny. Śri Wahyuni\\, S.Kom., serialNumber=NIK:3201011505900001, O=Dinas Kominfo, C=ID',
    );
    const bytes = encodeName(attributes);
    const parsed = asn1parse(bytes);
    assert.match(parsed, /:countryName\n.*PRINTABLESTRING\s+:ID/);
    assert.match(parsed, /:organizationName\n.*UTF8STRING\s+:Dinas Kominfo/);
    assert.match(parsed, /:serialNumber\n.*PRINTABLESTRING\s+:NIK:3201011505900001/);
    assert.match(parsed, /:emailAddress\n.*IA5STRING\s+:budi@contoh.go.id/);
    assert.match(parsed, /:commonName\n.*UTF8STRING/);
    assert.deepEqual(decodeName(bytes), attributes);
    // OpenSSL prints the same RFC 2253 text as we do.
    const file = path.join(dir, 'name.der');
    fs.writeFileSync(file, bytes);
    assert.equal(
      nameToString(bytes),
      'E=budi@contoh.go.id, CN=Ny. Śri Wahyuni\\, S.Kom., serialNumber=NIK:3201011505900001, O=Dinas Kominfo, C=ID',
    );
  });

  it('writes values as they are: a leading # is text, backslashes and quotes stay', () => {
    const attributes = [
      { type: 'CN', oid: '2.5.4.3', value: '#0c03616263' },
      { type: 'O', oid: '2.5.4.10', value: 'A\\B "quoted"' },
    ];
    const decoded = decodeName(encodeName(attributes));
    assert.deepEqual(
      decoded.map((a) => a.value),
      ['#0c03616263', 'A\\B "quoted"'],
    );
  });

  it('refuses values the fixed string types cannot hold', () => {
    rejects(
      () => encodeName([{ type: 'serialNumber', oid: '2.5.4.5', value: 'NIK_1' }]),
      'ERR_INPUT_INVALID',
      /serialNumber/,
    );
    rejects(
      () => encodeName([{ type: 'E', oid: '1.2.840.113549.1.9.1', value: 'bü@contoh.id' }]),
      'ERR_INPUT_INVALID',
      /ASCII/,
    );
  });

  it('reads the string types other software writes', () => {
    const cn = new Uint8Array([0x06, 0x03, 0x55, 0x04, 0x03]);
    const nameWith = (value: Uint8Array) => der(tag.sequence, der(tag.set, der(tag.sequence, cn, value)));
    const bmp = der(0x1e, new Uint8Array(Buffer.from('Śri', 'utf16le').swap16()));
    const universal = der(0x1c, new Uint8Array([0, 0, 0, 0x53, 0, 1, 0xf6, 0x00]));
    const teletex = der(0x14, new Uint8Array([0x4a, 0xfc, 0x72, 0x67, 0x65, 0x6e]));
    assert.equal(decodeName(nameWith(bmp))[0]!.value, 'Śri');
    assert.equal(decodeName(nameWith(universal))[0]!.value, 'S\u{1f600}');
    assert.equal(decodeName(nameWith(teletex))[0]!.value, 'Jürgen');
    rejects(
      () => decodeName(nameWith(der(0x0c, new Uint8Array([0xc3, 0x28])))),
      'ERR_INPUT_INVALID',
      /UTF-8/,
    );
    rejects(() => decodeName(nameWith(der(0x13, new Uint8Array([0x40])))), 'ERR_INPUT_INVALID', /Printable/);
    rejects(() => decodeName(nameWith(der(0x04, new Uint8Array([0x41])))), 'ERR_INPUT_INVALID', /directory/);
    rejects(() => decodeName(der(tag.sequence, der(tag.set))), 'ERR_INPUT_INVALID', /empty/);
    const name = nameWith(der(0x0c, new Uint8Array([0x41])));
    rejects(() => decodeName(new Uint8Array([...name, 0])), 'ERR_INPUT_INVALID', /trailing/);
    // Indefinite length (BER, not DER).
    rejects(() => decodeName(new Uint8Array([0x30, 0x80, 0, 0])), 'ERR_INPUT_INVALID', /indefinite/);
  });
});

describe('public keys', () => {
  const cases: [string, crypto.KeyPairKeyObjectResult['publicKey'], string][] = [
    ['RSA 2048', crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey, 'RSA 2048'],
    ['RSA 3072', crypto.generateKeyPairSync('rsa', { modulusLength: 3072 }).publicKey, 'RSA 3072'],
    ['P-256', crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey, 'ECDSA P-256'],
    ['P-384', crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey, 'ECDSA P-384'],
  ];
  for (const [name, publicKey, label] of cases) {
    it(`imports ${name} to the same key OpenSSL reads`, () => {
      const spki = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }));
      const imported = importPublicKey(spki);
      assert.equal(imported.description.label, label);
      assert.deepEqual(new Uint8Array(imported.key.export({ format: 'der', type: 'spki' })), spki);
    });
  }

  it('refuses a P-256 point that is not on the curve, and reads a compressed one', () => {
    const { publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const spki = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }));
    const offCurve = spki.slice();
    offCurve[offCurve.length - 1]! ^= 0x01;
    rejects(() => describePublicKey(offCurve), 'ERR_CSR_KEY_UNSUPPORTED');
    const jwk = publicKey.export({ format: 'jwk' });
    const y = Buffer.from(jwk.y!, 'base64url');
    // 30 13 { ecPublicKey, prime256v1 } then BIT STRING 00 02|03 x
    const algorithm = spki.subarray(2, 2 + 21);
    const compressed = der(
      tag.sequence,
      algorithm,
      der(tag.bitString, new Uint8Array([0, 2 + (y[31]! & 1), ...Buffer.from(jwk.x!, 'base64url')])),
    );
    assert.equal(describePublicKey(compressed).label, 'ECDSA P-256');
  });

  it('refuses a weak RSA exponent and keys of other kinds', () => {
    const { publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 3 });
    rejects(
      () => describePublicKey(new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }))),
      'ERR_CSR_KEY_UNSUPPORTED',
      /65537/,
    );
    const ed = crypto.generateKeyPairSync('ed25519').publicKey;
    rejects(
      () => describePublicKey(new Uint8Array(ed.export({ format: 'der', type: 'spki' }))),
      'ERR_CSR_KEY_UNSUPPORTED',
      /ed25519/,
    );
  });
});

describe('certification requests', () => {
  function csr(name: string, args: string[]): { pem: string; der: Uint8Array } {
    const key = path.join(dir, `${name}.key`);
    const out = path.join(dir, `${name}.csr`);
    openssl(['req', '-new', '-nodes', '-keyout', key, '-out', out, ...args]);
    const pem = fs.readFileSync(out, 'utf8');
    return { pem, der: new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64')) };
  }

  it('reads subject, key and requested names of an OpenSSL request, and checks its signature', async () => {
    const { pem } = csr('full', [
      '-newkey',
      'rsa:2048',
      '-utf8',
      '-subj',
      '/C=ID/O=Kementerian Contoh/CN=Śri Wahyuni',
      '-addext',
      'subjectAltName=email:sri@contoh.go.id',
    ]);
    const parsed = await parseCertificationRequest(pem);
    assert.equal(parsed.publicKey.label, 'RSA 2048');
    assert.deepEqual(
      parsed.subject.map((a) => `${a.type}=${a.value}`),
      ['C=ID', 'O=Kementerian Contoh', 'CN=Śri Wahyuni'],
    );
    assert.deepEqual(parsed.altNames, [{ type: 'email', value: 'sri@contoh.go.id' }]);
    assert.deepEqual(parsed.requestedExtensions, ['2.5.29.17']);
    assert.equal(parsed.requestsCa, false);
  });

  it('accepts RSASSA-PSS and ECDSA P-384 with SHA-384 signatures', async () => {
    const pss = csr('pss', [
      '-newkey',
      'rsa:2048',
      '-sigopt',
      'rsa_padding_mode:pss',
      '-sha256',
      '-subj',
      '/C=ID/CN=Pss',
    ]);
    assert.equal((await parseCertificationRequest(pss.pem)).publicKey.label, 'RSA 2048');
    const ec = csr('ec384', [
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-384',
      '-sha384',
      '-subj',
      '/C=ID/CN=Ec',
    ]);
    assert.equal((await parseCertificationRequest(ec.der)).publicKey.label, 'ECDSA P-384');
  });

  it('refuses SHA-1 signatures', async () => {
    const { pem } = csr('sha1', ['-newkey', 'rsa:2048', '-sha1', '-subj', '/C=ID/CN=Sha1']);
    await rejectsAsync(parseCertificationRequest(pem), 'ERR_CSR_SIGNATURE_INVALID', /SHA-256/);
  });

  it('refuses BER, trailing data and repeated extensions', async () => {
    const { der: good } = csr('strict', [
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-subj',
      '/CN=S',
    ]);
    // The same request with an indefinite-length outer SEQUENCE (BER).
    const content = good.subarray(good[1]! & 0x80 ? 2 + (good[1]! & 0x7f) : 2);
    const ber = new Uint8Array([0x30, 0x80, ...content, 0, 0]);
    await rejectsAsync(parseCertificationRequest(ber), 'ERR_CSR_MALFORMED', /indefinite/);
    await rejectsAsync(
      parseCertificationRequest(new Uint8Array([...good, 0])),
      'ERR_CSR_MALFORMED',
      /trailing/,
    );
    const subject = utf8Name([['2.5.4.3', new Uint8Array(Buffer.from('T'))]]);
    const nullValue = new Uint8Array([0x05, 0x00]);
    const twice = buildCsr({
      subject,
      extensions: [extension('1.2.3.4', nullValue), extension('1.2.3.4', nullValue)],
    });
    await rejectsAsync(parseCertificationRequest(twice), 'ERR_CSR_MALFORMED', /twice/);
    const twoRequests = buildCsr({
      subject,
      extensions: [extension('1.2.3.4', nullValue)],
      extraAttributes: [extensionRequestAttribute([extension('1.2.3.5', nullValue)])],
    });
    await rejectsAsync(parseCertificationRequest(twoRequests), 'ERR_CSR_MALFORMED', /two extensionRequest/);
    // A critical flag that is BER TRUE (0x01), not DER's 0xff (X.690 11.1).
    const berTrue = buildCsr({
      subject,
      extensions: [
        der(
          tag.sequence,
          oidDer('1.2.3.4'),
          new Uint8Array([0x01, 0x01, 0x01]),
          der(tag.octetString, nullValue),
        ),
      ],
    });
    await rejectsAsync(parseCertificationRequest(berTrue), 'ERR_CSR_MALFORMED', /critical flag/);
    // A well-made request of the builder is accepted (the faults above are the only ones).
    const fine = await parseCertificationRequest(
      buildCsr({ subject, extensions: [extension('1.2.3.4', nullValue)] }),
    );
    assert.deepEqual(fine.requestedExtensions, ['1.2.3.4']);
  });
});
