/**
 * The seam every registration starts through: startRegistration makes a pending subscriber, its
 * registration row, the activation link and the "Aktivasi Akun" mail; a re-send ends the old
 * link; the link opens the wizard (not used up) but is unknown at /link; unknown tokens are
 * counted per address by the attempt guard.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { accounts, actionTokens, auditEvents, outbox, registrations } from '../../src/db/schema.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import type { EnrollmentContext } from '../../src/enrollment/enrollment-context.js';
import { closeRegistrationLink, withRegistrationLink } from '../../src/enrollment/registration-link.js';
import { startRegistration } from '../../src/enrollment/start-registration.js';
import { redeemLink } from '../../src/identity/redeem-link.js';
import { isTekenError } from '../../src/errors/teken-error.js';
import { readOutboxMessage } from '../../src/notify/read-outbox-message.js';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { openTestRuntime } from '../helpers/test-runtime.js';

const code = (error: unknown) => (isTekenError(error) ? error.code : String(error));

describe('starting a registration', () => {
  let rt: Runtime;
  let ctx: EnrollmentContext;
  let institutionId: string;
  const admin = {
    id: '00000000-0000-4000-8000-000000000001',
    roles: ['ca_admin' as const],
    institutionId: null,
    status: 'active' as const,
  };

  /** The link token of the newest activation mail to `email` (the log channel keeps the payload). */
  const tokenOf = async (accountId: string): Promise<string> => {
    const rows = await rt.db.select().from(outbox).where(eq(outbox.accountId, accountId));
    const newest = rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]!;
    const message = await readOutboxMessage(
      rt.db,
      rt.masterKey,
      newest.id,
      rt.config.organisationName,
      rt.notify.templates,
    );
    assert.equal(message?.content?.subject, `[${rt.config.organisationName}] Aktivasi Akun`);
    const match = /\/aktivasi#([A-Za-z0-9_-]+)/.exec(message.content.text);
    assert.ok(match, 'the mail holds the wizard link');
    return match[1]!;
  };
  const start = (email: string) =>
    rt.db.transaction((t) =>
      startRegistration(ctx, t, {
        institutionId,
        fullName: '  Siti   Rahayu ',
        email,
        source: 'invite',
        invitedBy: `account:${admin.id}`,
      }),
    );

  before(async () => {
    ({ rt } = await openTestRuntime({ TEKEN_FAILURE_DELAY_MS: '0', TEKEN_ADDRESS_FAILURES: '10' }));
    ctx = enrollmentContextOf(rt);
    institutionId = (
      await createInstitution(
        rt.db,
        { operator: 'test' },
        { name: 'Dinas Uji Coba', emailDomains: ['uji.go.id'] },
      )
    ).id;
  });

  it('makes a pending subscriber, its registration, a 24-hour link and the Aktivasi Akun mail', async () => {
    const started = await start('Siti.Rahayu@uji.go.id');
    assert.equal(started.resent, false);
    const [account] = await rt.db.select().from(accounts).where(eq(accounts.id, started.accountId));
    assert.equal(account!.status, 'pending');
    assert.deepEqual(account!.roles, ['subscriber']);
    assert.equal(account!.email, 'siti.rahayu@uji.go.id');
    assert.equal(account!.fullName, 'Siti Rahayu');
    assert.equal(account!.passwordHash, null);
    const [registration] = await rt.db
      .select()
      .from(registrations)
      .where(eq(registrations.accountId, started.accountId));
    assert.equal(registration!.status, 'invited');
    assert.equal(registration!.institutionId, institutionId);
    const hours = (started.expiresAt.getTime() - Date.now()) / 3_600_000;
    assert.ok(hours > 23.9 && hours <= 24, `link lives 24 h (${hours})`);
    const token = await tokenOf(started.accountId);
    const opened = await withRegistrationLink(ctx, token, '10.60.0.1', (_tx, o) => Promise.resolve(o));
    assert.equal(opened.account.id, started.accountId);
    // Opening it again still works: progress is kept through the same link.
    await withRegistrationLink(ctx, token, '10.60.0.1', () => Promise.resolve(undefined));
    const events = await rt.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'registration.started'));
    assert.ok(events.some((e) => e.target === `account:${started.accountId}`));
  });

  it('re-sends a fresh link to an open registration and ends the old one', async () => {
    const first = await start('budi@uji.go.id');
    const oldToken = await tokenOf(first.accountId);
    const again = await start('BUDI@uji.go.id');
    assert.equal(again.accountId, first.accountId);
    assert.equal(again.resent, true);
    const newToken = await tokenOf(first.accountId);
    assert.notEqual(newToken, oldToken);
    await assert.rejects(
      withRegistrationLink(ctx, oldToken, '10.60.0.2', () => Promise.resolve(1)),
      (e) => code(e) === 'ERR_LINK_EXPIRED',
    );
    assert.equal(await withRegistrationLink(ctx, newToken, '10.60.0.2', () => Promise.resolve(2)), 2);
  });

  it('refuses other domains, existing accounts and deactivated institutions, changing nothing', async () => {
    const before = (await rt.db.select().from(accounts)).length;
    await assert.rejects(start('orang@lain.go.id'), (e) => code(e) === 'ERR_INPUT_INVALID');
    await assert.rejects(start('not an address'), (e) => code(e) === 'ERR_INPUT_INVALID');
    const done = await start('selesai@uji.go.id');
    await rt.db
      .update(registrations)
      .set({ status: 'submitted' })
      .where(eq(registrations.accountId, done.accountId));
    await assert.rejects(start('selesai@uji.go.id'), (e) => code(e) === 'ERR_ACCOUNT_EXISTS');
    assert.equal((await rt.db.select().from(accounts)).length, before + 1);
  });

  it('is not a sign-in link, is closed on submit, and unknown tokens are counted per address', async () => {
    const started = await start('ani@uji.go.id');
    const token = await tokenOf(started.accountId);
    await assert.rejects(
      redeemLink(ctx.identity, token, { ip: '10.60.0.3' }),
      (e) => code(e) === 'ERR_LINK_INVALID',
    );
    const [link] = await rt.db
      .select()
      .from(actionTokens)
      .where(and(eq(actionTokens.accountId, started.accountId), eq(actionTokens.action, 'ACTIVATE_ACCOUNT')));
    assert.equal(link!.usedAt, null, 'trying it at /link did not use it up');
    await withRegistrationLink(ctx, token, '10.60.0.3', (tx) => closeRegistrationLink(tx, token));
    await assert.rejects(
      withRegistrationLink(ctx, token, '10.60.0.3', () => Promise.resolve(1)),
      (e) => code(e) === 'ERR_LINK_USED',
    );
    const address = '10.60.0.9';
    const answers: string[] = [];
    for (let i = 0; i < 12; i++)
      answers.push(
        await withRegistrationLink(ctx, `x${'A'.repeat(42)}${i}`, address, () => Promise.resolve('ok')).catch(
          code,
        ),
      );
    assert.deepEqual(answers.slice(0, 10), Array(10).fill('ERR_LINK_INVALID'));
    assert.deepEqual(answers.slice(10), ['ERR_AUTH_THROTTLED', 'ERR_AUTH_THROTTLED']);
  });
});
