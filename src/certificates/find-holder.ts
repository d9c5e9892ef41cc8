/**
 * The holder an institution's system names by NIK or e-mail (the eSign API's `nik` / `email`): the
 * account whose registration is at that institution. A person registered at another institution is
 * not found, so one institution's API client learns nothing about another's staff.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/open-database.js';
import { accounts, registrations } from '../db/schema.js';
import { normaliseDigits } from '../enrollment/nik.js';
import { TekenError } from '../errors/teken-error.js';
import type { MasterKey } from '../keys/master-key.js';

export interface HolderKey {
  nik?: string | null | undefined;
  email?: string | null | undefined;
}

/** A value clients send where none is meant ("null", "", absent) counts as absent. */
const given = (value: string | null | undefined): string | undefined => {
  const v = value?.trim();
  return v === undefined || v === '' || v.toLowerCase() === 'null' ? undefined : v;
};

/**
 * The NIK (digits only, 16 of them) or the e-mail the key gives, the NIK first when both are there;
 * throws ERR_INPUT_INVALID when neither is usable.
 */
export function holderKeyOf(key: HolderKey): { nik: string } | { email: string } {
  const nikText = given(key.nik);
  if (nikText !== undefined) {
    const nik = normaliseDigits(nikText);
    if (nik === null || nik.length !== 16)
      throw new TekenError('ERR_INPUT_INVALID', 'nik: the NIK is 16 digits, as on the KTP.', {
        details: { field: 'nik' },
      });
    return { nik };
  }
  const email = given(key.email);
  if (email !== undefined) {
    if (email.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(email))
      throw new TekenError('ERR_INPUT_INVALID', 'email: not an e-mail address.', {
        details: { field: 'email' },
      });
    return { email: email.toLowerCase() };
  }
  throw new TekenError('ERR_INPUT_INVALID', 'nik or email: one of them names the signer.', {
    details: { field: 'nik' },
  });
}

/** The account id of the holder at `institutionId`, or null. One indexed query either way. */
export async function findHolder(
  db: Db | Tx,
  master: MasterKey,
  institutionId: string,
  key: HolderKey,
): Promise<string | null> {
  const which = holderKeyOf(key);
  const [row] = await db
    .select({ accountId: registrations.accountId })
    .from(registrations)
    .innerJoin(accounts, eq(accounts.id, registrations.accountId))
    .where(
      and(
        eq(registrations.institutionId, institutionId),
        'nik' in which
          ? eq(registrations.nikHash, master.lookupHash('nik', which.nik))
          : sql`lower(${accounts.email}) = ${which.email}`,
      ),
    )
    .limit(1);
  return row?.accountId ?? null;
}
