import { AsnConvert } from '@peculiar/asn1-schema';
import { Name } from '@peculiar/asn1-x509';
import { TekenError } from '../errors/teken-error.js';
import { decodeName, type NameAttribute } from './distinguished-name.js';
import { oids } from './extensions.js';
import type { AltName } from './general-names.js';
import { describePublicKey, type PublicKeyDescription } from './public-key.js';
import { x509 } from './x509.js';

export interface ParsedCsr {
  subjectDer: Uint8Array;
  subject: NameAttribute[];
  spkiDer: Uint8Array;
  publicKey: PublicKeyDescription;
  /** SANs from the extensionRequest attribute. */
  altNames: AltName[];
  /** OIDs of every extension requested (profiles decide which are honoured). */
  requestedExtensions: string[];
  /** The request asks for basicConstraints cA TRUE. */
  requestsCa: boolean;
}

const MAX_CSR_BYTES = 64 * 1024;

/** Reads PEM (one CERTIFICATE REQUEST block) or DER. */
function csrBytes(input: string | Uint8Array): Uint8Array {
  if (typeof input !== 'string') {
    const asText = Buffer.from(input.subarray(0, 64)).toString('latin1');
    return asText.includes('-----BEGIN') ? csrBytes(Buffer.from(input).toString('latin1')) : input;
  }
  const match =
    /-----BEGIN (NEW )?CERTIFICATE REQUEST-----([\s\S]+?)-----END (NEW )?CERTIFICATE REQUEST-----/.exec(
      input,
    );
  if (!match) throw new TekenError('ERR_CSR_MALFORMED', 'No "CERTIFICATE REQUEST" PEM block found.');
  const body = match[2]!.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body))
    throw new TekenError('ERR_CSR_MALFORMED', 'The PEM block is not valid base64.');
  return new Uint8Array(Buffer.from(body, 'base64'));
}

/**
 * Parses a PKCS#10 request (RFC 2986) and checks its self-signature (proof of possession) and key.
 * Every failure is a TekenError with a 4xx code.
 */
export async function parseCertificationRequest(input: string | Uint8Array): Promise<ParsedCsr> {
  if (input.length > MAX_CSR_BYTES * 2)
    throw new TekenError('ERR_CSR_MALFORMED', 'The request is larger than 64 KiB.');
  const der = csrBytes(input);
  if (der.length === 0 || der.length > MAX_CSR_BYTES)
    throw new TekenError('ERR_CSR_MALFORMED', 'The request is empty or larger than 64 KiB.');
  let csr: x509.Pkcs10CertificateRequest;
  try {
    csr = new x509.Pkcs10CertificateRequest(der);
  } catch (error) {
    throw new TekenError('ERR_CSR_MALFORMED', 'The data is not a PKCS#10 certificate signing request.', {
      cause: error,
    });
  }
  // The parser accepts trailing bytes after the SEQUENCE; a CSR must be exactly one DER object.
  if (csr.rawData.byteLength !== der.length)
    throw new TekenError('ERR_CSR_MALFORMED', 'The request has trailing data.');
  const spkiDer = new Uint8Array(csr.publicKey.rawData);
  const publicKey = describePublicKey(spkiDer);
  let valid: boolean;
  try {
    valid = await csr.verify();
  } catch {
    valid = false;
  }
  if (!valid) throw new TekenError('ERR_CSR_SIGNATURE_INVALID');

  const subjectDer = new Uint8Array(
    AsnConvert.serialize(AsnConvert.parse(csr.subjectName.toArrayBuffer(), Name)),
  );
  const altNames: AltName[] = [];
  const requestedExtensions: string[] = [];
  let requestsCa = false;
  for (const extension of csr.extensions) {
    requestedExtensions.push(extension.type);
    if (extension.type === oids.basicConstraints)
      requestsCa = new x509.BasicConstraintsExtension(extension.rawData).ca;
    if (extension.type === oids.subjectAltName) {
      const san = new x509.SubjectAlternativeNameExtension(extension.rawData);
      for (const item of san.names.items) {
        const type = ({ dns: 'dns', ip: 'ip', email: 'email', url: 'uri' } as const)[
          item.type as 'dns' | 'ip' | 'email' | 'url'
        ];
        if (!type)
          throw new TekenError(
            'ERR_PROFILE_VIOLATION',
            `Subject alternative names of type ${item.type} are not allowed.`,
          );
        altNames.push({ type, value: item.value });
      }
    }
  }
  return {
    subjectDer,
    subject: subjectDer.length > 2 ? decodeName(subjectDer) : [],
    spkiDer,
    publicKey,
    altNames,
    requestedExtensions,
    requestsCa,
  };
}
