/**
 * "Ubah Akun" on Tinjau Ulang: an RA officer (or a CA admin) corrects the data of a registration —
 * name, titles, NIK (an RA officer only, seed 004), NIP, phone, Jabatan, Unit Organisasi, Provinsi.
 * Every value is checked by the same rules as in the wizard and in Ubah Profil: the institution's
 * data rules (profile-rules.ts), the NIK and NIP checks (nik.ts, nip.ts, the NIP against the NIK).
 * Each changed field is a Riwayat Data row (old and new value sealed, who, when, cause
 * `ra_correction`) and the whole correction one audit event naming the fields, in one transaction.
 * A new NIP counts as checked by hand ("Diverifikasi Oleh" manual); a new phone number is not
 * verified until it is confirmed again.
 */
import { and, eq, ne } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { accounts, registrations } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import { authorize } from '../identity/authorize.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { lookupHash, openPersonalText, sealPersonal } from './personal-data.js';
import { institutionView, type InstitutionPolicy } from './institutions.js';
import { parseNik } from './nik.js';
import { assertNipMatchesNik, parseNip } from './nip.js';
import { validPhone } from './phone.js';
import { checkFullName, checkJabatan, checkProvince, checkTitle, checkUnit } from './profile-rules.js';
import { recordHistory } from './profile-history.js';
import { loadRegistration, registrationTarget } from './registration-records.js';

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

/**
 * The fields checked by the institution's data rules (profile-rules.ts), as in the wizard and in
 * Ubah Profil. Gelar Depan and Gelar Belakang may be cleared (null); the others are required.
 */
const ruledFields = {
  gelarDepan: (value: unknown) => checkTitle(value, 'gelarDepan'),
  gelarBelakang: (value: unknown) => checkTitle(value, 'gelarBelakang'),
  jabatan: (value: unknown, policy: InstitutionPolicy) => checkJabatan(value ?? '', policy),
  unitOrganisasi: (value: unknown, policy: InstitutionPolicy) => checkUnit(value ?? '', policy),
  province: (value: unknown) => checkProvince(value ?? ''),
} as const;

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

    const policy = institutionView(loaded.institution).policy;
    const now = ctx.now ? { now: ctx.now() } : {};
    // A NIP is checked as in the wizard, and against the NIK it will stand beside (birth date, gender).
    const checkedNip = (value: unknown, nikSealed: Uint8Array | null) => {
      const nip = parseNip(value, { field: 'nip', ...now });
      const nik = openPersonalText(ctx.master, 'registrations.nik', id, nikSealed);
      if (nik) assertNipMatchesNik(nip, parseNik(nik, now), 'nip');
      return nip.nip;
    };
    if (input.fullName !== undefined) {
      const name = checkFullName(input.fullName, policy);
      if (name !== account.fullName) {
        await tx.update(accounts).set({ fullName: name }).where(eq(accounts.id, id));
        await history('fullName', account.fullName, name);
        changed.push('fullName');
      }
    }
    for (const [field, check] of Object.entries(ruledFields) as [
      keyof typeof ruledFields,
      (value: unknown, policy: InstitutionPolicy) => string | null,
    ][]) {
      if (input[field] === undefined) continue;
      const value = check(input[field], policy);
      if (value !== r[field]) {
        set[field] = value;
        await history(field, r[field], value);
        changed.push(field);
      }
    }
    if (input.nik !== undefined) {
      // Seed 004: the NIK is changed by an RA officer only.
      authorize(actor, 'registration.correct_nik', registrationTarget(loaded));
      const nik = parseNik(input.nik, { field: 'nik', ...now }).nik;
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
      const nip = input.nip === null ? null : checkedNip(input.nip, set.nikSealed ?? r.nikSealed);
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
      await ctx.onProfileChanged?.(tx, id, changed);
    }
    return { changed };
  });
}
