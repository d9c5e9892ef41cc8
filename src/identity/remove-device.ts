/** Removes an authenticator; the last one stays (one is required before anything else). */
import { and, eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { totpDevices } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { isUuid } from './accounts.js';
import type { IdentityContext } from './identity-context.js';
import type { SessionMeta, SessionRow } from './sessions.js';

export async function removeDevice(
  ctx: IdentityContext,
  current: SessionRow,
  deviceId: string,
  meta: SessionMeta,
): Promise<void> {
  if (!isUuid(deviceId)) throw new TekenError('ERR_RESOURCE_NOT_FOUND', 'No such authenticator.');
  await ctx.db.transaction(async (tx) => {
    const devices = await tx
      .select()
      .from(totpDevices)
      .where(and(eq(totpDevices.accountId, current.accountId), eq(totpDevices.confirmed, true)))
      .for('update');
    const device = devices.find((d) => d.id === deviceId);
    if (!device) throw new TekenError('ERR_RESOURCE_NOT_FOUND', 'No such authenticator.');
    if (devices.length === 1)
      throw new TekenError(
        'ERR_TOTP_LAST_DEVICE',
        'Add another authenticator before removing your only one.',
      );
    await tx.delete(totpDevices).where(eq(totpDevices.id, deviceId));
    await recordAuditEvent(tx, {
      actor: `account:${current.accountId}`,
      action: 'account.totp_removed',
      target: `account:${current.accountId}`,
      details: { device: device.name, ip: meta.ip ?? null },
    });
  });
}
