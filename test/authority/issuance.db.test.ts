import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { issueFromCsr } from '../../src/authority/issue-certificate.js';
import { auditEvents, certificates } from '../../src/db/schema.js';
import { parseDistinguishedName } from '../../src/pki/distinguished-name.js';
import { assertVerifies, caFixture, opensslCsr, type CaFixture } from '../helpers/ca-fixture.js';
import { buildCsr, utf8Name } from '../helpers/csr-builder.js';
import { openssl } from '../helpers/run-tool.js';

describe('issuance from CSRs', () => {
  let f: CaFixture;
  before(async () => {
    f = await caFixture();
  });

  const issue = async (
    profile: string,
    caId: string,
    csr: string | Uint8Array,
    extra: Partial<Parameters<typeof issueFromCsr>[1]> = {},
  ) => issueFromCsr(f.rt.authority, { caId, profile, csr, actor: 'test', ...extra });

  it('issues a personal signing certificate that OpenSSL verifies, with document-signing usages', async () => {
    const { csrPem } = opensslCsr(f.dir, 'budi', '/C=ID/O=Kementerian Contoh/CN=Budi Santoso', {
      addext: ['subjectAltName=email:budi@contoh.go.id'],
    });
    const issued = await issue('individual', 'individual', csrPem);
    const file = f.write('budi.pem', issued.pem);
    assertVerifies(f, 'individual', file, ['-purpose', 'smimesign']);
    const text = openssl(['x509', '-in', file, '-noout', '-text']);
    assert.match(text, /Key Usage: critical\s+Digital Signature, Non Repudiation/);
    assert.match(text, /E-mail Protection/);
    assert.match(text, /1\.3\.6\.1\.5\.5\.7\.3\.36/);
    assert.match(text, /Microsoft Encrypted File System|1\.3\.6\.1\.4\.1\.311\.10\.3\.12|Document Signing/);
    assert.match(text, /1\.2\.840\.113583\.1\.1\.5/);
    assert.match(text, /OCSP - URI:http:\/\/127\.0\.0\.1:3000\/ocsp/);
    assert.match(text, /URI:http:\/\/127\.0\.0\.1:3000\/crl\/individual\.crl/);
    assert.match(text, /email:budi@contoh\.go\.id/);
    assert.match(text, /CA:FALSE/);
    // 20-byte positive serial, as OpenSSL prints it.
    const serial = openssl(['x509', '-in', file, '-noout', '-serial']).trim().split('=')[1]!;
    assert.equal(serial.length, 40);
    assert.equal(serial.toLowerCase(), issued.serialHex);
  });

  it('accepts a DER CSR and an RSA key', async () => {
    const { csrFile } = opensslCsr(f.dir, 'rsa', '/C=ID/CN=Rsa User', { key: ['-newkey', 'rsa:2048'] });
    const der = openssl(['req', '-in', csrFile, '-outform', 'DER']) && fs.readFileSync(csrFile);
    const derFile = path.join(f.dir, 'rsa.der');
    openssl(['req', '-in', csrFile, '-outform', 'DER', '-out', derFile]);
    assert.ok(der);
    const issued = await issue('individual', 'individual', new Uint8Array(fs.readFileSync(derFile)));
    assertVerifies(f, 'individual', f.write('rsa.pem', issued.pem));
  });

  it('issues a seal certificate', async () => {
    const { csrPem } = opensslCsr(
      f.dir,
      'seal',
      '/C=ID/O=Pemerintah Kota Contoh/CN=Segel Elektronik Kota Contoh',
    );
    const issued = await issue('seal', 'seal', csrPem);
    assertVerifies(f, 'seal', f.write('seal-cert.pem', issued.pem), ['-purpose', 'smimesign']);
  });

  it('issues a TLS server certificate with DNS and IP names', async () => {
    const { csrPem } = opensslCsr(f.dir, 'tls', '/CN=portal.contoh.go.id', {
      addext: ['subjectAltName=DNS:portal.contoh.go.id,DNS:www.contoh.go.id,IP:10.1.2.3'],
    });
    const issued = await issue('tls-server', 'tls', csrPem);
    const file = f.write('tls-cert.pem', issued.pem);
    assertVerifies(f, 'tls', file, ['-purpose', 'sslserver', '-verify_hostname', 'www.contoh.go.id']);
    assert.match(openssl(['x509', '-in', file, '-noout', '-text']), /TLS Web Server Authentication/);
    assert.ok(issued.notAfter.getTime() - issued.notBefore.getTime() <= 200 * 86_400_000);
  });

  it('lets the operator override the subject and SANs and set the validity', async () => {
    const { csrPem } = opensslCsr(f.dir, 'override', '/CN=whatever');
    const issued = await issue('tls-server', 'tls', csrPem, {
      subject: parseDistinguishedName('CN=api.contoh.go.id, O=Contoh, C=ID'),
      altNames: [{ type: 'dns', value: 'api.contoh.go.id' }],
      days: 30,
    });
    assert.equal(issued.subject, 'CN=api.contoh.go.id, O=Contoh, C=ID');
    assert.equal(Math.round((issued.notAfter.getTime() - issued.notBefore.getTime()) / 86_400_000), 30);
  });

  describe('refuses bad requests with a clear error and stores nothing', () => {
    const cases: { name: string; code: string; message?: RegExp; run: () => Promise<unknown> }[] = [
      {
        name: 'random bytes',
        code: 'ERR_CSR_MALFORMED',
        run: () =>
          issue(
            'individual',
            'individual',
            new Uint8Array(Buffer.from('8f3a9c0b11d2e4f5a6b7c8d9e0f1a2b3c4d5e6f7', 'hex')),
          ),
      },
      {
        name: 'a truncated DER request',
        code: 'ERR_CSR_MALFORMED',
        run: async () => {
          const { csrFile } = opensslCsr(f.dir, 'trunc', '/C=ID/CN=Trunc');
          const der = path.join(f.dir, 'trunc.der');
          openssl(['req', '-in', csrFile, '-outform', 'DER', '-out', der]);
          const bytes = fs.readFileSync(der);
          return issue('individual', 'individual', new Uint8Array(bytes.subarray(0, bytes.length - 20)));
        },
      },
      {
        name: 'a PEM block that is not a CSR',
        code: 'ERR_CSR_MALFORMED',
        run: () => issue('individual', 'individual', fs.readFileSync(f.caPem('root'), 'utf8')),
      },
      {
        name: 'a tampered request (bad signature)',
        code: 'ERR_CSR_SIGNATURE_INVALID',
        run: async () => {
          const { csrFile } = opensslCsr(f.dir, 'tamper', '/C=ID/CN=Tamper Me');
          const der = path.join(f.dir, 'tamper.der');
          openssl(['req', '-in', csrFile, '-outform', 'DER', '-out', der]);
          const bytes = Buffer.from(fs.readFileSync(der));
          const at = bytes.indexOf(Buffer.from('Tamper Me'));
          bytes[at] = 'X'.charCodeAt(0);
          return issue('individual', 'individual', new Uint8Array(bytes));
        },
      },
      {
        name: 'a 1024-bit RSA key',
        code: 'ERR_CSR_KEY_UNSUPPORTED',
        message: /2048 to 4096/,
        run: () =>
          issue(
            'individual',
            'individual',
            opensslCsr(f.dir, 'weak', '/C=ID/CN=Weak', { key: ['-newkey', 'rsa:1024'] }).csrPem,
          ),
      },
      {
        name: 'a secp256k1 key',
        code: 'ERR_CSR_KEY_UNSUPPORTED',
        message: /P-256 or P-384/,
        run: () =>
          issue(
            'individual',
            'individual',
            opensslCsr(f.dir, 'k1', '/C=ID/CN=K1', {
              key: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:secp256k1'],
            }).csrPem,
          ),
      },
      {
        name: 'an Ed25519 key',
        code: 'ERR_CSR_KEY_UNSUPPORTED',
        run: () =>
          issue(
            'individual',
            'individual',
            opensslCsr(f.dir, 'ed', '/C=ID/CN=Ed', { key: ['-newkey', 'ed25519'] }).csrPem,
          ),
      },
      {
        name: 'a NUL inside the common name',
        code: 'ERR_INPUT_INVALID',
        message: /control characters/,
        run: () =>
          issue(
            'individual',
            'individual',
            buildCsr({
              subject: utf8Name([
                ['2.5.4.6', new Uint8Array(Buffer.from('ID'))],
                ['2.5.4.3', new Uint8Array(Buffer.from('portal.go.id\0.evil.example'))],
              ]),
            }),
          ),
      },
      {
        name: 'a request for a CA certificate',
        code: 'ERR_PROFILE_VIOLATION',
        message: /CA certificate/,
        run: () =>
          issue(
            'individual',
            'individual',
            opensslCsr(f.dir, 'ca', '/C=ID/CN=Sneaky CA', { addext: ['basicConstraints=critical,CA:TRUE'] })
              .csrPem,
          ),
      },
      {
        name: 'a forbidden extension',
        code: 'ERR_PROFILE_VIOLATION',
        message: /1\.2\.3\.4/,
        run: () =>
          issue(
            'individual',
            'individual',
            opensslCsr(f.dir, 'ext', '/C=ID/CN=Ext', { addext: ['1.2.3.4=ASN1:UTF8String:hello'] }).csrPem,
          ),
      },
      {
        name: 'a DNS name in a personal certificate',
        code: 'ERR_PROFILE_VIOLATION',
        message: /dns are not allowed/,
        run: () =>
          issue(
            'individual',
            'individual',
            opensslCsr(f.dir, 'dns', '/C=ID/CN=Dns', { addext: ['subjectAltName=DNS:example.com'] }).csrPem,
          ),
      },
      {
        name: 'a personal certificate without a country',
        code: 'ERR_PROFILE_VIOLATION',
        message: /needs C/,
        run: () => issue('individual', 'individual', opensslCsr(f.dir, 'noc', '/CN=No Country').csrPem),
      },
      {
        name: 'a server certificate without names',
        code: 'ERR_PROFILE_VIOLATION',
        message: /at least one subject alternative name/,
        run: () => issue('tls-server', 'tls', opensslCsr(f.dir, 'nosan', '/CN=host.example.com').csrPem),
      },
      {
        name: 'a server CN that is not among the SANs',
        code: 'ERR_PROFILE_VIOLATION',
        run: () =>
          issue(
            'tls-server',
            'tls',
            opensslCsr(f.dir, 'cn', '/CN=other.example.com', {
              addext: ['subjectAltName=DNS:host.example.com'],
            }).csrPem,
          ),
      },
      {
        name: 'an invalid DNS name',
        code: 'ERR_INPUT_INVALID',
        run: () =>
          issue(
            'tls-server',
            'tls',
            opensslCsr(f.dir, 'baddns', '/CN=bad', { addext: ['subjectAltName=DNS:-bad-.example.com'] })
              .csrPem,
          ),
      },
      {
        name: 'a profile from the wrong CA',
        code: 'ERR_PROFILE_NOT_ALLOWED',
        run: () =>
          issue(
            'tls-server',
            'individual',
            opensslCsr(f.dir, 'wrongca', '/CN=h.example.com', {
              addext: ['subjectAltName=DNS:h.example.com'],
            }).csrPem,
          ),
      },
      {
        name: 'an unknown profile',
        code: 'ERR_PROFILE_NOT_FOUND',
        run: () => issue('code-signing', 'individual', opensslCsr(f.dir, 'cs', '/C=ID/CN=Cs').csrPem),
      },
      {
        name: 'an internal profile',
        code: 'ERR_PROFILE_NOT_FOUND',
        run: () => issue('ocsp-responder', 'individual', opensslCsr(f.dir, 'ocspp', '/C=ID/CN=Ocsp').csrPem),
      },
      {
        name: 'more days than the profile allows',
        code: 'ERR_PROFILE_VIOLATION',
        message: /1 to 730 days/,
        run: () =>
          issue('individual', 'individual', opensslCsr(f.dir, 'long', '/C=ID/CN=Long').csrPem, {
            days: 3650,
          }),
      },
      {
        name: 'an unknown CA',
        code: 'ERR_CA_NOT_FOUND',
        run: () => issue('individual', 'nope', opensslCsr(f.dir, 'noca', '/C=ID/CN=NoCa').csrPem),
      },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const before = await counts();
        await assert.rejects(c.run(), (error: Error & { code?: string }) => {
          assert.equal(error.code, c.code, error.message);
          if (c.message) assert.match(error.message, c.message);
          return true;
        });
        assert.deepEqual(await counts(), before);
      });
    }
  });

  async function counts() {
    const [certs] = await f.rt.db.select({ n: count() }).from(certificates);
    const [events] = await f.rt.db
      .select({ n: count() })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'certificate.issue'));
    return { certs: certs!.n, events: events!.n };
  }
});
