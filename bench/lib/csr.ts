/**
 * A pool of PKCS#10 requests for P-256 subscriber keys, built with node:crypto (the bench needs
 * thousands; `openssl req` would take a process each). Subject C=ID, O=…, CN=Bench Subscriber <i>.
 */
import crypto from 'node:crypto';
import { encodeName } from '../../src/pki/distinguished-name.js';

function tlv(tag: number, ...parts: Uint8Array[]): Buffer {
  const content = Buffer.concat(parts);
  const n = content.length;
  const header = n < 0x80 ? [tag, n] : n < 0x100 ? [tag, 0x81, n] : [tag, 0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from(header), content]);
}

// AlgorithmIdentifier { ecdsa-with-SHA256 }
const ecdsaWithSha256 = Buffer.from('300a06082a8648ce3d040302', 'hex');

export interface BenchCsr {
  pem: string;
  keyPem: string;
}

export function makeCsr(index: number): BenchCsr {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const subject = encodeName([
    { type: 'C', oid: '2.5.4.6', value: 'ID' },
    { type: 'O', oid: '2.5.4.10', value: 'Instansi Bench' },
    { type: 'CN', oid: '2.5.4.3', value: `Bench Subscriber ${index}` },
  ]);
  const info = tlv(
    0x30,
    Buffer.from([0x02, 0x01, 0x00]),
    subject,
    publicKey.export({ type: 'spki', format: 'der' }),
    Buffer.from([0xa0, 0x00]),
  );
  const signature = crypto.sign('sha256', info, { key: privateKey, dsaEncoding: 'der' });
  const der = tlv(0x30, info, ecdsaWithSha256, tlv(0x03, Buffer.from([0]), signature));
  const b64 = der.toString('base64').replace(/.{1,64}/g, '$&\n');
  return {
    pem: `-----BEGIN CERTIFICATE REQUEST-----\n${b64}-----END CERTIFICATE REQUEST-----\n`,
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}
