/**
 * The time-stamp token encoder as first written, with PKI.js object trees (TSTInfo, SignedData,
 * SignerInfo, PKIStatusInfo). src/pki/tsp.ts now writes the same bytes with the DER writer
 * (bench/RESULTS.md, "Time-stamping": PKI.js cost about 40 times the signature); this one stays as
 * the tests' oracle (byte-identical output) and the benchmark's library peer.
 */
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { signatureAlgorithmOf } from '../../src/pki/signer.js';
import { tspFailureBits, type TsaUnit, type TspFailure, type TstInfoInput } from '../../src/pki/tsp.js';

const hashOids = {
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
} as const;
const hashByName = (name: keyof typeof hashOids) => ({ oid: hashOids[name] });

const oid = {
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

/** The parts of every token of one TSA unit that do not change: assembled once per certificate. */
interface PreparedUnit {
  certificate: pkijs.Certificate;
  digestAlgorithm: () => pkijs.AlgorithmIdentifier;
  signatureAlgorithm: () => pkijs.AlgorithmIdentifier;
  hash: 'sha256' | 'sha384';
  signingCertificateV2: Uint8Array;
}

const prepared = new WeakMap<Uint8Array, PreparedUnit>();

function prepare(unit: TsaUnit): PreparedUnit {
  const known = prepared.get(unit.certificateDer);
  if (known) return known;
  const certificate = pkijs.Certificate.fromBER(unit.certificateDer);
  const signature = signatureAlgorithmOf[unit.key.algorithm];
  const rsa = unit.key.algorithm.startsWith('rsa');
  // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } (RFC 5035 3); ESSCertIDv2
  // with hashAlgorithm left at its DEFAULT, SHA-256, and issuerSerial so a verifier can match the
  // certificate without trying them all.
  const essCertIdV2 = new asn1js.Sequence({
    value: [
      new asn1js.OctetString({
        valueHex: crypto.createHash('sha256').update(unit.certificateDer).digest(),
      }),
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [
              new asn1js.Constructed({
                idBlock: { tagClass: 3, tagNumber: 4 },
                value: [certificate.issuer.toSchema()],
              }),
            ],
          }),
          new asn1js.Integer({ valueHex: certificate.serialNumber.valueBlock.valueHexView }),
        ],
      }),
    ],
  });
  const signingCertificateV2 = new Uint8Array(
    new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] }).toBER(),
  );
  const result: PreparedUnit = {
    certificate,
    hash: signature.hash,
    digestAlgorithm: () => new pkijs.AlgorithmIdentifier({ algorithmId: hashByName(signature.hash).oid }),
    signatureAlgorithm: () =>
      new pkijs.AlgorithmIdentifier({
        algorithmId: signature.oid,
        ...(rsa ? { algorithmParams: new asn1js.Null() } : {}),
      }),
    signingCertificateV2,
  };
  prepared.set(unit.certificateDer, result);
  return result;
}

const attribute = (type: string, value: asn1js.BaseBlock) => new pkijs.Attribute({ type, values: [value] });

/** A DER value as an asn1js block (for values encoded once and embedded many times). */
function block(der: Uint8Array): asn1js.AsnType {
  const parsed = asn1js.fromBER(der);
  return parsed.result;
}

/** The TSTInfo of a token, DER. */
export function encodeTstInfoWithPkijs(unit: TsaUnit, input: TstInfoInput): Uint8Array {
  const { certificate } = prepare(unit);
  const seconds = Math.floor(input.accuracyMs / 1000);
  const millis = input.accuracyMs % 1000;
  const info = new pkijs.TSTInfo({
    version: 1,
    policy: input.policy,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: hashByName(input.hashAlgorithm).oid }),
      hashedMessage: new asn1js.OctetString({ valueHex: input.digest }),
    }),
    serialNumber: new asn1js.Integer({ valueHex: input.serial }),
    genTime: input.genTime,
    accuracy: new pkijs.Accuracy({
      ...(seconds > 0 ? { seconds } : {}),
      ...(millis > 0 ? { millis } : {}),
    }),
    ...(input.nonce ? { nonce: new asn1js.Integer({ valueHex: input.nonce }) } : {}),
    // The TSA's name (RFC 3161 2.4.2: the subject of its certificate), for `openssl ts -verify -tsa_name`.
    tsa: new pkijs.GeneralName({ type: 4, value: certificate.subject }),
  });
  return new Uint8Array(info.toSchema().toBER());
}

