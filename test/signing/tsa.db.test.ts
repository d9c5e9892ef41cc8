/**
 * The RFC 3161 time-stamping authority end to end: queries made by `openssl ts -query`, sent to
 * `POST /tsa`, and the replies judged by `openssl ts -verify` and `openssl ts -reply -text`; bad
 * queries, the per-address limit, the record of tokens, a revoked or expired unit, concurrency.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as asn1js from 'asn1js';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import * as pkijs from 'pkijs';
import { renewDelegatedSigners } from '../../src/authority/delegated-signers.js';
import { revokeCertificate } from '../../src/authority/revoke-certificate.js';
import { delegatedSigners, timeStampTokens } from '../../src/db/schema.js';
import { isTekenError } from '../../src/errors/teken-error.js';
import { buildApp, type TekenApp } from '../../src/http/build-app.js';
import { toPem } from '../../src/pki/certificate-assembly.js';
import { caFixture, type CaFixture } from '../helpers/ca-fixture.js';
import { openssl, runTool } from '../helpers/run-tool.js';

const POLICY = '1.3.6.1.4.1.99999.1.4';

/** The serial number of a token, read from its TSTInfo. */
function tokenSerial(token: Uint8Array): string {
  const info = pkijs.ContentInfo.fromBER(token);
  const signed = new pkijs.SignedData({ schema: info.content });
  const eContent = signed.encapContentInfo.eContent!;
  const tst = pkijs.TSTInfo.fromBER(eContent.getValue());
  return Buffer.from(tst.serialNumber.valueBlock.valueHexView).toString('hex');
}

