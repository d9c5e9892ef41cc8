/**
 * The TSP codec alone (pki/tsp.ts): requests built by OpenSSL and by PKI.js's writer, every
 * refusal's failure info, and tokens of RSA and ECDSA units judged by `openssl ts -verify`.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { keyObjectSigner } from '../../src/keys/software-backend.js';
import type { KeyAlgorithm } from '../../src/pki/signer.js';
import {
  buildTimeStampToken,
  grantedResponse,
  nonceOctets,
  parseTimeStampRequest,
  rejectionResponse,
  tspFailureBits,
  type TsaUnit,
  type TspFailure,
} from '../../src/pki/tsp.js';
import {
  buildTimeStampTokenWithPkijs,
  grantedResponseWithPkijs,
  rejectionResponseWithPkijs,
} from '../helpers/pkijs-time-stamp-token.js';
import { openssl } from '../helpers/run-tool.js';
import { tmpDir } from '../helpers/tmp-dir.js';

const POLICY = '1.3.6.1.4.1.99999.1.4';
const dir = tmpDir();
const file = (name: string) => path.join(dir, name);

/** A TimeStampReq written by PKI.js (not by the code under test). */
function request(options: {
  hashOid?: string;
  digest?: Uint8Array;
  version?: number;
  policy?: string;
  nonce?: Uint8Array;
  extensions?: boolean;
  params?: asn1js.BaseBlock;
}): Uint8Array {
  const req = new pkijs.TimeStampReq({
    version: options.version ?? 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({
        algorithmId: options.hashOid ?? '2.16.840.1.101.3.4.2.1',
        ...(options.params ? { algorithmParams: options.params } : {}),
      }),
      hashedMessage: new asn1js.OctetString({ valueHex: options.digest ?? crypto.randomBytes(32) }),
    }),
    ...(options.policy ? { reqPolicy: options.policy } : {}),
    ...(options.nonce ? { nonce: new asn1js.Integer({ valueHex: options.nonce }) } : {}),
    ...(options.extensions
      ? {
          extensions: [
            new pkijs.Extension({
              extnID: '1.2.3.4',
              critical: false,
              extnValue: new asn1js.Null().toBER(),
            }),
          ],
        }
      : {}),
  });
  return new Uint8Array(req.toSchema().toBER());
}

const failureOf = (der: Uint8Array): TspFailure | undefined => {
  const parsed = parseTimeStampRequest(der, { policy: POLICY });
  return parsed.ok ? undefined : parsed.failure;
};

describe('TimeStampReq parsing', () => {
  it('reads what openssl ts -query writes', () => {
    const data = file('data.txt');
    fs.writeFileSync(data, 'isi dokumen');
    const out = file('q.tsq');
    openssl(['ts', '-query', '-data', data, '-sha512', '-cert', '-tspolicy', POLICY, '-out', out]);
    const parsed = parseTimeStampRequest(fs.readFileSync(out), { policy: POLICY });
    assert.ok(parsed.ok);
    assert.equal(parsed.request.hashAlgorithm, 'sha512');
    assert.equal(
      Buffer.from(parsed.request.digest).toString('hex'),
      crypto.createHash('sha512').update('isi dokumen').digest('hex'),
    );
    assert.equal(parsed.request.policy, POLICY);
    assert.equal(parsed.request.certReq, true);
    const nonce = /Nonce: 0x([0-9A-F]+)/.exec(openssl(['ts', '-query', '-in', out, '-text']))![1]!;
    assert.equal(Buffer.from(parsed.request.nonce!).toString('hex').replace(/^00/, ''), nonce.toLowerCase());
  });

  it('refuses each kind of bad request with its failure info', () => {
    assert.equal(failureOf(request({})), undefined);
    assert.equal(failureOf(request({ params: new asn1js.Null() })), undefined);
    assert.equal(failureOf(request({ hashOid: '1.3.14.3.2.26', digest: crypto.randomBytes(20) })), 'badAlg');
    assert.equal(
      failureOf(request({ hashOid: '1.2.840.113549.2.5', digest: crypto.randomBytes(16) })),
      'badAlg',
    );
    assert.equal(failureOf(request({ params: new asn1js.Integer({ value: 1 }) })), 'badAlg');
    assert.equal(failureOf(request({ digest: crypto.randomBytes(31) })), 'badDataFormat');
    assert.equal(failureOf(request({ version: 2 })), 'badDataFormat');
    assert.equal(failureOf(request({ policy: '1.2.3' })), 'unacceptedPolicy');
    assert.equal(failureOf(request({ policy: POLICY })), undefined);
    assert.equal(failureOf(request({ extensions: true })), 'unacceptedExtension');
    assert.equal(failureOf(request({ nonce: crypto.randomBytes(65) })), 'badDataFormat');
    assert.equal(failureOf(request({ nonce: new Uint8Array([0x7f]) })), undefined);
    const good = request({});
    assert.equal(failureOf(Buffer.concat([good, Buffer.from([0])])), 'badDataFormat');
    assert.equal(failureOf(good.subarray(0, 10)), 'badDataFormat');
    assert.equal(failureOf(new Uint8Array(0)), 'badDataFormat');
    // A SEQUENCE of the wrong shape, and 20 000 nested indefinite-length SEQUENCEs.
    assert.equal(failureOf(Buffer.from('300602010104010a', 'hex')), 'badDataFormat');
    const deep = Buffer.alloc(40_000);
    for (let i = 0; i < 40_000; i += 2) deep.set([0x30, 0x80], i);
    assert.equal(failureOf(deep), 'badDataFormat');
  });

  it('writes bigint nonces as minimal two’s-complement INTEGER octets', () => {
    const hex = (n: bigint) => Buffer.from(nonceOctets(n)).toString('hex');
    assert.equal(hex(0n), '00');
    assert.equal(hex(1n), '01');
    assert.equal(hex(127n), '7f');
    assert.equal(hex(128n), '0080');
    assert.equal(hex(0xdeadbeefn), '00deadbeef');
    assert.equal(hex(-1n), 'ff');
    assert.equal(hex(-128n), '80');
    assert.equal(hex(-129n), 'ff7f');
    // Round trip through asn1js's reader.
    for (const n of [0n, 5n, 255n, 256n, -256n, (1n << 64n) - 1n, -(1n << 63n)]) {
      const int = new asn1js.Integer({ valueHex: nonceOctets(n) });
      assert.equal(int.toBigInt(), n, String(n));
    }
  });
});

