/**
 * Builders for the X.509 v3 extensions Teken puts in certificates (RFC 5280 section 4.2), as
 * @peculiar/asn1-x509 Extension objects ready for a TBSCertificate.
 */
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AccessDescription,
  AuthorityInfoAccessSyntax,
  AuthorityKeyIdentifier,
  BasicConstraints,
  CertificatePolicies,
  CRLDistributionPoints,
  DistributionPoint,
  DistributionPointName,
  ExtendedKeyUsage,
  Extension,
  GeneralName,
  KeyIdentifier,
  KeyUsage,
  KeyUsageFlags,
  PolicyInformation,
  PolicyQualifierInfo,
  SubjectAlternativeName,
  SubjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import { der, oidDer, tag } from './der.js';
import type { AltName } from './general-names.js';
import { subjectPublicKeyBits } from './public-key.js';

export const oids = {
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  subjectAltName: '2.5.29.17',
  crlDistributionPoints: '2.5.29.31',
  certificatePolicies: '2.5.29.32',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  ocspNoCheck: '1.3.6.1.5.5.7.48.1.5',
  accessOcsp: '1.3.6.1.5.5.7.48.1',
  accessCaIssuers: '1.3.6.1.5.5.7.48.2',
  cpsQualifier: '1.3.6.1.5.5.7.2.1',
  anyPolicy: '2.5.29.32.0',
} as const;

/** Extended key usages (RFC 5280 4.2.1.12 and vendors). */
export const ekus = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
  /** RFC 9336 id-kp-documentSigning. */
  documentSigning: '1.3.6.1.5.5.7.3.36',
  /** Microsoft Document Signing, accepted by Adobe Acrobat. */
  msDocumentSigning: '1.3.6.1.4.1.311.10.3.12',
  /** Adobe Authentic Documents Trust. */
  adobeAuthenticDocuments: '1.2.840.113583.1.1.5',
} as const;

export type KeyUsageName = keyof typeof KeyUsageFlags;

function extension(extnID: string, critical: boolean, value: unknown): Extension {
  return new Extension({ extnID, critical, extnValue: new OctetString(AsnConvert.serialize(value)) });
}

/** SHA-1 of the subjectPublicKey BIT STRING (RFC 5280 4.2.1.2 method 1; also OCSP's key hash). */
export function keyIdentifierOf(spkiDer: Uint8Array): Uint8Array {
  const bits = subjectPublicKeyBits(spkiDer);
  if (!bits) throw new TypeError('The public key is not a DER SubjectPublicKeyInfo.');
  return new Uint8Array(crypto.createHash('sha1').update(bits).digest());
}

export function basicConstraints(ca: boolean, pathLength?: number): Extension {
  return extension(
    oids.basicConstraints,
    true,
    new BasicConstraints(ca ? { cA: true, pathLenConstraint: pathLength } : {}),
  );
}

export function keyUsage(usages: readonly KeyUsageName[]): Extension {
  const flags = usages.reduce((sum, u) => sum | KeyUsageFlags[u], 0);
  return extension(oids.keyUsage, true, new KeyUsage(flags));
}

export function extendedKeyUsage(usages: readonly string[], critical = false): Extension {
  return extension(oids.extKeyUsage, critical, new ExtendedKeyUsage([...usages]));
}

export function subjectKeyIdentifier(keyId: Uint8Array): Extension {
  return extension(oids.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyId));
}

const subjectKeyIdentifierOidDer = oidDer(oids.subjectKeyIdentifier);

/** The DER of subjectKeyIdentifier(keyId), written directly (once per issued certificate). */
export function subjectKeyIdentifierDer(keyId: Uint8Array): Uint8Array {
  return der(tag.sequence, subjectKeyIdentifierOidDer, der(tag.octetString, der(tag.octetString, keyId)));
}

export function authorityKeyIdentifier(keyId: Uint8Array): Extension {
  return extension(
    oids.authorityKeyIdentifier,
    false,
    new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(keyId) }),
  );
}

export function toGeneralName(name: AltName): GeneralName {
  switch (name.type) {
    case 'dns':
      return new GeneralName({ dNSName: name.value });
    case 'ip':
      return new GeneralName({ iPAddress: name.value });
    case 'email':
      return new GeneralName({ rfc822Name: name.value });
    case 'uri':
      return new GeneralName({ uniformResourceIdentifier: name.value });
  }
}

/** SAN; critical when the subject name is empty (RFC 5280 4.2.1.6). */
export function subjectAltName(names: readonly AltName[], critical = false): Extension {
  return extension(oids.subjectAltName, critical, new SubjectAlternativeName(names.map(toGeneralName)));
}

export function crlDistributionPoints(urls: readonly string[]): Extension {
  return extension(
    oids.crlDistributionPoints,
    false,
    new CRLDistributionPoints(
      urls.map(
        (url) =>
          new DistributionPoint({
            distributionPoint: new DistributionPointName({
              fullName: [new GeneralName({ uniformResourceIdentifier: url })],
            }),
          }),
      ),
    ),
  );
}

export function authorityInfoAccess(access: {
  ocsp?: readonly string[];
  caIssuers?: readonly string[];
}): Extension {
  const entries = [
    ...(access.ocsp ?? []).map((url) => ({ method: oids.accessOcsp, url })),
    ...(access.caIssuers ?? []).map((url) => ({ method: oids.accessCaIssuers, url })),
  ];
  return extension(
    oids.authorityInfoAccess,
    false,
    new AuthorityInfoAccessSyntax(
      entries.map(
        (e) =>
          new AccessDescription({
            accessMethod: e.method,
            accessLocation: new GeneralName({ uniformResourceIdentifier: e.url }),
          }),
      ),
    ),
  );
}

/** Certificate policies, with a CPS pointer qualifier when `cpsUri` is given. */
export function certificatePolicies(policyOids: readonly string[], cpsUri?: string): Extension {
  return extension(
    oids.certificatePolicies,
    false,
    new CertificatePolicies(
      policyOids.map(
        (oid) =>
          new PolicyInformation({
            policyIdentifier: oid,
            policyQualifiers: cpsUri
              ? [
                  new PolicyQualifierInfo({
                    policyQualifierId: oids.cpsQualifier,
                    // CPSuri ::= IA5String
                    qualifier: new asn1js.IA5String({ value: cpsUri }).toBER(),
                  }),
                ]
              : undefined,
          }),
      ),
    ),
  );
}

/** id-pkix-ocsp-nocheck (RFC 6960 4.2.2.2.1): an ASN.1 NULL. */
export function ocspNoCheck(): Extension {
  return new Extension({
    extnID: oids.ocspNoCheck,
    critical: false,
    extnValue: new OctetString(new Uint8Array([0x05, 0x00])),
  });
}
