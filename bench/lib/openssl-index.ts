/**
 * OpenSSL's CA database (index.txt, as `openssl ca` and `openssl ocsp -index` read it): one line per
 * certificate, tab-separated: status (V, R, E), expiry, revocation "time[,reason]", serial in upper-case
 * hex, file name ("unknown") and subject.
 */

/** The reason names OpenSSL writes into index.txt, by RFC 5280 code (0 to 5 are understood by all tools). */
export const opensslReasonNames: Record<number, string> = {
  0: 'unspecified',
  1: 'keyCompromise',
  2: 'CACompromise',
  3: 'affiliationChanged',
  4: 'superseded',
  5: 'cessationOfOperation',
};

const two = (n: number) => (n < 10 ? '0' : '') + String(n);

/** YYMMDDHHMMSSZ (UTCTime), what index.txt holds. */
export function indexTime(date: Date): string {
  return (
    two(date.getUTCFullYear() % 100) +
    two(date.getUTCMonth() + 1) +
    two(date.getUTCDate()) +
    two(date.getUTCHours()) +
    two(date.getUTCMinutes()) +
    two(date.getUTCSeconds()) +
    'Z'
  );
}

export interface IndexEntry {
  serialHex: string;
  notAfter: Date;
  revokedAt?: Date | undefined;
  reason?: number | undefined;
  subject: string;
}

export function indexLine(entry: IndexEntry): string {
  const revoked = entry.revokedAt !== undefined;
  const revocation = revoked
    ? indexTime(entry.revokedAt!) +
      (entry.reason !== undefined && entry.reason !== 0 ? `,${opensslReasonNames[entry.reason]}` : '')
    : '';
  return `${revoked ? 'R' : 'V'}\t${indexTime(entry.notAfter)}\t${revocation}\t${entry.serialHex.toUpperCase()}\tunknown\t${entry.subject}\n`;
}