describe('TimeStampResp and tokens', () => {
  const units = new Map<string, { unit: TsaUnit; chain: string; tsaPem: string }>();

  before(() => {
    fs.writeFileSync(
      file('tsa.cnf'),
      '[v3]\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nextendedKeyUsage=critical,timeStamping\n',
    );
    const make = (name: string, algorithm: KeyAlgorithm, keyArgs: string[]) => {
      openssl([
        'req',
        '-x509',
        '-newkey',
        ...keyArgs,
        '-nodes',
        '-keyout',
        file(`${name}-ca.key`),
        '-subj',
        `/CN=${name} CA`,
        '-days',
        '2',
        '-out',
        file(`${name}-ca.pem`),
      ]);
      openssl([
        'req',
        '-new',
        '-newkey',
        ...keyArgs,
        '-nodes',
        '-keyout',
        file(`${name}.key`),
        '-subj',
        `/C=ID/CN=${name} TSA`,
        '-out',
        file(`${name}.csr`),
      ]);
      openssl([
        'x509',
        '-req',
        '-in',
        file(`${name}.csr`),
        '-CA',
        file(`${name}-ca.pem`),
        '-CAkey',
        file(`${name}-ca.key`),
        '-set_serial',
        '0x7a11',
        '-days',
        '1',
        '-extfile',
        file('tsa.cnf'),
        '-extensions',
        'v3',
        '-out',
        file(`${name}.pem`),
      ]);
      const key = crypto.createPrivateKey(fs.readFileSync(file(`${name}.key`)));
      const certificateDer = new Uint8Array(
        new crypto.X509Certificate(fs.readFileSync(file(`${name}.pem`))).raw,
      );
      units.set(name, {
        unit: { key: keyObjectSigner(name, algorithm, key), certificateDer },
        chain: file(`${name}-ca.pem`),
        tsaPem: file(`${name}.pem`),
      });
    };
    make('ec', 'p384', ['ec', '-pkeyopt', 'ec_paramgen_curve:P-384']);
    make('rsa', 'rsa2048', ['rsa:2048']);
  });

  for (const name of ['ec', 'rsa']) {
    it(`signs tokens that openssl ts -verify accepts (${name} unit)`, async () => {
      const { unit, chain, tsaPem } = units.get(name)!;
      const digest = crypto.randomBytes(32);
      const serial = new Uint8Array([0x01, 0x02, 0x03]);
      for (const includeCertificate of [true, false]) {
        const token = await buildTimeStampToken(
          unit,
          {
            policy: POLICY,
            hashAlgorithm: 'sha256',
            digest,
            serial,
            genTime: new Date('2026-12-03T06:30:00.120Z'),
            accuracyMs: 250,
            nonce: nonceOctets(42n),
          },
          includeCertificate,
        );
        const reply = file(`${name}-${includeCertificate}.tsr`);
        fs.writeFileSync(reply, grantedResponse(token));
        const text = openssl(['ts', '-reply', '-in', reply, '-text']);
        assert.match(text, /Status: Granted\./);
        assert.match(text, /Serial number: 0x010203/);
        assert.match(text, /Time stamp: Dec {2}3 06:30:00\.12 2026 GMT/);
        assert.match(text, /Accuracy: unspecified seconds, 0xFA millis/);
        assert.match(text, /Nonce: 0x2A/);
        const verify = [
          'ts',
          '-verify',
          '-in',
          reply,
          '-digest',
          digest.toString('hex'),
          '-CAfile',
          chain,
          ...(includeCertificate ? [] : ['-untrusted', tsaPem]),
        ];
        assert.match(openssl(verify), /Verification: OK/);
      }
    });
  }

  it('writes exactly the bytes of the PKI.js encoder (400 random tokens, RSA and ECDSA units)', async () => {
    const random = (n: number) => Math.floor(Math.random() * n);
    for (let i = 0; i < 400; i++) {
      const name = i % 2 ? 'rsa' : 'ec';
      const real = units.get(name)!.unit;
      // ECDSA signatures are random: the ECDSA case signs with a deterministic stand-in.
      const unit: TsaUnit =
        name === 'rsa'
          ? real
          : {
              certificateDer: real.certificateDer,
              key: {
                ...real.key,
                sign: (data) => Promise.resolve(crypto.createHash('sha384').update(data).digest()),
              },
            };
      const hashAlgorithm = (['sha256', 'sha384', 'sha512'] as const)[random(3)]!;
      const serial = crypto.randomBytes(1 + random(20));
      serial[0] = (serial[0]! & 0x7f) | 0x01;
      const input = {
        policy: random(2) ? POLICY : `1.2.${random(100_000)}.${random(1000)}`,
        hashAlgorithm,
        digest: crypto.randomBytes({ sha256: 32, sha384: 48, sha512: 64 }[hashAlgorithm]),
        serial,
        genTime: new Date(
          Date.UTC(
            2026,
            random(12),
            1 + random(28),
            random(24),
            random(60),
            random(60),
            random(3) ? random(1000) : 0,
          ),
        ),
        accuracyMs: [1, 10, 100, 999, 1000, 1001, 1500, 60_000][random(8)]!,
        ...(random(3)
          ? {
              nonce: nonceOctets(
                BigInt(`0x${crypto.randomBytes(1 + random(16)).toString('hex')}`) -
                  BigInt(random(2) ? 0 : 1 << 20),
              ),
            }
          : {}),
      };
      const certReq = random(2) === 1;
      const ours = await buildTimeStampToken(unit, input, certReq);
      const theirs = await buildTimeStampTokenWithPkijs(unit, input, certReq);
      assert.equal(
        Buffer.from(ours).toString('hex'),
        Buffer.from(theirs).toString('hex'),
        JSON.stringify({ i, ...input }),
      );
      assert.deepEqual(grantedResponse(ours), grantedResponseWithPkijs(theirs));
    }
    for (const failure of Object.keys(tspFailureBits) as TspFailure[])
      assert.deepEqual(
        rejectionResponse(failure, `alasan é ${failure}`),
        rejectionResponseWithPkijs(failure, `alasan é ${failure}`),
      );
  });

  it('encodes every failure info bit as openssl reads it', () => {
    const texts: Record<TspFailure, RegExp> = {
      badAlg: /unrecognized or unsupported algorithm identifier/,
      badRequest: /transaction not permitted or supported/,
      badDataFormat: /the data submitted has the wrong format/,
      timeNotAvailable: /the TSA's time source is not available/,
      unacceptedPolicy: /the requested TSA policy is not supported by the TSA/,
      unacceptedExtension: /the requested extension is not supported by the TSA/,
      addInfoNotAvailable: /the additional information requested could not be understood or is not available/,
      systemFailure: /the request cannot be handled due to system failure/,
    };
    for (const failure of Object.keys(tspFailureBits) as TspFailure[]) {
      const f = file(`rej-${failure}.tsr`);
      fs.writeFileSync(f, rejectionResponse(failure, `alasan ${failure}`));
      const text = openssl(['ts', '-reply', '-in', f, '-text']);
      assert.match(text, /Status: Rejected\./);
      assert.match(text, new RegExp(`Status description: alasan ${failure}`));
      assert.match(text, texts[failure], failure);
    }
  });
});