/**
 * Signs a TimeStampToken (RFC 3161 2.4.2): a CMS SignedData over the TSTInfo, signed attributes
 * contentType, messageDigest and signing-certificate-v2, the TSA certificate in `certificates` when
 * asked (certReq). Returns the ContentInfo, DER.
 */
export async function buildTimeStampTokenWithPkijs(
  unit: TsaUnit,
  input: TstInfoInput,
  includeCertificate: boolean,
): Promise<Uint8Array> {
  const p = prepare(unit);
  const tstInfo = encodeTstInfoWithPkijs(unit, input);
  const messageDigest = crypto.createHash(p.hash).update(tstInfo).digest();
  // DER orders a SET OF by the encodings of its elements (X.690 11.6).
  const attributes = [
    attribute(oid.contentType, new asn1js.ObjectIdentifier({ value: oid.tstInfo })),
    attribute(oid.messageDigest, new asn1js.OctetString({ valueHex: messageDigest })),
    attribute(oid.signingCertificateV2, block(p.signingCertificateV2)),
  ]
    .map((a) => ({ a, der: Buffer.from(a.toSchema().toBER()) }))
    .sort((x, y) => Buffer.compare(x.der, y.der));
  // The signature covers the attributes as a SET (RFC 5652 5.4), stored as [0] IMPLICIT.
  const signedAttributesDer = Buffer.concat([
    Buffer.from([0x31]),
    lengthOctets(attributes.reduce((n, x) => n + x.der.length, 0)),
    ...attributes.map((x) => x.der),
  ]);
  const signature = await unit.key.sign(new Uint8Array(signedAttributesDer));
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: p.certificate.issuer,
      serialNumber: p.certificate.serialNumber,
    }),
    digestAlgorithm: p.digestAlgorithm(),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: attributes.map((x) => x.a) }),
    signatureAlgorithm: p.signatureAlgorithm(),
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
  // PKI.js's constructor turns an OCTET STRING eContent into a constructed one (BER, not DER: the
  // one defect of the encoder as first written, which OpenSSL accepted); set after construction, it
  // stays primitive.
  const encapContentInfo = new pkijs.EncapsulatedContentInfo({ eContentType: oid.tstInfo });
  encapContentInfo.eContent = new asn1js.OctetString({ valueHex: tstInfo });
  const signedData = new pkijs.SignedData({
    version: 3,
    digestAlgorithms: [p.digestAlgorithm()],
    encapContentInfo,
    ...(includeCertificate ? { certificates: [p.certificate] } : {}),
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: oid.signedData, content: signedData.toSchema() });
  return new Uint8Array(contentInfo.toSchema().toBER());
}

/** DER length octets (X.690 8.1.3). */
function lengthOctets(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** TimeStampResp with status granted and the token (RFC 3161 2.4.2). */
export function grantedResponseWithPkijs(token: Uint8Array): Uint8Array {
  const status = new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted });
  return new Uint8Array(new asn1js.Sequence({ value: [status.toSchema(), block(token)] }).toBER());
}

/**
 * TimeStampResp with status rejection, the PKIFailureInfo bit of `failure` and a statusString
 * (`openssl ts -reply -text` prints both).
 */
export function rejectionResponseWithPkijs(failure: TspFailure, text: string): Uint8Array {
  const bit = tspFailureBits[failure];
  const bytes = new Uint8Array((bit >> 3) + 1);
  bytes[bit >> 3] = 0x80 >> (bit & 7);
  const status = new pkijs.PKIStatusInfo({
    status: pkijs.PKIStatus.rejection,
    statusStrings: [new asn1js.Utf8String({ value: text })],
    // DER drops the trailing zero bits of a named BIT STRING (X.690 11.2.2).
    failInfo: new asn1js.BitString({ valueHex: bytes, unusedBits: 7 - (bit & 7) }),
  });
  return new Uint8Array(new asn1js.Sequence({ value: [status.toSchema()] }).toBER());
}
