import type { Config } from '../config/load-config.js';
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
  subjectKeyIdentifier,
} from '../pki/extensions.js';
import type { AltName } from '../pki/general-names.js';
import type { PublicKeyDescription } from '../pki/public-key.js';
import type { LoadedCa } from './ca-registry.js';
import type { CertificateProfile } from './profiles.js';
import { statusUrls } from './status-urls.js';
import type { Extension } from '@peculiar/asn1-x509';

/** The extensions of an end-entity certificate under a profile, in a fixed order. */
export function leafExtensions(
  config: Config,
  profile: CertificateProfile,
  issuer: LoadedCa,
  spkiDer: Uint8Array,
  key: PublicKeyDescription,
  altNames: AltName[],
  subjectEmpty: boolean,
): Extension[] {
  const urls = statusUrls(config.publicUrl, issuer.id, issuer.parentId);
  const extensions: Extension[] = [
    basicConstraints(false),
    keyUsage(profile.keyUsage(key)),
    extendedKeyUsage(profile.extendedKeyUsage, profile.extendedKeyUsageCritical),
    subjectKeyIdentifier(keyIdentifierOf(spkiDer)),
    authorityKeyIdentifier(issuer.keyIdentifier),
  ];
  if (altNames.length > 0) extensions.push(subjectAltName(altNames, subjectEmpty));
  if (profile.policySuffix !== undefined) {
    extensions.push(
      certificatePolicies([`${config.profiles.policyOidBase}.${profile.policySuffix}`], urls.cps),
    );
  }
  if (profile.statusPointers) {
    extensions.push(authorityInfoAccess({ ocsp: [urls.ocsp], caIssuers: [urls.caIssuers] }));
    extensions.push(crlDistributionPoints([urls.crl]));
  } else {
    extensions.push(authorityInfoAccess({ caIssuers: [urls.caIssuers] }));
  }
  if (profile.ocspNoCheck) extensions.push(ocspNoCheck());
  return extensions;
}
