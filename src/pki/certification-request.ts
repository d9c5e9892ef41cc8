import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { TekenError } from '../errors/teken-error.js';
import { derReader, oidIsValid, oidText, readBoolean, tag, type Tlv } from './der.js';
import { decodeName, type NameAttribute } from './distinguished-name.js';
import { oids } from './extensions.js';
import type { AltName } from './general-names.js';
import { importPublicKey, type PublicKeyDescription } from './public-key.js';
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

const fail = (message: string): never => {
  throw new TekenError('ERR_CSR_MALFORMED', `The request is malformed: ${message}.`);
};
const reader = derReader(fail);

/** Signature algorithms checked here with node:crypto (RSASSA-PSS goes through @peculiar/x509; SHA-1 is refused). */
const signatureAlgorithms = new Map<string, { hash: string; key: 'rsa' | 'ec' }>([
  ['1.2.840.10045.4.3.2', { hash: 'sha256', key: 'ec' }],
  ['1.2.840.10045.4.3.3', { hash: 'sha384', key: 'ec' }],
  ['1.2.840.10045.4.3.4', { hash: 'sha512', key: 'ec' }],
  ['1.2.840.113549.1.1.11', { hash: 'sha256', key: 'rsa' }],
  ['1.2.840.113549.1.1.12', { hash: 'sha384', key: 'rsa' }],
  ['1.2.840.113549.1.1.13', { hash: 'sha512', key: 'rsa' }],
]);
const oidExtensionRequest = '1.2.840.113549.1.9.14';
/** RSASSA-PSS: its parameters (hash, MGF, salt) are read and checked by @peculiar/x509. */
const oidRsassaPss = '1.2.840.113549.1.1.10';
/** Extensions per request, bounding the work on hostile input. */
const maxExtensions = 32;

const verifyAsync = promisify(crypto.verify);

/** The parts of a CertificationRequest (RFC 2986 4), read strictly as DER; views into `der`. */
function readRequest(der: Uint8Array) {
  // CertificationRequest ::= SEQUENCE { certificationRequestInfo, signatureAlgorithm, signature BIT STRING }
  const request = reader.expect(der, 0, der.length, tag.sequence, 'the request');
  if (request.end !== der.length) fail('it has trailing data');
  const info = reader.expect(
    der,
    request.contentStart,
    request.end,
    tag.sequence,
    'certificationRequestInfo',
  );
  const algorithm = reader.expect(der, info.end, request.end, tag.sequence, 'signatureAlgorithm');
  const signature = reader.only(der, algorithm.end, request.end, tag.bitString, 'the signature');
  if (signature.end - signature.contentStart < 2 || der[signature.contentStart] !== 0)
    fail('the signature is not a whole number of octets');
  const algorithmOid = reader.expect(
    der,
    algorithm.contentStart,
    algorithm.end,
    tag.oid,
    'signatureAlgorithm',
  );
  if (!oidIsValid(der, algorithmOid)) fail('the signature algorithm is not a valid OID');

  // CertificationRequestInfo ::= SEQUENCE { version INTEGER { v1(0) }, subject Name,
  //   subjectPKInfo SubjectPublicKeyInfo, attributes [0] IMPLICIT SET OF Attribute }
  const version = reader.expect(der, info.contentStart, info.end, tag.integer, 'the version');
  if (version.end - version.contentStart !== 1 || der[version.contentStart] !== 0)
    fail('the version is not v1 (0)');
  const subject = reader.expect(der, version.end, info.end, tag.sequence, 'the subject');
  const spki = reader.expect(der, subject.end, info.end, tag.sequence, 'subjectPKInfo');
  const keyAlgorithm = reader.expect(der, spki.contentStart, spki.end, tag.sequence, 'the key algorithm');
  reader.only(der, keyAlgorithm.end, spki.end, tag.bitString, 'the public key');
  // Some encoders leave out an empty attribute set; RFC 2986 has it always.
  const attributes =
    spki.end < info.end ? reader.only(der, spki.end, info.end, tag.context0, 'the attributes') : undefined;
  return { info, algorithm, algorithmOid, signature, subject, spki, attributes };
}

/** The Extension TLVs of the extensionRequest attribute (PKCS#9), if there is one. */
function requestedExtensionTlvs(der: Uint8Array, attributes: Tlv | undefined): Tlv[] {
  const found: Tlv[] = [];
  if (!attributes) return found;
  let seenRequest = false;
  for (let pos = attributes.contentStart; pos < attributes.end;) {
    // Attribute ::= SEQUENCE { type OBJECT IDENTIFIER, values SET OF AttributeValue }
    const attribute = reader.expect(der, pos, attributes.end, tag.sequence, 'an attribute');
    const type = reader.expect(der, attribute.contentStart, attribute.end, tag.oid, 'an attribute type');
    const values = reader.only(der, type.end, attribute.end, tag.set, 'the attribute values');
    pos = attribute.end;
    if (oidText(der, type) !== oidExtensionRequest) continue;
    if (seenRequest) fail('it has two extensionRequest attributes');
    seenRequest = true;
    const extensions = reader.only(
      der,
      values.contentStart,
      values.end,
      tag.sequence,
      'the extensionRequest',
    );
    for (let at = extensions.contentStart; at < extensions.end;) {
      if (found.length === maxExtensions) fail(`it requests more than ${maxExtensions} extensions`);
      const extension = reader.expect(der, at, extensions.end, tag.sequence, 'an extension');
      found.push(extension);
      at = extension.end;
    }
  }
  return found;
}

