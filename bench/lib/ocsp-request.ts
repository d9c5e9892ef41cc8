import { certIdFor } from '../../src/pki/ocsp.js';

function tlv(tag: number, content: Uint8Array): Uint8Array {
  const length = content.length;
  const header =
    length < 0x80
      ? [tag, length]
      : length < 0x100
        ? [tag, 0x81, length]
        : [tag, 0x82, length >> 8, length & 0xff];
  const out = new Uint8Array(header.length + length);
  out.set(header, 0);
  out.set(content, header.length);
  return out;
}

/**
 * An RFC 5019 OCSPRequest: one Request with a SHA-1 CertID, no nonce, no signature, the bytes
 * `openssl ocsp -no_nonce -reqout` writes.
 */
export function ocspRequestDer(issuerNameDer: Uint8Array, issuerSpkiDer: Uint8Array, serialHex: string) {
  const certId = certIdFor(issuerNameDer, issuerSpkiDer, serialHex, 'sha1').raw;
  return tlv(0x30, tlv(0x30, tlv(0x30, tlv(0x30, certId))));
}
