import type { Config } from '../config/load-config.js';
import { extensionDer } from '../pki/certificate-assembly.js';
import {
  authorityInfoAccess,
  authorityKeyIdentifier,
  basicConstraints,
  certificatePolicies,
  crlDistributionPoints,
  extendedKeyUsage,
  keyIdentifierOf,
  keyUsage,
  ocspNoCheck,
  subjectAltName,
  subjectKeyIdentifierDer,
} from '../pki/extensions.js';
import type { AltName } from '../pki/general-names.js';
import type { PublicKeyDescription } from '../pki/public-key.js';
import type { LoadedCa } from './ca-registry.js';
import type { CertificateProfile } from './profiles.js';
import { statusUrls } from './status-urls.js';

/** The extensions that depend only on the issuer, the profile and the configuration, as DER. */
interface FixedExtensions {
  /** basicConstraints, keyUsage, extendedKeyUsage. */
  head: Uint8Array[];
  /** authorityKeyIdentifier. */
  authorityKeyId: Uint8Array;
  /** certificatePolicies, authorityInfoAccess, cRLDistributionPoints, id-pkix-ocsp-nocheck. */
  tail: Uint8Array[];
}

/** Per issuer (a CA reloaded after a change is a new object): the fixed parts per profile and key usage. */
const fixedCache = new WeakMap<LoadedCa, Map<string, FixedExtensions>>();

function fixedExtensions(
  config: Config,
  profile: CertificateProfile,
  issuer: LoadedCa,
  key: PublicKeyDescription,
): FixedExtensions {
  const usages = profile.keyUsage(key);
  const cacheKey = [
    profile.id,
    usages.join(),
    config.publicUrl,
    config.profiles.policyOidBase,
    config.cps.url,
  ].join('|');
  let perIssuer = fixedCache.get(issuer);
  if (!perIssuer) fixedCache.set(issuer, (perIssuer = new Map<string, FixedExtensions>()));
  const known = perIssuer.get(cacheKey);
  if (known) return known;

  const urls = statusUrls(config.publicUrl, issuer.id, issuer.parentId, config.cps.url);
  const tail = [];
  if (profile.policySuffix !== undefined) {
    tail.push(certificatePolicies([`${config.profiles.policyOidBase}.${profile.policySuffix}`], urls.cps));
  }
  if (profile.statusPointers) {
    tail.push(authorityInfoAccess({ ocsp: [urls.ocsp], caIssuers: [urls.caIssuers] }));
    tail.push(crlDistributionPoints([urls.crl]));
  } else {
    tail.push(authorityInfoAccess({ caIssuers: [urls.caIssuers] }));
  }
  if (profile.ocspNoCheck) tail.push(ocspNoCheck());
  const fixed: FixedExtensions = {
    head: [
      basicConstraints(false),
      keyUsage(usages),
      extendedKeyUsage(profile.extendedKeyUsage, profile.extendedKeyUsageCritical),
    ].map(extensionDer),
    authorityKeyId: extensionDer(authorityKeyIdentifier(issuer.keyIdentifier)),
    tail: tail.map(extensionDer),
  };
  perIssuer.set(cacheKey, fixed);
  return fixed;
}

/**
 * The extensions of an end-entity certificate under a profile, in a fixed order, each as DER: the
 * parts fixed by issuer and profile are encoded once, the key identifier and the names per certificate.
 */
export function leafExtensions(
  config: Config,
  profile: CertificateProfile,
  issuer: LoadedCa,
  spkiDer: Uint8Array,
  key: PublicKeyDescription,
  altNames: AltName[],
  subjectEmpty: boolean,
): Uint8Array[] {
  const fixed = fixedExtensions(config, profile, issuer, key);
  const extensions = [...fixed.head, subjectKeyIdentifierDer(keyIdentifierOf(spkiDer)), fixed.authorityKeyId];
  if (altNames.length > 0) extensions.push(extensionDer(subjectAltName(altNames, subjectEmpty)));
  extensions.push(...fixed.tail);
  return extensions;
}