/**
 * Parses a PKCS#10 request (RFC 2986), strictly as DER, and checks its self-signature (proof of
 * possession) and key. Every failure is a TekenError with a 4xx code.
 */
export async function parseCertificationRequest(input: string | Uint8Array): Promise<ParsedCsr> {
  if (input.length > MAX_CSR_BYTES * 2)
    throw new TekenError('ERR_CSR_MALFORMED', 'The request is larger than 64 KiB.');
  const der = csrBytes(input);
  if (der.length === 0 || der.length > MAX_CSR_BYTES)
    throw new TekenError('ERR_CSR_MALFORMED', 'The request is empty or larger than 64 KiB.');
  const parts = readRequest(der);
  const spkiDer = der.slice(parts.spki.start, parts.spki.end);
  const { key, description: publicKey } = importPublicKey(spkiDer);

  // --- proof of possession
  const algorithmOid = oidText(der, parts.algorithmOid);
  const algorithm = signatureAlgorithms.get(algorithmOid);
  let valid = false;
  if (algorithm) {
    // ECDSA takes no parameters (RFC 5758 3.2); RSA PKCS#1 v1.5 takes NULL (absent is tolerated).
    const parameters = der.subarray(parts.algorithmOid.end, parts.algorithm.end);
    const parametersOk =
      parameters.length === 0 ||
      (algorithm.key === 'rsa' &&
        parameters.length === 2 &&
        parameters[0] === tag.null &&
        parameters[1] === 0);
    if (parametersOk && publicKey.type === algorithm.key) {
      try {
        valid = await verifyAsync(
          algorithm.hash,
          der.subarray(parts.info.start, parts.info.end),
          key,
          der.subarray(parts.signature.contentStart + 1, parts.signature.end),
        );
      } catch {
        valid = false;
      }
    }
  } else if (algorithmOid === oidRsassaPss) {
    try {
      valid = await new x509.Pkcs10CertificateRequest(der).verify();
    } catch {
      valid = false;
    }
  } else {
    throw new TekenError(
      'ERR_CSR_SIGNATURE_INVALID',
      `The request is signed with ${algorithmOid}; Teken accepts ECDSA and RSA signatures with SHA-256, SHA-384 or SHA-512.`,
    );
  }
  if (!valid) throw new TekenError('ERR_CSR_SIGNATURE_INVALID');

  // --- names and extensions
  const subjectDer = der.slice(parts.subject.start, parts.subject.end);
  let subject: NameAttribute[] = [];
  if (subjectDer.length > 2) {
    try {
      subject = decodeName(subjectDer);
    } catch (error) {
      throw new TekenError('ERR_CSR_MALFORMED', 'The subject name cannot be read.', { cause: error });
    }
  }
  const altNames: AltName[] = [];
  const requestedExtensions: string[] = [];
  let requestsCa = false;
  for (const extension of requestedExtensionTlvs(der, parts.attributes)) {
    // Extension ::= SEQUENCE { extnID OBJECT IDENTIFIER, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
    const id = reader.expect(der, extension.contentStart, extension.end, tag.oid, 'an extension OID');
    if (!oidIsValid(der, id)) fail('an extension OID is not valid');
    const oid = oidText(der, id);
    if (requestedExtensions.includes(oid)) fail(`it requests the extension ${oid} twice`);
    requestedExtensions.push(oid);
    let value = reader.read(der, id.end, extension.end, 'an extension');
    if (value.tag === tag.boolean) {
      // critical: a DER BOOLEAN is 0xff or 0x00 (X.690 11.1).
      if (readBoolean(der, value) === undefined) fail('an extension has an invalid critical flag');
      value = reader.read(der, value.end, extension.end, 'an extension');
    }
    if (value.tag !== tag.octetString || value.end !== extension.end) fail('an extension has no extnValue');
    const raw = der.slice(extension.start, extension.end);
    try {
      if (oid === oids.basicConstraints) requestsCa = new x509.BasicConstraintsExtension(raw).ca;
      if (oid === oids.subjectAltName) {
        const san = new x509.SubjectAlternativeNameExtension(raw);
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
    } catch (error) {
      if (error instanceof TekenError) throw error;
      throw new TekenError('ERR_CSR_MALFORMED', `The requested extension ${oid} cannot be read.`, {
        cause: error,
      });
    }
  }
  return { subjectDer, subject, spkiDer, publicKey, altNames, requestedExtensions, requestsCa };
}
