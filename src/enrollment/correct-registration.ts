/**
 * "Ubah Akun" on Tinjau Ulang: an RA officer (or a CA admin) corrects the data of a registration —
 * name, titles, NIK (an RA officer only, seed 004), NIP, phone, Jabatan, Unit Organisasi, Provinsi.
 * Each changed field is a Riwayat Data row (old and new value sealed, who, when, cause
 * `ra_correction`) and the whole correction one audit event naming the fields, in one transaction.
 * A new NIP counts as checked by hand ("Diverifikasi Oleh" manual); a new phone number is not
 * verified until it is confirmed again.
 */
import { and, eq, ne } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { accounts, registrations } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { hasControlCharacters, type AccountRow } from '../identity/accounts.js';
import { authorize } from '../identity/authorize.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { lookupHash, openPersonalText, sealPersonal } from './personal-data.js';
import { validPhone } from './phone.js';
import { recordHistory } from './profile-history.js';
import { loadRegistration, registrationTarget } from './registration-records.js';
import { validFullName } from './start-registration.js';

export interface RegistrationCorrection {
  fullName?: unknown;
  gelarDepan?: unknown;
  gelarBelakang?: unknown;
  nik?: unknown;
  nip?: unknown;
  phone?: unknown;
  jabatan?: unknown;
  unitOrganisasi?: unknown;
  province?: unknown;
}

const plainFields = ['gelarDepan', 'gelarBelakang', 'jabatan', 'unitOrganisasi', 'province'] as const;
const plainMax: Record<(typeof plainFields)[number], number> = {
  gelarDepan: 50,
  gelarBelakang: 50,
  jabatan: 200,
  unitOrganisasi: 300,
  province: 100,
};

const invalid = (field: string, rule: string) =>
  new TekenError('ERR_INPUT_INVALID', `${field}: ${rule}`, { details: { field } });

/** A NIK: 16 digits, a province code (11–94), a birth date (day + 40 for women) and a month. */
export function validNik(value: unknown): string {
  const nik = typeof value === 'string' ? value.trim() : '';
  if (!/^\d{16}$/.test(nik)) throw invalid('nik', 'the NIK has exactly 16 digits.');
  const province = Number(nik.slice(0, 2));
  const day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  if (province < 11 || province > 94) throw invalid('nik', 'the first two digits are not a province code.');
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71)) || month < 1 || month > 12)
    throw invalid('nik', 'digits 7 to 12 are not a birth date (DDMMYY, day + 40 for women).');
  return nik;
}

/** A NIP / NRP: 18 digits beginning with a birth date YYYYMMDD. */
export function validNip(value: unknown): string {
  const nip = typeof value === 'string' ? value.trim() : '';
  if (!/^\d{18}$/.test(nip)) throw invalid('nip', 'the NIP has exactly 18 digits.');
  const month = Number(nip.slice(4, 6));
  const day = Number(nip.slice(6, 8));
  if (month < 1 || month > 12 || day < 1 || day > 31)
    throw invalid('nip', 'the first 8 digits are not a birth date (YYYYMMDD).');
  return nip;
}

function plainValue(field: (typeof plainFields)[number], value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') throw invalid(field, 'must be text.');
  const text = value.trim().replace(/\s+/g, ' ');
  if (text.length > plainMax[field] || hasControlCharacters(text))
    throw invalid(field, `at most ${plainMax[field]} characters, no control characters.`);
  return text === '' ? null : text;
}

export async function correctRegistration(
  ctx: EnrollmentContext,
  actor: AccountRow,
  accountId: string,
  input: RegistrationCorrection,
): Promise<{ changed: string[] }> {
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadRegistration(tx, actor, 'registration.review', accountId, { forUpdate: true });
    const { registration: r, account } = loaded;
    const id = r.accountId;
    const by = actor.id;
    const changed: string[] = [];
    const history = (field: string, old: string | null, value: string | null) =>
      recordHistory(tx, ctx.master, {
        accountId: id,
        field,
        old,
        new: value,
        changedBy: by,
        cause: 'ra_correction',
      });
    const set: Partial<typeof registrations.$inferInsert> = {};

    if (input.fullName !== undefined) {
      const name = validFullName(input.fullName);
      if (name !== account.fullName) {
        await tx.update(accounts).set({ fullName: name }).where(eq(accounts.id, id));
        await history('fullName', account.fullName, name);
        changed.push('fullName');
      }
    }
    for (const field of plainFields) {
      if (input[field] === undefined) continue;
      const value = plainValue(field, input[field]);
      if (value !== r[field]) {
        set[field] = value;
        await history(field, r[field], value);
        changed.push(field);
      }
    }
    if (input.nik !== undefined) {
      // Seed 004: the NIK is changed by an RA officer only.
      authorize(actor, 'registration.correct_nik', registrationTarget(loaded));
      const nik = validNik(input.nik);
      const old = openPersonalText(ctx.master, 'registrations.nik', id, r.nikSealed);
      if (nik !== old) {
        const hash = lookupHash(ctx.master, 'nik', nik);
        const [taken] = await tx
          .select({ id: registrations.accountId })
          .from(registrations)
          .where(and(eq(registrations.nikHash, hash), ne(registrations.accountId, id)));
        if (taken) throw new TekenError('ERR_RESOURCE_CONFLICT', 'nik: another registration has this NIK.');
        set.nikSealed = sealPersonal(ctx.master, 'registrations.nik', id, nik);
        set.nikHash = hash;
        await history('nik', old, nik);
        changed.push('nik');
      }
    }
    if (input.nip !== undefined) {
      const nip = input.nip === null ? null : validNip(input.nip);
      const old = openPersonalText(ctx.master, 'registrations.nip', id, r.nipSealed);
      if (nip !== old) {
        set.nipSealed = nip ? sealPersonal(ctx.master, 'registrations.nip', id, nip) : null;
        set.nipHash = nip ? lookupHash(ctx.master, 'nip', nip) : null;
        set.nipVerifiedBy = nip ? 'manual' : null;
        await history('nip', old, nip);
        changed.push('nip');
      }
    }
    if (input.phone !== undefined) {
      const phone = validPhone(input.phone, 'phone');
      const old = openPersonalText(ctx.master, 'registrations.phone', id, r.phoneSealed);
      if (phone !== old) {
        const hash = lookupHash(ctx.master, 'phone', phone);
        const [taken] = await tx
          .select({ id: registrations.accountId })
          .from(registrations)
          .where(and(eq(registrations.phoneHash, hash), ne(registrations.accountId, id)));
        if (taken)
          throw new TekenError('ERR_RESOURCE_CONFLICT', 'phone: another registration has this number.');
        set.phoneSealed = sealPersonal(ctx.master, 'registrations.phone', id, phone);
        set.phoneHash = hash;
        set.phoneVerifiedAt = null;
        set.phoneVerifiedBy = null;
        await history('phone', old, phone);
        changed.push('phone');
      }
    }
    if (changed.length === 0 && Object.values(input).every((v) => v === undefined))
      throw new TekenError('ERR_INPUT_INVALID', 'Give at least one field to correct.');
    if (changed.length > 0) {
      await tx
        .update(registrations)
        .set({ ...set, updatedAt: new Date() })
        .where(eq(registrations.accountId, id));
      await recordAuditEvent(tx, {
        actor: `account:${by}`,
        action: 'registration.corrected',
        target: `account:${id}`,
        details: { fields: changed },
      });
    }
    return { changed };
  });
}
