// Scratch: writes the same N revocations as an OpenSSL `ca` index.txt and as a CrlEntry generator,
// then times `openssl ca -gencrl` against encodeCrl with the same P-384 CA key.
// Usage: node --import tsx bench/crl-openssl-compare-scratch.ts [N] [dir]
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { keyObjectSigner } from '../src/keys/software-backend.js';
import { encodeCrl, type CrlEntry } from '../src/pki/crl.js';
import { x509 } from '../src/pki/x509.js';

const count = Number(process.argv[2] ?? 1_000_000);
const dir = process.argv[3] ?? fs.mkdtempSync('/tmp/crl-compare-');
fs.mkdirSync(dir, { recursive: true });

// OpenSSL's index.txt knows these reasons only (no privilegeWithdrawn, aACompromise).
const reasonNames = [
  'unspecified',
  'keyCompromise',
  'CACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
];
const start = Date.UTC(2024, 0, 1);

function* revocations(): Generator<CrlEntry & { reason: number }> {
  // Deterministic (AES-CTR keystream): both runs see the same serials.
  const stream = crypto.createCipheriv('aes-128-ctr', Buffer.alloc(16), Buffer.alloc(16));
  const zeros = Buffer.alloc(20 * 4096);
  let random = zeros;
  for (let i = 0; i < count; i++) {
    if (i % 4096 === 0) random = stream.update(zeros);
    const offset = (i % 4096) * 20;
    random[offset] = (random[offset]! & 0x7f) | 0x01;
    const reason = i % reasonNames.length;
    yield {
      serialHex: random.toString('hex', offset, offset + 20),
      revokedAt: new Date(start + i * 1000),
      reason,
      invalidityDate: reason === 1 ? new Date(start + i * 1000 - 86_400_000) : undefined,
    };
  }
}

const utc = (d: Date) => d.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';
const gen = (d: Date) => d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';

const caKeys = crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' });
const skid = crypto.randomBytes(20);
const ca = await x509.X509CertificateGenerator.createSelfSigned({
  serialNumber: '01',
  name: 'CN=Teken Compare CA',
  notBefore: new Date(Date.now() - 86_400_000),
  notAfter: new Date(Date.now() + 365 * 86_400_000),
  keys: {
    privateKey: await crypto.webcrypto.subtle.importKey(
      'pkcs8',
      caKeys.privateKey.export({ type: 'pkcs8', format: 'der' }),
      { name: 'ECDSA', namedCurve: 'P-384' },
      true,
      ['sign'],
    ),
    publicKey: await crypto.webcrypto.subtle.importKey(
      'spki',
      caKeys.publicKey.export({ type: 'spki', format: 'der' }),
      { name: 'ECDSA', namedCurve: 'P-384' },
      true,
      ['verify'],
    ),
  },
  signingAlgorithm: { name: 'ECDSA', hash: 'SHA-384' },
  extensions: [
    new x509.BasicConstraintsExtension(true, undefined, true),
    new x509.SubjectKeyIdentifierExtension(Buffer.from(skid).toString('hex')),
  ],
});
fs.writeFileSync(path.join(dir, 'ca.pem'), ca.toString('pem'));
fs.writeFileSync(path.join(dir, 'ca.key'), caKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }));

const lines: string[] = [];
for (const r of revocations()) {
  let rev = `${utc(r.revokedAt)},${reasonNames[r.reason]}`;
  if (r.invalidityDate) rev = `${utc(r.revokedAt)},keyTime,${gen(r.invalidityDate)}`;
  lines.push(`R\t491231235959Z\t${rev}\t${r.serialHex.toUpperCase()}\tunknown\t/CN=leaf${lines.length}`);
}
fs.writeFileSync(path.join(dir, 'index.txt'), lines.join('\n') + '\n');
lines.length = 0;
fs.writeFileSync(path.join(dir, 'index.txt.attr'), 'unique_subject = no\n');
fs.writeFileSync(
  path.join(dir, 'openssl.cnf'),
  `[ca]\ndefault_ca = CA\n[CA]\ndir = ${dir}\ndatabase = $dir/index.txt\ncertificate = $dir/ca.pem\nprivate_key = $dir/ca.key\ncrlnumber = $dir/crlnumber\ndefault_md = sha384\ndefault_crl_days = 7\ncrl_extensions = crl_ext\n[crl_ext]\nauthorityKeyIdentifier = keyid:always\n`,
);
fs.writeFileSync(path.join(dir, 'crlnumber'), '2A\n');

const t0 = performance.now();
const result = spawnSync(
  '/usr/bin/time',
  [
    '-v',
    'openssl',
    'ca',
    '-config',
    path.join(dir, 'openssl.cnf'),
    '-gencrl',
    '-out',
    path.join(dir, 'openssl-crl.pem'),
  ],
  { encoding: 'utf8' },
);
const opensslSeconds = (performance.now() - t0) / 1000;
console.log(
  `openssl ca -gencrl: exit ${result.status}, ${opensslSeconds.toFixed(2)} s wall, ${/Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1]} KiB peak RSS`,
);
if (result.status !== 0) console.log(result.stderr.slice(0, 2000));

const t1 = performance.now();
const der = await encodeCrl({
  issuerNameDer: new Uint8Array(ca.subjectName.toArrayBuffer()),
  issuerKeyIdentifier: new Uint8Array(skid),
  crlNumber: 42n,
  thisUpdate: new Date(),
  nextUpdate: new Date(Date.now() + 7 * 86_400_000),
  entries: revocations(),
  signingKey: keyObjectSigner('ca', 'p384', caKeys.privateKey),
});
console.log(`encodeCrl: ${((performance.now() - t1) / 1000).toFixed(2)} s, ${der.length} bytes`);
fs.writeFileSync(path.join(dir, 'teken-crl.der'), der);
console.log(dir);
