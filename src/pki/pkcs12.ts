/**
 * PKCS#12 (RFC 7292) keystore encoding: a private key with its certificate chain, for software that
 * wants a .p12/.pfx (Java keytool, Windows, browsers, OpenSSL). Pure: no file or network I/O.
 *
 * The layout mirrors `openssl pkcs12 -export` on OpenSSL 3.0 with default options, which both
 * OpenSSL and Java 17 read: certificates in a PBES2-encrypted SafeContents, the key in a
 * PKCS8ShroudedKeyBag, PBES2 = PBKDF2-HMAC-SHA256 + AES-256-CBC, and an HMAC-SHA256 MAC over it all.
 */
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { TekenError } from '../errors/teken-error.js';

export interface Pkcs12Input {
  /** Unencrypted PKCS#8 DER of the private key. */
  privateKeyPkcs8: Uint8Array;
  /** DER certificates: the end-entity first, then its chain (issuer, ..., root). */
  certificates: Uint8Array[];
  /**
   * Any Unicode text; OpenSSL, browsers and Windows accept non-ASCII passwords, but Java (17) cannot
   * open a PKCS#12 file whose password is not printable ASCII, whoever wrote it.
   */
  password: string;
  /** Set on the key bag and on the leaf certificate bag; keytool shows it as the alias. */
  friendlyName?: string;
  /** PBKDF2 and MAC iteration count; see {@link defaultPkcs12Iterations}. */
  iterations?: number;
}

/**
 * Well above OpenSSL 3.0's 2048 and Java 17's 10000 (their defaults date from slower hardware),
 * still a fraction of a second to open with OpenSSL, keytool or a browser. The password is often
 * chosen by a person and the file travels by e-mail, so offline guessing is the threat that matters.
 */
export const defaultPkcs12Iterations = 100_000;

// RFC 8018 §4.2 recommends at least 1000. Java 17 refuses to open keystores above 5,000,000.
const minIterations = 1000;
const maxIterations = 5_000_000;

const oid = {
  pkcs8ShroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
} as const;

const pbes2 = {
  contentEncryptionAlgorithm: { name: 'AES-CBC', length: 256 },
  hmacHashAlgorithm: 'SHA-256',
} as const;

// One engine for this module rather than pkijs's process-wide default, which other code may replace.
const engine = new pkijs.CryptoEngine({
  name: 'teken-pkcs12',
  crypto: crypto.webcrypto,
});

function invalid(message: string): TekenError {
  return new TekenError('ERR_INPUT_INVALID', message);
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return new Uint8Array(bytes).buffer;
}

function validate(input: Pkcs12Input): { leaf: crypto.X509Certificate; iterations: number } {
  const { password, certificates, friendlyName } = input;
  if (typeof password !== 'string' || password === '')
    throw invalid('The PKCS#12 password must not be empty.');
  // Lone surrogates have no UTF-8 form and NUL ends the BMPString that the MAC key is derived from,
  // so either would make a file that other tools cannot open with the password the user typed.
  if (Buffer.from(password, 'utf8').toString('utf8') !== password || password.includes('\u0000'))
    throw invalid('The PKCS#12 password contains characters that cannot be encoded.');
  if (friendlyName !== undefined && (typeof friendlyName !== 'string' || friendlyName.trim() === ''))
    throw invalid('The PKCS#12 friendly name must not be empty when given.');

  const iterations = input.iterations ?? defaultPkcs12Iterations;
  if (!Number.isInteger(iterations) || iterations < minIterations || iterations > maxIterations)
    throw invalid(
      `The PKCS#12 iteration count must be an integer from ${minIterations} to ${maxIterations}.`,
    );

  if (!Array.isArray(certificates) || certificates.length === 0)
    throw invalid('A PKCS#12 keystore needs at least the end-entity certificate.');
  const parsed = certificates.map((der, index) => {
    try {
      return new crypto.X509Certificate(der);
    } catch (cause) {
      throw new TekenError('ERR_INPUT_INVALID', `Certificate ${index + 1} is not a DER X.509 certificate.`, {
        cause,
      });
    }
  });
  // Readers such as `openssl pkcs12 -in` hand the certificates on in file order (often into a TLS
  // server's chain file), so a list that is not the leaf's issuing chain is refused here.
  for (let i = 0; i + 1 < parsed.length; i++) {
    if (!parsed[i]!.checkIssued(parsed[i + 1]!))
      throw invalid(
        `Certificate ${i + 2} did not issue certificate ${i + 1}; give the end-entity first, then its issuers in order.`,
      );
  }
  const leaf = parsed[0]!;

  let privateKey: crypto.KeyObject;
  try {
    privateKey = crypto.createPrivateKey({
      key: Buffer.from(input.privateKeyPkcs8),
      format: 'der',
      type: 'pkcs8',
    });
  } catch (cause) {
    throw new TekenError('ERR_INPUT_INVALID', 'The private key is not an unencrypted PKCS#8 DER key.', {
      cause,
    });
  }
  if (!crypto.createPublicKey(privateKey).equals(leaf.publicKey))
    throw invalid("The private key does not match the end-entity certificate's public key.");
  return { leaf, iterations };
}

