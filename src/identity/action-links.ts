/**
 * Single-use links (e-mailed): "Lupa Password", and the links administrators send
 * (UPDATE_PASSWORD, RESET_OTP_DEVICE) or the setup link of the first administrator. Only the
 * SHA-256 of the token is stored; a newer link of the same kind voids the older ones, and so does
 * a password change.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Tx } from '../db/open-database.js';
import { actionTokens, type ActionLinkKind } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { hashOpaqueToken, isWellFormedToken, newOpaqueToken } from './opaque-token.js';

/**
 * Makes a link and voids the account's older ones of the same kind — of the same kind and `ref`
 * for links about one object (a certificate request, a certificate), so that a link about one
 * certificate does not end another's.
 */
export async function createActionLink(
  tx: Tx,
  input: { accountId: string; action: ActionLinkKind; lifetimeMs: number; createdBy: string; ref?: string },
): Promise<{ token: string; expiresAt: Date }> {
  if (input.ref)
    await tx
      .update(actionTokens)
      .set({ voidedAt: new Date() })
      .where(
        and(
          eq(actionTokens.accountId, input.accountId),
          eq(actionTokens.action, input.action),
          eq(actionTokens.ref, input.ref),
          isNull(actionTokens.usedAt),
          isNull(actionTokens.voidedAt),
        ),
      );
  else await voidActionLinks(tx, input.accountId, [input.action]);
  const token = newOpaqueToken();
  const expiresAt = new Date(Date.now() + input.lifetimeMs);
  await tx.insert(actionTokens).values({
    tokenHash: hashOpaqueToken(token),
    accountId: input.accountId,
    action: input.action,
    createdBy: input.createdBy,
    expiresAt,
    ref: input.ref ?? null,
  });
  return { token, expiresAt };
}

export async function voidActionLinks(tx: Tx, accountId: string, actions?: ActionLinkKind[]): Promise<void> {
  const open = and(
    eq(actionTokens.accountId, accountId),
    isNull(actionTokens.usedAt),
    isNull(actionTokens.voidedAt),
    gt(actionTokens.expiresAt, new Date()),
  );
  const rows = await tx
    .select({ hash: actionTokens.tokenHash, action: actionTokens.action })
    .from(actionTokens)
    .where(open);
  for (const row of rows) {
    if (!actions || actions.includes(row.action)) {
      await tx.update(actionTokens).set({ voidedAt: new Date() }).where(eq(actionTokens.tokenHash, row.hash));
    }
  }
}

/**
 * Checks a link without using it, and locks its row for the caller's transaction (a flow that does
 * slow work before it commits, such as issuing a certificate, uses it at the end with
 * `markActionLinkUsed`). Says precisely why a link cannot be used — unknown, used, voided by a
 * newer one, expired — without revealing the account. `kinds` are the links the caller opens; any
 * other kind is answered as unknown.
 */
export async function checkActionLink(tx: Tx, token: unknown, kinds: readonly ActionLinkKind[]) {
  if (!isWellFormedToken(token)) throw new TekenError('ERR_LINK_INVALID');
  const hash = hashOpaqueToken(token);
  const [row] = await tx.select().from(actionTokens).where(eq(actionTokens.tokenHash, hash)).for('update');
  // A link opened at the wrong place (an activation link at /link) is unknown there, and stays unused.
  if (!row || !kinds.includes(row.action)) throw new TekenError('ERR_LINK_INVALID');
  if (row.usedAt)
    throw new TekenError('ERR_LINK_USED', 'This link has already been used. Ask for a new one.');
  if (row.voidedAt)
    throw new TekenError(
      'ERR_LINK_EXPIRED',
      'This link was replaced by a newer one or by a password change. Use the newest link.',
    );
  if (row.expiresAt <= new Date())
    throw new TekenError('ERR_LINK_EXPIRED', 'This link has expired. Ask for a new one.');
  return row;
}

export async function markActionLinkUsed(tx: Tx, tokenHash: Uint8Array): Promise<void> {
  await tx.update(actionTokens).set({ usedAt: new Date() }).where(eq(actionTokens.tokenHash, tokenHash));
}

/** Uses a link: `checkActionLink`, then marks it used in the caller's transaction. */
export async function redeemActionLink(tx: Tx, token: unknown, kinds: readonly ActionLinkKind[]) {
  const row = await checkActionLink(tx, token, kinds);
  await markActionLinkUsed(tx, row.tokenHash);
  return row;
}
