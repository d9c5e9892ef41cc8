/**
 * src/pki/read-signed-data.ts, the validator's fast CMS reader, against SignedData it did not make:
 * OpenSSL's `cms -sign` in its variants (RSA, RSASSA-PSS, P-256, no signed attributes, the chain
 * included, a subject-key-identifier signer, BER with indefinite lengths) and `ts -reply` tokens.
 * For every one, checkCms finds through the fast reader exactly what it finds through PKI.js; what
 * the fast reader leaves to PKI.js (BER, a key-identifier signer, names that match only as RFC 5280
 * compares them) it leaves, rather than reading it differently.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { readCertificateIds, readSignedData, readTstInfo } from '../../src/pki/read-signed-data.js';
import { checkCms, checkTimestampToken } from '../../src/signing/verify/cms-check.js';
import { makePadesPki, type PadesPki } from '../helpers/pades-pki.js';
import { openssl } from '../helpers/run-tool.js';
import { tmpDir } from '../helpers/tmp-dir.js';

let pki: PadesPki;
let dir: string;
let content: Uint8Array;
let contentFile: string;

before(() => {
  pki = makePadesPki();
  dir = tmpDir();
  content = new Uint8Array(crypto.randomBytes(3000));
  contentFile = path.join(dir, 'content.bin');
  fs.writeFileSync(contentFile, content);
});

/** `openssl cms -sign` of the content, detached, DER. */
function opensslCms(name: string, who: 'rsa' | 'ec', extra: string[]): Uint8Array {
  const out = path.join(dir, `${name}.der`);
  openssl([
    'cms',
    '-sign',
    '-binary',
    '-in',
    contentFile,
    '-signer',
    pki[who].certFile,
    '-inkey',
    pki[who].keyFile,
    '-certfile',
    pki.ca.certFile,
    '-outform',
    'DER',
    '-out',
    out,
    ...extra,
  ]);
  return new Uint8Array(fs.readFileSync(out));
}

