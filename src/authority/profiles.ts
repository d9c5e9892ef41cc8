/**
 * Certificate profiles: what each kind of certificate looks like, and which requests a profile
 * refuses. The document-signing EKUs are those Adobe Acrobat (emailProtection, Adobe Authentic
 * Documents, Microsoft Document Signing) and poppler/NSS (emailProtection) accept, plus RFC 9336's.
 */
import type { Config } from '../config/load-config.js';
import { TekenError } from '../errors/teken-error.js';
import { ekus, type KeyUsageName } from '../pki/extensions.js';
import type { AltName } from '../pki/general-names.js';
import type { NameAttribute } from '../pki/distinguished-name.js';
import type { PublicKeyDescription } from '../pki/public-key.js';

export type CaId = 'root' | 'individual' | 'seal' | 'tls';
export const issuingCaIds = ['individual', 'seal', 'tls'] as const satisfies readonly CaId[];
export const caIds = ['root', ...issuingCaIds] as const satisfies readonly CaId[];

export type ProfileId = 'individual' | 'seal' | 'tls-server' | 'ocsp-responder' | 'tsa';
/** Profiles an operator may request with `teken cert issue`; the others are internal. */
export const publicProfileIds = ['individual', 'seal', 'tls-server'] as const satisfies readonly ProfileId[];

export interface CertificateProfile {
  id: ProfileId;
  description: string;
  /** CAs that issue under this profile. */
  issuers: readonly CaId[];
  defaultDays(config: Config): number;
  maxDays(config: Config): number;
  keyUsage(key: PublicKeyDescription): KeyUsageName[];
  extendedKeyUsage: readonly string[];
  extendedKeyUsageCritical: boolean;
  subject: { required: readonly string[]; allowed: readonly string[] };
  altNames: { allowed: readonly AltName['type'][]; atLeastOne: boolean };
  /** Policy OID suffix under TEKEN_POLICY_OID_BASE; undefined for internal profiles. */
  policySuffix?: number;
  /** AIA (OCSP + CA issuers) and CRL distribution points. */
  statusPointers: boolean;
  ocspNoCheck: boolean;
}

const documentSigningEkus = [
  ekus.emailProtection,
  ekus.documentSigning,
  ekus.msDocumentSigning,
  ekus.adobeAuthenticDocuments,
];

export const profiles: Record<ProfileId, CertificateProfile> = {
  individual: {
    id: 'individual',
    description: 'Personal signing certificate (eSign), key held by the subscriber or by Teken',
    issuers: ['individual'],
    defaultDays: (c) => c.profiles.individualDays,
    maxDays: (c) => c.profiles.individualDays,
    keyUsage: () => ['digitalSignature', 'nonRepudiation'],
    extendedKeyUsage: documentSigningEkus,
    extendedKeyUsageCritical: false,
    subject: {
      required: ['CN', 'C'],
      allowed: ['CN', 'GN', 'SN', 'serialNumber', 'pseudonym', 'title', 'O', 'OU', 'L', 'ST', 'C'],
    },
    altNames: { allowed: ['email'], atLeastOne: false },
    policySuffix: 1,
    statusPointers: true,
    ocspNoCheck: false,
  },
  seal: {
    id: 'seal',
    description: 'Organisation seal certificate (eSeal)',
    issuers: ['seal'],
    defaultDays: (c) => c.profiles.sealDays,
    maxDays: (c) => c.profiles.sealDays,
    keyUsage: () => ['digitalSignature', 'nonRepudiation'],
    extendedKeyUsage: documentSigningEkus,
    extendedKeyUsageCritical: false,
    subject: {
      required: ['CN', 'O', 'C'],
      allowed: ['CN', 'O', 'OU', 'organizationIdentifier', 'serialNumber', 'L', 'ST', 'C'],
    },
    altNames: { allowed: ['email', 'uri'], atLeastOne: false },
    policySuffix: 2,
    statusPointers: true,
    ocspNoCheck: false,
  },
  'tls-server': {
    id: 'tls-server',
    description: 'TLS server certificate',
    issuers: ['tls'],
    defaultDays: (c) => c.profiles.tlsDays,
    maxDays: (c) => c.profiles.tlsDays,
    // keyEncipherment only for RSA key transport (TLS 1.2 RSA kex); ECDSA keys never encipher.
    keyUsage: (key) => (key.type === 'rsa' ? ['digitalSignature', 'keyEncipherment'] : ['digitalSignature']),
    extendedKeyUsage: [ekus.serverAuth],
    extendedKeyUsageCritical: false,
    subject: { required: [], allowed: ['CN', 'O', 'OU', 'L', 'ST', 'C'] },
    altNames: { allowed: ['dns', 'ip'], atLeastOne: true },
    policySuffix: 3,
    statusPointers: true,
    ocspNoCheck: false,
  },
  'ocsp-responder': {
    id: 'ocsp-responder',
    description: 'Delegated OCSP responder (RFC 6960 4.2.2.2)',
    issuers: ['individual', 'seal', 'tls'],
    defaultDays: (c) => c.ca.responderDays,
    maxDays: (c) => c.ca.responderDays,
    keyUsage: () => ['digitalSignature'],
    extendedKeyUsage: [ekus.ocspSigning],
    extendedKeyUsageCritical: false,
    subject: { required: ['CN'], allowed: ['CN', 'O', 'C'] },
    altNames: { allowed: [], atLeastOne: false },
    statusPointers: false,
    ocspNoCheck: true,
  },
  tsa: {
    id: 'tsa',
    description: 'Time-stamping unit (RFC 3161 2.3: critical EKU with timeStamping only)',
    issuers: ['seal'],
    defaultDays: (c) => c.ca.tsaDays,
    maxDays: (c) => c.ca.tsaDays,
    keyUsage: () => ['digitalSignature', 'nonRepudiation'],
    extendedKeyUsage: [ekus.timeStamping],
    extendedKeyUsageCritical: true,
    subject: { required: ['CN', 'O', 'C'], allowed: ['CN', 'O', 'OU', 'C'] },
    altNames: { allowed: [], atLeastOne: false },
    statusPointers: true,
    ocspNoCheck: false,
  },
};