/*
 * PFX ::= SEQUENCE { version INTEGER {v3(3)}, authSafe ContentInfo, macData MacData OPTIONAL }
 * AuthenticatedSafe ::= SEQUENCE OF ContentInfo  -- data or encryptedData, each a SafeContents
 * SafeBag ::= SEQUENCE { bagId, bagValue [0] EXPLICIT ANY, bagAttributes SET OF PKCS12Attribute OPTIONAL }
 */
export async function encodePkcs12(input: Pkcs12Input): Promise<Uint8Array> {
  const { leaf, iterations } = validate(input);
  // PBES2 takes the password as UTF-8 octets (RFC 8018); pkijs turns the same bytes into the
  // NUL-terminated BMPString the MAC's PKCS#12 KDF wants (RFC 7292 appendix B.1), as OpenSSL does.
  const password = toArrayBuffer(new TextEncoder().encode(input.password));
  const pbes2Params = { password, ...pbes2, iterationCount: iterations };

  // The customary localKeyId is the leaf's SHA-1: it is what pairs the key with its certificate.
  const localKeyId = crypto.createHash('sha1').update(leaf.raw).digest();
  const linkAttributes = [
    new pkijs.Attribute({
      type: oid.localKeyId,
      values: [new asn1js.OctetString({ valueHex: toArrayBuffer(localKeyId) })],
    }),
  ];
  if (input.friendlyName !== undefined)
    linkAttributes.unshift(
      new pkijs.Attribute({
        type: oid.friendlyName,
        values: [new asn1js.BmpString({ value: input.friendlyName })],
      }),
    );

  // Encrypt the caller's PKCS#8 bytes as given rather than a pkijs re-encoding of them.
  const encryptedKey = new pkijs.EncryptedData();
  await encryptedKey.encrypt(
    { ...pbes2Params, contentToEncrypt: toArrayBuffer(input.privateKeyPkcs8) },
    engine,
  );
  const keyBag = new pkijs.SafeBag({
    bagId: oid.pkcs8ShroudedKeyBag,
    bagValue: new pkijs.PKCS8ShroudedKeyBag({
      encryptionAlgorithm: encryptedKey.encryptedContentInfo.contentEncryptionAlgorithm,
      encryptedData: encryptedKey.encryptedContentInfo.encryptedContent,
    }),
    bagAttributes: linkAttributes,
  });

  // Only the leaf is linked to the key; readers find the issuers by name to complete the chain.
  const certBags = input.certificates.map(
    (der, index) =>
      new pkijs.SafeBag({
        bagId: oid.certBag,
        bagValue: new pkijs.CertBag({
          certId: oid.x509Certificate,
          certValue: new asn1js.OctetString({ valueHex: toArrayBuffer(der) }),
        }),
        ...(index === 0 ? { bagAttributes: linkAttributes } : {}),
      }),
  );

  const authenticatedSafe = new pkijs.AuthenticatedSafe({
    parsedValue: {
      safeContents: [
        // privacyMode 1 = encryptedData (password), 0 = data: the key bag is already encrypted.
        { privacyMode: 1, value: new pkijs.SafeContents({ safeBags: certBags }) },
        { privacyMode: 0, value: new pkijs.SafeContents({ safeBags: [keyBag] }) },
      ],
    },
  });
  await authenticatedSafe.makeInternalValues({ safeContents: [pbes2Params, {}] }, engine);

  const pfx = new pkijs.PFX({ parsedValue: { integrityMode: 0, authenticatedSafe } });
  await pfx.makeInternalValues(
    { password, iterations, pbkdf2HashAlgorithm: 'SHA-256', hmacHashAlgorithm: 'SHA-256' },
    engine,
  );
  return new Uint8Array(pfx.toSchema().toBER(false));
}
