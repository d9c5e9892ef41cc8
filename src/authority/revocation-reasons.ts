import { TekenError } from '../errors/teken-error.js';

/** RFC 5280 5.3.1 CRLReason codes (7 is unused; 8 removeFromCRL belongs to delta CRLs only). */
export const revocationReasons = {
  unspecified: 0,
  keyCompromise: 1,
  cACompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  certificateHold: 6,
  privilegeWithdrawn: 9,
  aACompromise: 10,
} as const;

export type RevocationReasonName = keyof typeof revocationReasons;

/** Reasons an operator may give for an end-entity certificate. */
export const endEntityReasons: readonly RevocationReasonName[] = [
  'unspecified',
  'keyCompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'privilegeWithdrawn',
];

/**
 * Reasons for an issuing CA's certificate (RFC 5280 5.3.1: cACompromise when the CA's key is
 * compromised; no hold, as the CA/Browser Forum also forbids for CA certificates).
 */
export const caReasons: readonly RevocationReasonName[] = [
  'unspecified',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
];

export function reasonName(code: number): RevocationReasonName | undefined {
  return (Object.entries(revocationReasons) as [RevocationReasonName, number][]).find(
    ([, c]) => c === code,
  )?.[0];
}

/** The reason's name for display; `unspecified` when none was recorded. */
export function reasonLabel(code: number | null): RevocationReasonName {
  return (code !== null ? reasonName(code) : undefined) ?? 'unspecified';
}

/** Accepts "keyCompromise", "key-compromise", "key_compromise", "KEYCOMPROMISE" or the number. */
export function parseRevocationReason(input: string): RevocationReasonName {
  const folded = input
    .trim()
    .toLowerCase()
    .replace(/[-_\s]/g, '');
  const match = (Object.keys(revocationReasons) as RevocationReasonName[]).find(
    (name) => name.toLowerCase() === folded || String(revocationReasons[name]) === folded,
  );
  if (!match) {
    throw new TekenError(
      'ERR_CERT_REVOCATION_REASON',
      `"${input}" is not a revocation reason. Use one of: ${endEntityReasons.join(', ')}.`,
    );
  }
  return match;
}