describe('readSignedData: what the validator finds is what PKI.js finds', () => {
  const plainVariants: [string, 'rsa' | 'ec', string[]][] = [
    ['rsa', 'rsa', []],
    ['rsa-sha512', 'rsa', ['-md', 'sha512']],
    ['rsa-pss', 'rsa', ['-keyopt', 'rsa_padding_mode:pss', '-keyopt', 'rsa_pss_saltlen:32']],
    ['ec', 'ec', []],
    ['ec-noattr', 'ec', ['-noattr']],
    ['rsa-nocerts', 'rsa', ['-nocerts']],
  ];
  for (const [name, who, extra] of plainVariants) {
    it(`openssl cms -sign ${extra.join(' ') || '(defaults)'} (${who}): read fast, the same findings`, () => {
      const der = opensslCms(name, who, extra);
      const raw = readSignedData(der);
      assert.ok(raw, 'plain DER is read');
      assert.equal(raw.eContent, undefined);
      const fast = checkCms(der, content);
      assert.deepEqual(fast, checkCms(der, content, 'pkijs'));
      if (name !== 'rsa-nocerts') {
        assert.equal(fast.digestMatches, true);
        assert.equal(fast.signatureValid, true);
        assert.deepEqual(fast.signerCertificate, pki[who].certificate);
        assert.deepEqual(
          fast.certificates.map((c) => Buffer.from(c).toString('hex')).sort(),
          [pki[who].certificate, pki.ca.certificate].map((c) => Buffer.from(c).toString('hex')).sort(),
        );
      } else assert.equal(fast.signatureValid, false);
      // Another content: the digest no longer matches, by either reader.
      const other = new Uint8Array(content);
      other[7] = other[7]! ^ 1;
      const changed = checkCms(der, other);
      assert.deepEqual(changed, checkCms(der, other, 'pkijs'));
      assert.equal(changed.digestMatches, false);
    });
  }

  it('a forged signature value: the same finding (signature invalid) by both readers', () => {
    const der = opensslCms('forged', 'rsa', []);
    const raw = readSignedData(der)!;
    const at = raw.signer.signature.byteOffset - der.byteOffset + 10;
    const forged = new Uint8Array(der);
    forged[at] = forged[at]! ^ 0xff;
    const fast = checkCms(forged, content);
    assert.deepEqual(fast, checkCms(forged, content, 'pkijs'));
    assert.equal(fast.digestMatches, true);
    assert.equal(fast.signatureValid, false);
  });

  it('a subject-key-identifier signer and BER (indefinite lengths) are left to PKI.js, same findings', () => {
    for (const [name, extra] of [
      ['keyid', ['-keyid']],
      ['ber', ['-stream']],
    ] as const) {
      const der = opensslCms(name, 'ec', [...extra]);
      assert.equal(readSignedData(der), undefined, name);
      const found = checkCms(der, content);
      assert.deepEqual(found, checkCms(der, content, 'pkijs'));
      assert.equal(found.signatureValid, true, name);
      assert.equal(found.digestMatches, true, name);
    }
  });

  it('broken input: no fast reading, and checkCms throws as before; trailing bytes read as PKI.js reads them', () => {
    const der = opensslCms('whole', 'rsa', []);
    for (const cut of [0, 1, 10, Math.floor(der.length / 2), der.length - 1]) {
      const truncated = der.subarray(0, cut);
      assert.equal(readSignedData(truncated), undefined);
      assert.throws(() => checkCms(truncated, content));
    }
    // Bytes after the ContentInfo: PKI.js reads what precedes them, and so does the fast reader
    // (the validator cuts /Contents to the ContentInfo's length first anyway).
    const trailing = new Uint8Array([...der, 0, 0]);
    assert.ok(readSignedData(trailing));
    assert.deepEqual(checkCms(trailing, content), checkCms(trailing, content, 'pkijs'));
    assert.equal(readCertificateIds(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01])), undefined);
  });

  it('readCertificateIds: serial, issuer, subject and key as OpenSSL prints them', () => {
    const ids = readCertificateIds(pki.rsa.certificate)!;
    const x = new crypto.X509Certificate(pki.rsa.certificate);
    assert.equal(
      Buffer.from(ids.serial).toString('hex').toUpperCase(),
      x.serialNumber.replace(/^0+/, '').padStart(2, '0'),
    );
    const spki = x.publicKey.export({ type: 'spki', format: 'der' });
    assert.ok(Buffer.from(spki).toString('hex').endsWith(Buffer.from(ids.publicKey).toString('hex')));
    const ca = readCertificateIds(pki.ca.certificate)!;
    assert.deepEqual(ids.issuer, ca.subject);
  });

  it('openssl ts -reply tokens: the same genTime, imprint and findings by both readers', () => {
    const config = path.join(dir, 'tsa.cnf');
    fs.writeFileSync(
      config,
      [
        '[ tsa ]',
        'default_tsa = tsa_config',
        '[ tsa_config ]',
        `serial = ${path.join(dir, 'tsaserial')}`,
        'default_policy = 1.3.6.1.4.1.55555.1',
        'digests = sha256',
        'signer_digest = sha256',
        'accuracy = secs:1, millisecs:500',
        'ess_cert_id_alg = sha256',
        'ordering = yes',
        'tsa_name = yes',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(dir, 'tsaserial'), '01\n');
    const query = path.join(dir, 'query.tsq');
    openssl(['ts', '-query', '-data', contentFile, '-sha256', '-cert', '-out', query]);
    for (const precision of ['0', '3']) {
      const reply = path.join(dir, `reply-${precision}.tsr`);
      const tokenFile = path.join(dir, `token-${precision}.der`);
      const text = fs.readFileSync(config, 'utf8').replace(/clock_precision_digits = \d\n/, '');
      fs.writeFileSync(config, `${text}clock_precision_digits = ${precision}\n`);
      openssl([
        'ts',
        '-reply',
        '-config',
        config,
        '-queryfile',
        query,
        '-signer',
        pki.tsa.certFile,
        '-inkey',
        pki.tsa.keyFile,
        '-chain',
        pki.ca.certFile,
        '-out',
        reply,
      ]);
      openssl(['ts', '-reply', '-in', reply, '-token_out', '-out', tokenFile]);
      const token = new Uint8Array(fs.readFileSync(tokenFile));
      const raw = readSignedData(token);
      assert.ok(raw?.eContent);
      assert.ok(readTstInfo(raw.eContent));
      const fast = checkTimestampToken(token, content);
      assert.deepEqual(fast, checkTimestampToken(token, content, 'pkijs'));
      assert.equal(fast.imprintMatches, true);
      assert.equal(fast.cms.signatureValid, true);
      assert.ok(Math.abs(fast.genTime.getTime() - Date.now()) < 600_000);
    }
  });
});
