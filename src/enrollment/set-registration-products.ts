/**
 * Jenis Permohonan on Tinjau Ulang: the products this user may request (seed 003's cards: eSign,
 * eSeal; SSL is "Segera Hadir" and cannot be chosen yet). A Riwayat Data row and an audit event.
 */
import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { registrations } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { recordHistory } from './profile-history.js';
import { loadRegistration, products, type Product } from './registration-records.js';

export function validProducts(value: unknown): Product[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new TekenError('ERR_INPUT_INVALID', 'products: choose at least one product (esign, eseal).', {
      details: { field: 'products' },
    });
  for (const p of value)
    if (!(products as readonly unknown[]).includes(p))
      throw new TekenError(
        'ERR_INPUT_INVALID',
        p === 'ssl'
          ? 'products: SSL is not offered yet ("Segera Hadir").'
          : 'products: each product is esign or eseal.',
        { details: { field: 'products' } },
      );
  return products.filter((p) => value.includes(p));
}

export async function setRegistrationProducts(
  ctx: EnrollmentContext,
  actor: AccountRow,
  accountId: string,
  value: unknown,
): Promise<{ products: string[] }> {
  const chosen = validProducts(value);
  return ctx.db.transaction(async (tx) => {
    const { registration: r } = await loadRegistration(tx, actor, 'registration.review', accountId, {
      forUpdate: true,
    });
    if (chosen.join(',') === [...r.products].join(',')) return { products: r.products };
    await tx
      .update(registrations)
      .set({ products: chosen, updatedAt: new Date() })
      .where(eq(registrations.accountId, r.accountId));
    await recordHistory(tx, ctx.master, {
      accountId: r.accountId,
      field: 'products',
      old: r.products,
      new: chosen,
      changedBy: actor.id,
      cause: 'ra_correction',
    });
    await recordAuditEvent(tx, {
      actor: `account:${actor.id}`,
      action: 'registration.products_set',
      target: `account:${r.accountId}`,
      details: { products: chosen },
    });
    return { products: chosen };
  });
}
