/**
 * A process killed with SIGKILL while it sets passphrases (and so generates, seals, records and
 * issues) leaves either no certificate for a request, or one whose sealed key is on record: after
 * the reconcilers run, every certificate recorded for a subscriber key has that key on record,
 * every issued one is linked to an active key, every request whose id the child printed is issued,
 * and every other request is still approved (its passphrase can be set again) with no active key.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { initialiseHierarchy } from '../../src/authority/initialise-hierarchy.js';
import { reconcilePendingCertificates } from '../../src/authority/reconcile-pending.js';
import { approveCertificateRequest } from '../../src/certificates/decide-certificate-request.js';
import { reconcileSubscriberKeys } from '../../src/certificates/reconcile-subscriber-keys.js';
import { requestCertificate } from '../../src/certificates/request-certificate.js';
import { setPassphraseAsOperator, subscriberAgreement } from '../../src/certificates/set-passphrase.js';
import { loadConfig } from '../../src/config/load-config.js';
import { accounts, certificateRequests, certificates, subscriberCertificates } from '../../src/db/schema.js';
import { addSubscriber } from '../../src/enrollment/add-subscriber.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import { certificatesContextOf } from '../../src/runtime/certificates-context-of.js';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
import { openRuntime, type Runtime } from '../../src/runtime/open-runtime.js';
import { onCleanup } from '../helpers/cleanup.js';
import { testLogger } from '../helpers/log-capture.js';
import { syntheticPerson } from '../helpers/synthetic-identity.js';
import { testEnv } from '../helpers/test-runtime.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const childScript = path.join(root, 'test/helpers/crash-passphrase.ts');
const REQUESTS = 36;
const ROUNDS = 2;

/** Runs the child until it printed `after` ids, then kills it a random few milliseconds later. */
function runAndKill(env: Record<string, string>, after: number): Promise<string[]> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!('DATABASE_URL' in env)) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', childScript], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onCleanup(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const done: string[] = [];
  let killed = false;
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    if (line === 'ready' || line === 'done') return;
    assert.match(line, /^[0-9a-f-]{36}$/);
    done.push(line);
    if (done.length === after && !killed) {
      killed = true;
      setTimeout(() => child.kill('SIGKILL'), crypto.randomInt(0, 60));
    }
  });
  const watchdog = setTimeout(() => child.kill('SIGKILL'), 240_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(watchdog);
      if (signal !== 'SIGKILL')
        reject(new Error(`the child ended by itself (${code}) after ${done.length}:\n${stderr}`));
      else resolve(done);
    });
  });
}

describe('set-passphrase killed with SIGKILL', () => {
  let env: Record<string, string>;
  const printed: string[] = [];
  let rt: Runtime;

  before(async () => {
    env = await testEnv({
      TEKEN_PASSPHRASE_ARGON2_MEMORY_KIB: '19456',
      TEKEN_PASSPHRASE_ARGON2_ITERATIONS: '1',
      TEKEN_ESIGN_KEY: 'p256',
    });
    const setup = await openRuntime(loadConfig(env), { log: testLogger() });
    try {
      await initialiseHierarchy(setup.authority, 'test');
      const { id: institutionId } = await createInstitution(
        setup.db,
        { operator: 'test' },
        { name: 'Dinas Uji Crash', emailDomains: ['crash.go.id'] },
      );
      const ctx = certificatesContextOf(setup);
      for (let i = 0; i < REQUESTS; i++) {
        const person = syntheticPerson();
        const { accountId } = await addSubscriber(enrollmentContextOf(setup), 'test', {
          institutionId,
          fullName: person.fullName,
          email: `crash${i}@crash.go.id`,
          nik: person.nik,
          verified: true,
        });
        const [holder] = await setup.db.select().from(accounts).where(eq(accounts.id, accountId));
        const { id } = await requestCertificate(ctx, holder!, { product: 'esign' });
        await approveCertificateRequest(ctx, { operator: 'test' }, id);
      }
    } finally {
      await setup.close();
    }
  });

  it(`kills the child ${ROUNDS} times in the middle of setting passphrases`, async () => {
    for (let round = 0; round < ROUNDS; round++)
      printed.push(...(await runAndKill(env, crypto.randomInt(3, 8))));
    assert.equal(new Set(printed).size, printed.length);
    assert.ok(printed.length >= 6 && printed.length < REQUESTS);
  });

  it('leaves no certificate without its sealed key on record, and reconciles every one', async () => {
    rt = await openRuntime(loadConfig(env), { log: testLogger() });
    onCleanup(() => rt.close());
    await rt.registry.ensureLoaded();
    const orphans = await rt.db.execute(sql`
      select count(*)::int as n from ${certificates} c where c.request_ref is not null
        and not exists (select 1 from ${subscriberCertificates} k where k.id = c.request_ref)`);
    assert.equal((orphans as { rows: { n: number }[] }).rows[0]!.n, 0);
    // The authority settles certificates left pending, then the keys follow their certificate.
    await reconcilePendingCertificates(rt.authority, 'test', 0);
    await reconcileSubscriberKeys(certificatesContextOf(rt), 0);
    const keys = await rt.db.select().from(subscriberCertificates);
    assert.equal(keys.filter((k) => k.state === 'pending').length, 0, 'no key left pending');
    const requests = await rt.db.select().from(certificateRequests);
    for (const request of requests) {
      const own = keys.filter((k) => k.requestId === request.id);
      const active = own.filter((k) => k.state === 'active');
      assert.ok(active.length <= 1, `request ${request.id} has ${active.length} active keys`);
      if (printed.includes(request.id)) assert.equal(request.status, 'issued');
      if (request.status === 'issued') {
        assert.equal(active.length, 1);
        const [certificate] = await rt.db
          .select()
          .from(certificates)
          .where(
            sql`${certificates.authorityId} = ${active[0]!.authorityId} and ${certificates.serial} = ${active[0]!.serial}`,
          );
        assert.equal(certificate!.status, 'issued');
        assert.equal(certificate!.requestRef, active[0]!.id);
      } else {
        assert.equal(request.status, 'approved');
        assert.equal(active.length, 0);
      }
    }
    // Every issued certificate recorded for a key is linked to its active key.
    const unlinked = await rt.db.execute(sql`
      select count(*)::int as n from ${certificates} c where c.request_ref is not null and c.status = 'issued'
        and not exists (select 1 from ${subscriberCertificates} k where k.id = c.request_ref and k.state = 'active'
          and k.serial = c.serial)`);
    assert.equal((unlinked as { rows: { n: number }[] }).rows[0]!.n, 0);
    // A request left approved can be finished now.
    const open = requests.find((r) => r.status === 'approved');
    assert.ok(open);
    const again = await setPassphraseAsOperator(certificatesContextOf(rt), 'test', open.id, {
      passphrase: 'Crash#Passphrase1',
      agreementVersion: subscriberAgreement().version,
    });
    assert.equal(again.requestId, open.id);
  });
});