describe('time-stamping authority (RFC 3161, POST /tsa)', () => {
  let fx: CaFixture;
  let built: TekenApp;
  let app: FastifyInstance;
  let chain: string;
  let tsaPem: string;
  let address = 0;
  const file = (name: string) => path.join(fx.dir, name);
  const nextAddress = () => `10.77.0.${++address}`;

  before(async () => {
    fx = await caFixture({ TEKEN_TSA_REQUESTS_PER_MINUTE: '5', TEKEN_TSA_ACCURACY_MS: '1500' });
    built = await buildApp(fx.rt);
    app = built.app;
    chain = fx.write(
      'chain.pem',
      fs.readFileSync(fx.caPem('root'), 'utf8') + fs.readFileSync(fx.caPem('seal'), 'utf8'),
    );
    const pem = await app.inject({ method: 'GET', url: '/ca/tsa.pem' });
    assert.equal(pem.statusCode, 200);
    tsaPem = fx.write('tsa.pem', pem.body);
  });
  after(() => app.close());

  /** POSTs a query; returns the HTTP answer. */
  const post = (body: Uint8Array | string, contentType = 'application/timestamp-query', ip = nextAddress()) =>
    app.inject({
      method: 'POST',
      url: '/tsa',
      remoteAddress: ip,
      headers: { 'content-type': contentType },
      payload: Buffer.from(body),
    });

  /** `openssl ts -query` for a new data file; returns the query file and its DER. */
  let n = 0;
  const query = (args: string[]) => {
    const name = `q${++n}`;
    const data = fx.write(`${name}.txt`, `dokumen ${name} ${crypto.randomUUID()}`);
    const out = file(`${name}.tsq`);
    openssl(['ts', '-query', '-data', data, ...args, '-out', out]);
    return { data, file: out, der: fs.readFileSync(out) };
  };

  /** Sends a query file and writes the reply to a file; returns the reply file and its -text. */
  const exchange = async (q: { file: string; der: Buffer }) => {
    const answer = await post(q.der);
    assert.equal(answer.statusCode, 200, answer.body);
    assert.equal(answer.headers['content-type'], 'application/timestamp-reply');
    const reply = q.file.replace(/\.tsq$/, '.tsr');
    fs.writeFileSync(reply, answer.rawPayload);
    return { reply, text: openssl(['ts', '-reply', '-in', reply, '-text']), der: answer.rawPayload };
  };

  it('grants a token with certReq that openssl ts -verify accepts, echoing the nonce', async () => {
    const q = query(['-sha256', '-cert']);
    const nonce = /Nonce: (0x[0-9A-F]+)/.exec(openssl(['ts', '-query', '-in', q.file, '-text']))?.[1];
    assert.ok(nonce, 'openssl puts a nonce into the query');
    const { reply, text } = await exchange(q);
    assert.match(text, /Status: Granted\./);
    assert.match(text, new RegExp(`Policy OID: ${POLICY.replace(/\./g, '\\.')}`));
    assert.match(text, /Hash Algorithm: sha256/);
    assert.ok(text.includes(`Nonce: ${nonce}`), text);
    // TEKEN_TSA_ACCURACY_MS=1500.
    assert.match(text, /Accuracy: 0x01 seconds, 0x01F4 millis/);
    assert.match(text, /Ordering: no/);
    assert.match(text, /TSA: DirName:.*Time-Stamping Unit 1/);
    // Verified against the query (imprint, nonce, policy) and against the data itself.
    const out = openssl(['ts', '-verify', '-in', reply, '-queryfile', q.file, '-CAfile', chain]);
    assert.match(out, /Verification: OK/);
    assert.match(
      openssl(['ts', '-verify', '-in', reply, '-data', q.data, '-CAfile', chain]),
      /Verification: OK/,
    );
    // The TSA certificate is in the token.
    const token = file('with-cert.tst');
    openssl(['ts', '-reply', '-in', reply, '-token_out', '-out', token]);
    const certs = openssl(['pkcs7', '-inform', 'DER', '-in', token, '-print_certs']);
    assert.match(certs, /Time-Stamping Unit 1/);
  });

  it('leaves the certificate out without certReq; verifiers then take it from /ca/tsa.crt', async () => {
    const q = query(['-sha256', '-no_nonce']);
    const { reply, text } = await exchange(q);
    assert.match(text, /Status: Granted\./);
    assert.match(text, /Nonce: unspecified/);
    const token = file('without-cert.tst');
    openssl(['ts', '-reply', '-in', reply, '-token_out', '-out', token]);
    assert.doesNotMatch(
      openssl(['pkcs7', '-inform', 'DER', '-in', token, '-print_certs']),
      /CERTIFICATE|subject=/,
    );
    // Without the certificate the token does not verify ...
    const bare = runTool('openssl', ['ts', '-verify', '-in', reply, '-queryfile', q.file, '-CAfile', chain]);
    assert.notEqual(bare.status, 0);
    // ... with the published one it does (DER and PEM are the same certificate).
    const der = await app.inject({ method: 'GET', url: '/ca/tsa.crt' });
    assert.equal(der.statusCode, 200);
    assert.equal(der.headers['content-type'], 'application/pkix-cert');
    assert.equal(toPem(der.rawPayload), fs.readFileSync(tsaPem, 'utf8'));
    const x509 = openssl(['x509', '-inform', 'DER', '-noout', '-text'], der.rawPayload);
    assert.match(x509, /X509v3 Extended Key Usage: critical\s+Time Stamping/);
    const out = openssl([
      'ts',
      '-verify',
      '-in',
      reply,
      '-queryfile',
      q.file,
      '-CAfile',
      chain,
      '-untrusted',
      tsaPem,
    ]);
    assert.match(out, /Verification: OK/);
  });

  it('accepts SHA-384 and SHA-512 imprints and its own policy; refuses SHA-1, MD5 and other policies', async () => {
    for (const hash of ['-sha384', '-sha512']) {
      const q = query([hash, '-cert', '-tspolicy', POLICY]);
      const { reply, text } = await exchange(q);
      assert.match(text, /Status: Granted\./);
      assert.match(text, new RegExp(`Hash Algorithm: ${hash.slice(1)}`));
      assert.match(
        openssl(['ts', '-verify', '-in', reply, '-queryfile', q.file, '-CAfile', chain]),
        /Verification: OK/,
      );
    }
    for (const hash of ['-sha1', '-md5']) {
      const { text } = await exchange(query([hash]));
      assert.match(text, /Status: Rejected\./);
      assert.match(text, /Failure info: unrecognized or unsupported algorithm identifier/);
    }
    const { text } = await exchange(query(['-sha256', '-tspolicy', '1.2.3.4.5']));
    assert.match(text, /Status: Rejected\./);
    assert.match(text, /Failure info: the requested TSA policy is not supported by the TSA/);
  });

  it('answers malformed, truncated and empty queries with a rejection (badDataFormat), never a 5xx', async () => {
    const good = query(['-sha256', '-cert']).der;
    const deep = Buffer.concat([
      Buffer.alloc(6000, 0x30).map((_, i) => (i % 2 ? 0x80 : 0x30)),
      Buffer.alloc(4000),
    ]);
    const cases: [string, Uint8Array][] = [
      ['empty', new Uint8Array(0)],
      ['one byte', Buffer.from([0x30])],
      ['truncated', good.subarray(0, good.length - 7)],
      ['trailing data', Buffer.concat([good, Buffer.from([0, 0])])],
      ['random', crypto.randomBytes(200)],
      ['an OCSP-looking SEQUENCE', Buffer.from('3003020101', 'hex')],
      ['version 2', Buffer.from(good).fill(2, 4, 5)],
      ['deeply nested indefinite lengths', deep],
      ['text', Buffer.from('bukan permintaan')],
    ];
    for (const [label, body] of cases) {
      const answer = await post(body);
      assert.equal(answer.statusCode, 200, `${label}: ${answer.body}`);
      const f = file(`bad-${label.replace(/\W+/g, '-')}.tsr`);
      fs.writeFileSync(f, answer.rawPayload);
      const text = openssl(['ts', '-reply', '-in', f, '-text']);
      assert.match(text, /Status: Rejected\./, label);
      assert.match(text, /Failure info: the data submitted has the wrong format/, label);
    }
  });

  it('answers a wrong content type with 415 and a huge body with 413, as problem+json', async () => {
    const good = query(['-sha256']).der;
    for (const type of ['application/json', 'application/ocsp-request', 'text/plain']) {
      const answer = await post(good, type);
      assert.equal(answer.statusCode, 415, type);
      assert.match(String(answer.headers['content-type']), /^application\/problem\+json/);
      assert.equal(answer.json<{ code: string }>().code, 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE');
    }
    const huge = await post(Buffer.alloc(64 * 1024, 0x30));
    assert.equal(huge.statusCode, 413);
    assert.equal(huge.json<{ code: string }>().code, 'ERR_INPUT_TOO_LARGE');
    const get = await app.inject({ method: 'GET', url: '/tsa' });
    assert.ok(get.statusCode >= 400 && get.statusCode < 500, String(get.statusCode));
  });

  it('limits requests per client address (429 with Retry-After), other addresses go on', async () => {
    const q = query(['-sha256']);
    const ip = '10.77.9.9';
    for (let i = 0; i < 5; i++) assert.equal((await post(q.der, undefined, ip)).statusCode, 200);
    const limited = await post(q.der, undefined, ip);
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json<{ code: string }>().code, 'ERR_TSA_RATE_LIMITED');
    const retry = Number(limited.headers['retry-after']);
    assert.ok(retry >= 1 && retry <= 60, `Retry-After ${retry}`);
    assert.equal((await post(q.der, undefined, '10.77.9.10')).statusCode, 200);
  });

  it('records each token (serial, time, imprint; no document) and gives unique serials under concurrency', async () => {
    const digests = Array.from({ length: 150 }, () => crypto.randomBytes(32));
    const tokens = await Promise.all(digests.map((d) => fx.rt.tsa.timestamp(d, 'sha256')));
    const serials = tokens.map(tokenSerial);
    assert.equal(new Set(serials).size, tokens.length);
    const rows = await fx.rt.db
      .select()
      .from(timeStampTokens)
      .where(sql`${timeStampTokens.serial} in ${serials.map((s) => s.replace(/^(00)+(?=..)/, ''))}`);
    assert.equal(rows.length, tokens.length);
    const unit = (await fx.rt.registry.get('seal')).tsa!;
    for (const row of rows) {
      assert.equal(row.signerSerial, unit.serial);
      assert.equal(row.policy, POLICY);
      assert.equal(row.hashAlgorithm, 'sha256');
    }
    const stored = new Set(rows.map((r) => Buffer.from(r.digest).toString('hex')));
    for (const d of digests) assert.ok(stored.has(d.toString('hex')));
    // The table has no column that could hold a document.
    const columns = await fx.rt.db.execute(
      sql`select column_name from information_schema.columns where table_name = 'time_stamp_tokens' order by 1`,
    );
    assert.deepEqual(
      (columns as { rows: { column_name: string }[] }).rows.map((r) => r.column_name),
      ['digest', 'gen_time', 'hash_algorithm', 'policy', 'serial', 'signer_serial'],
    );
    // The tokens the signing engine takes verify with OpenSSL too (one of them, with -digest).
    const token = fx.write('direct.tst', tokens[0]!);
    const out = openssl([
      'ts',
      '-verify',
      '-token_in',
      '-in',
      token,
      '-digest',
      digests[0]!.toString('hex'),
      '-CAfile',
      chain,
    ]);
    assert.match(out, /Verification: OK/);
    // A nonce given by the caller is in the token; a digest of the wrong length is refused.
    const withNonce = fx.write(
      'nonce.tst',
      await fx.rt.tsa.timestamp(digests[1]!, 'sha256', { nonce: 0xdeadbeefn }),
    );
    assert.match(openssl(['ts', '-reply', '-token_in', '-in', withNonce, '-text']), /Nonce: 0xDEADBEEF/);
    await assert.rejects(fx.rt.tsa.timestamp(crypto.randomBytes(20), 'sha256'), (e) =>
      isTekenError(e, 'ERR_INPUT_INVALID'),
    );
  });

  it('counts its answers in the metrics', async () => {
    const scrape = await built.metrics.scrape();
    assert.match(scrape, /teken_tsa_responses_total\{outcome="granted"\} [1-9]/);
    assert.match(scrape, /teken_tsa_responses_total\{outcome="badDataFormat"\} [1-9]/);
    assert.match(scrape, /teken_tsa_responses_total\{outcome="badAlg"\} [1-9]/);
  });

  it('refuses while the unit certificate has expired, and signs again once renewed', async () => {
    const unit = (await fx.rt.registry.get('seal')).tsa!;
    await fx.rt.db
      .update(delegatedSigners)
      .set({ notAfter: new Date(Date.now() - 1000) })
      .where(eq(delegatedSigners.serial, unit.serial));
    await fx.rt.registry.reload();
    const { text } = await exchange(query(['-sha256']));
    assert.match(text, /Status: Rejected\./);
    assert.match(text, /Failure info: the request cannot be handled due to system failure/);
    await assert.rejects(fx.rt.tsa.timestamp(crypto.randomBytes(32), 'sha256'), (e) =>
      isTekenError(e, 'ERR_TSA_UNAVAILABLE'),
    );
    await fx.rt.db
      .update(delegatedSigners)
      .set({ notAfter: unit.notAfter })
      .where(eq(delegatedSigners.serial, unit.serial));
    await fx.rt.registry.reload();
    assert.match((await exchange(query(['-sha256']))).text, /Status: Granted\./);
  });

  it('refuses at once when the unit certificate is revoked (systemFailure), and signs again once renewed', async () => {
    const before = (await fx.rt.registry.get('seal')).tsa!;
    await revokeCertificate(fx.rt.authority, {
      serial: before.serial,
      caId: 'seal',
      reason: 'keyCompromise',
      actor: 'test',
    });
    // No reload: the refusal comes from the database, as it would on another instance.
    const q = query(['-sha256', '-cert']);
    const { text } = await exchange(q);
    assert.match(text, /Status: Rejected\./);
    assert.match(text, /Failure info: the request cannot be handled due to system failure/);
    await assert.rejects(fx.rt.tsa.timestamp(crypto.randomBytes(64), 'sha512'), (e) =>
      isTekenError(e, 'ERR_TSA_UNAVAILABLE'),
    );
    const report = await renewDelegatedSigners(fx.rt.authority, {
      actor: 'test',
      force: true,
      purpose: 'tsa',
    });
    assert.equal(report.renewed.length, 1);
    const after = (await fx.rt.registry.get('seal')).tsa!;
    assert.notEqual(after.serial, before.serial);
    const again = await exchange(q);
    assert.match(again.text, /Status: Granted\./);
    assert.match(
      openssl(['ts', '-verify', '-in', again.reply, '-queryfile', q.file, '-CAfile', chain]),
      /Verification: OK/,
    );
    const renewedPem = await app.inject({ method: 'GET', url: '/ca/tsa.pem' });
    assert.equal(renewedPem.body, toPem(after.certificateDer));
  });
});

