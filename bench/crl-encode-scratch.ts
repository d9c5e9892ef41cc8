// Scratch benchmark: encodes a CRL with N revoked entries (default 1,000,000) signed by a P-384 key
// and prints the encoding time and peak RSS (sampled every 20 ms). Not part of the test suite.
// The time includes producing the entries (random serials, Date objects) in the generator.
// Usage: /usr/bin/time -v node --import tsx bench/crl-encode-scratch.ts [N] [out.der]
import crypto from 'node:crypto';
import fs from 'node:fs';
import { generateKeyPair, keyObjectSigner } from '../src/keys/software-backend.js';
import { encodeCrl, type CrlEntry } from '../src/pki/crl.js';

const count = Number(process.argv[2] ?? 1_000_000);
const outFile = process.argv[3];
const key = keyObjectSigner('bench', 'p384', generateKeyPair('p384').privateKey);

// 20-byte random serials like randomSerial(), reason cycling through the valid codes, an invalidity
// date on every fourth entry: streamed from a generator, as from a database cursor.
function* entries(): Generator<CrlEntry> {
  const random = crypto.randomBytes(20 * 4096);
  const start = Date.UTC(2024, 0, 1);
  const reasons = [0, 1, 2, 3, 4, 5, 6, 8, 9, 10];
  for (let i = 0; i < count; i++) {
    if (i % 4096 === 0) crypto.randomFillSync(random);
    const offset = (i % 4096) * 20;
    random[offset] = (random[offset]! & 0x7f) | 0x01;
    yield {
      serialHex: random.toString('hex', offset, offset + 20),
      revokedAt: new Date(start + i * 1000),
      reason: reasons[i % reasons.length]!,
      invalidityDate: i % 4 === 0 ? new Date(start + i * 1000 - 86_400_000) : undefined,
    };
  }
}

// CN=Teken Benchmark CA
const issuerNameDer = new Uint8Array(
  Buffer.from('301d311b301906035504030c1254656b656e2042656e63686d61726b204341', 'hex'),
);
let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
const started = performance.now();
const der = await encodeCrl({
  issuerNameDer,
  issuerKeyIdentifier: crypto.randomBytes(20),
  crlNumber: 42n,
  thisUpdate: new Date(),
  nextUpdate: new Date(Date.now() + 7 * 86_400_000),
  entries: entries(),
  signingKey: key,
});
const elapsed = performance.now() - started;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage.rss());
console.log(
  `${count} entries: ${der.length} bytes in ${(elapsed / 1000).toFixed(2)} s, peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (sampled)`,
);
if (outFile) fs.writeFileSync(outFile, der);