export function getProfile(id: string): CertificateProfile {
  const profile = (profiles as Record<string, CertificateProfile | undefined>)[id];
  if (!profile) {
    throw new TekenError(
      'ERR_PROFILE_NOT_FOUND',
      `There is no profile "${id}". Profiles: ${publicProfileIds.join(', ')}.`,
    );
  }
  return profile;
}

/** Extensions a CSR may ask for; the profile decides their content (SAN excepted). */
const tolerableRequestedExtensions = new Set([
  '2.5.29.17', // subjectAltName
  '2.5.29.15', // keyUsage (ignored: the profile sets it)
  '2.5.29.37', // extKeyUsage (ignored)
  '2.5.29.14', // subjectKeyIdentifier (ignored: computed)
  '2.5.29.19', // basicConstraints (only cA false, checked by the caller)
]);

export interface ProfileRequest {
  subject: NameAttribute[];
  altNames: AltName[];
  key: PublicKeyDescription;
  days: number;
  requestedExtensions: string[];
}

/** Checks a request against a profile; throws ERR_PROFILE_VIOLATION naming the first rule broken. */
export function checkAgainstProfile(
  profile: CertificateProfile,
  request: ProfileRequest,
  config: Config,
): void {
  const violation = (message: string) =>
    new TekenError('ERR_PROFILE_VIOLATION', message, { details: { profile: profile.id } });
  for (const oid of request.requestedExtensions) {
    if (!tolerableRequestedExtensions.has(oid)) {
      throw violation(
        `The request asks for the extension ${oid}, which the ${profile.id} profile does not allow.`,
      );
    }
  }
  const seen = new Map<string, number>();
  for (const attribute of request.subject) {
    if (!profile.subject.allowed.includes(attribute.type)) {
      throw violation(
        `The subject attribute ${attribute.type} is not allowed in the ${profile.id} profile (allowed: ${profile.subject.allowed.join(', ')}).`,
      );
    }
    seen.set(attribute.type, (seen.get(attribute.type) ?? 0) + 1);
  }
  for (const [type, count] of seen) {
    if (count > 1 && type !== 'OU') throw violation(`The subject has ${type} more than once.`);
  }
  for (const required of profile.subject.required) {
    if (!seen.has(required)) throw violation(`The ${profile.id} profile needs ${required} in the subject.`);
  }
  for (const name of request.altNames) {
    if (!profile.altNames.allowed.includes(name.type)) {
      throw violation(
        profile.altNames.allowed.length === 0
          ? `The ${profile.id} profile allows no subject alternative names.`
          : `Subject alternative names of type ${name.type} are not allowed in the ${profile.id} profile (allowed: ${profile.altNames.allowed.join(', ')}).`,
      );
    }
    if (name.type === 'dns' && name.value.startsWith('*.') && profile.id !== 'tls-server') {
      throw violation('Wildcard names are only allowed in server certificates.');
    }
  }
  if (profile.altNames.atLeastOne && request.altNames.length === 0) {
    throw violation(
      `The ${profile.id} profile needs at least one subject alternative name (${profile.altNames.allowed.join(' or ')}).`,
    );
  }
  if (new Set(request.altNames.map((n) => `${n.type}:${n.value}`)).size !== request.altNames.length) {
    throw violation('The subject alternative names contain duplicates.');
  }
  if (profile.id === 'tls-server') {
    const cn = request.subject.find((a) => a.type === 'CN')?.value.toLowerCase();
    if (cn !== undefined && !request.altNames.some((n) => n.value.toLowerCase() === cn)) {
      throw violation(
        'The common name of a server certificate must also be one of its subject alternative names.',
      );
    }
  }
  if (request.subject.length === 0 && request.altNames.length === 0) {
    throw violation('A certificate needs a subject name or a subject alternative name.');
  }
  const max = profile.maxDays(config);
  if (!Number.isInteger(request.days) || request.days < 1 || request.days > max) {
    throw violation(
      `The validity must be 1 to ${max} days for the ${profile.id} profile (asked: ${request.days}).`,
    );
  }
}
