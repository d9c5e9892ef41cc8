/**
 * Server-side sessions. The cookie carries a random token; the database keeps its SHA-256, so a
 * database reader cannot hijack sessions. Sessions have an idle and an absolute limit; the token
 * is replaced at every change of privilege (sign-in completed), so a token planted before sign-in
 * is worthless after it.
 */
import crypto from 'node:crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Config } from '../config/load-config.js';
import type { Tx } from '../db/open-database.js';
import { sessions } from '../db/schema.js';
import { hashOpaqueToken, isWellFormedToken, newOpaqueToken } from './opaque-token.js';

export type SessionRow = typeof sessions.$inferSelect;

export interface AuthFlowState {
  kind:
    | 'login'
    | 'reset_password'
    | 'admin_update_password'
    | 'admin_reset_otp'
    | 'setup_admin'
    | 'setup_account'
    | 'add_device';
  /** Steps still to do, in order. */
  pending: FlowStep[];
  remember: boolean;
  /** A TOTP secret being enrolled (sealed, base64), until its first code is confirmed. */
  enrollment?: { sealedSecret: string; createdAt: string };
}

export type FlowStep = 'password' | 'otp' | 'configure_totp' | 'update_password';

const PARTIAL_MS = 15 * 60_000;

function limits(config: Config, stage: 'partial' | 'full', remember: boolean) {
  const now = Date.now();
  if (stage === 'partial') return { idle: new Date(now + PARTIAL_MS), absolute: new Date(now + PARTIAL_MS) };
  const id = config.identity;
  return remember
    ? { idle: new Date(now + 24 * 3_600_000), absolute: new Date(now + id.sessionRememberDays * 86_400_000) }
    : {
        idle: new Date(now + id.sessionIdleMinutes * 60_000),
        absolute: new Date(now + id.sessionAbsoluteHours * 3_600_000),
      };
}

export interface SessionMeta {
  ip?: string | undefined;
  userAgent?: string | undefined;
}

export async function createSession(
  tx: Tx,
  config: Config,
  input: {
    accountId: string;
    stage: 'partial' | 'full';
    remember: boolean;
    flow?: AuthFlowState | null;
  } & SessionMeta,
): Promise<{ token: string; session: SessionRow }> {
  const token = newOpaqueToken();
  const { idle, absolute } = limits(config, input.stage, input.remember);
  const [session] = await tx
    .insert(sessions)
    .values({
      idHash: hashOpaqueToken(token),
      accountId: input.accountId,
      stage: input.stage,
      remember: input.remember,
      csrfToken: crypto.randomBytes(24).toString('base64url'),
      idleExpiresAt: idle,
      absoluteExpiresAt: absolute,
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      flow: (input.flow ?? null) as Record<string, unknown> | null,
    })
    .returning();
  return { token, session: session! };
}

/** The live session for a cookie token, refreshing its idle limit (at most once a minute). */
export async function findSession(db: Tx, config: Config, token: unknown): Promise<SessionRow | undefined> {
  if (!isWellFormedToken(token)) return undefined;
  const idHash = hashOpaqueToken(token);
  const [session] = await db.select().from(sessions).where(eq(sessions.idHash, idHash));
  const now = new Date();
  if (!session || session.revokedAt || session.idleExpiresAt <= now || session.absoluteExpiresAt <= now)
    return undefined;
  if (session.stage === 'full' && now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    const { idle } = limits(config, 'full', session.remember);
    const idleExpiresAt = idle < session.absoluteExpiresAt ? idle : session.absoluteExpiresAt;
    await db.update(sessions).set({ lastSeenAt: now, idleExpiresAt }).where(eq(sessions.idHash, idHash));
    return { ...session, lastSeenAt: now, idleExpiresAt };
  }
  return session;
}

export async function updateFlow(db: Tx, session: SessionRow, flow: AuthFlowState): Promise<void> {
  await db
    .update(sessions)
    .set({ flow: flow as unknown as Record<string, unknown> })
    .where(eq(sessions.idHash, session.idHash));
}

/** Ends a session and starts a fresh one: used when a partial session completes sign-in. */
export async function rotateToFullSession(tx: Tx, config: Config, old: SessionRow, meta: SessionMeta) {
  await tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.idHash, old.idHash));
  return createSession(tx, config, {
    accountId: old.accountId,
    stage: 'full',
    remember: old.remember,
    ...meta,
  });
}

export async function revokeSession(tx: Tx, idHash: Uint8Array): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt)));
}

/** Signs out every other session of the account (after a password change, or on request). */
export async function revokeOtherSessions(tx: Tx, accountId: string, keep?: Uint8Array): Promise<number> {
  const rows = await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      keep
        ? and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt), ne(sessions.idHash, keep))
        : and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt)),
    )
    .returning({ id: sessions.idHash });
  return rows.length;
}

/** A session's public id: a prefix of the hash of its token (not the token, not reversible). */
export function publicSessionId(session: Pick<SessionRow, 'idHash'>): string {
  return Buffer.from(session.idHash).toString('hex').slice(0, 32);
}