describe('time-stamp token structure', () => {
  it('carries signing-certificate-v2 (ESSCertIDv2) naming the unit certificate by SHA-256', async () => {
    const fx = await caFixture();
    const digest = crypto.randomBytes(48);
    const token = await fx.rt.tsa.timestamp(digest, 'sha384', { certReq: false });
    const unit = (await fx.rt.registry.get('seal')).tsa!;
    const signed = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(token).content });
    assert.equal(signed.certificates, undefined);
    const attrs = signed.signerInfos[0]!.signedAttrs!.attributes;
    const v2 = attrs.find((a) => a.type === '1.2.840.113549.1.9.16.2.47');
    assert.ok(v2, 'signing-certificate-v2 is a signed attribute');
    assert.equal(
      attrs.find((a) => a.type === '1.2.840.113549.1.9.5'),
      undefined,
      'no signing-time',
    );
    // SigningCertificateV2 → certs → ESSCertIDv2 → certHash (hashAlgorithm omitted: SHA-256).
    const essCertId = ((v2.values[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence).valueBlock
      .value[0] as asn1js.Sequence;
    const certHash = essCertId.valueBlock.value[0] as asn1js.OctetString;
    assert.ok(certHash instanceof asn1js.OctetString);
    assert.equal(
      Buffer.from(certHash.valueBlock.valueHexView).toString('hex'),
      crypto.createHash('sha256').update(unit.certificateDer).digest('hex'),
    );
    // OpenSSL agrees, given the certificate.
    const tsa = fx.write('tsa.pem', toPem(unit.certificateDer));
    const chainFile = fx.write(
      'chain.pem',
      fs.readFileSync(fx.caPem('root'), 'utf8') + fs.readFileSync(fx.caPem('seal'), 'utf8'),
    );
    const tokenFile = fx.write('t.tst', token);
    const out = openssl([
      'ts',
      '-verify',
      '-token_in',
      '-in',
      tokenFile,
      '-digest',
      digest.toString('hex'),
      '-CAfile',
      chainFile,
      '-untrusted',
      tsa,
    ]);
    assert.match(out, /Verification: OK/);
  });
});
