import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { AsnConvert } from '@peculiar/asn1-schema';
import { TBSCertificate } from '@peculiar/asn1-x509';
import { and, eq, inArray } from 'drizzle-orm';
import { generateCrl } from '../../src/authority/generate-crl.js';
import { leafExtensions } from '../../src/authority/leaf-extensions.js';
import { assertLintClean } from '../../src/authority/lint-certificate.js';
import { OcspResponder } from '../../src/authority/ocsp-responder.js';
import { getProfile } from '../../src/authority/profiles.js';
import { reconcilePendingCertificates } from '../../src/authority/reconcile-pending.js';
import { revocationReasons } from '../../src/authority/revocation-reasons.js';
import { loadConfig } from '../../src/config/load-config.js';
import { auditEvents, certificates } from '../../src/db/schema.js';
import { encodeTbsCertificate, toPem, truncateToSeconds } from '../../src/pki/certificate-assembly.js';
import { encodeName, nameToString, parseDistinguishedName } from '../../src/pki/distinguished-name.js';
import { describePublicKey } from '../../src/pki/public-key.js';
import { randomSerial, serialToHex } from '../../src/pki/serial-number.js';
import { createLogger } from '../../src/runtime/logger.js';
import { openRuntime, type Runtime } from '../../src/runtime/open-runtime.js';
import { onCleanup } from '../helpers/cleanup.js';
import { runCli } from '../helpers/cli.js';
import { openssl } from '../helpers/run-tool.js';
import { testEngine, testEnv } from '../helpers/test-runtime.js';
import { tmpDir } from '../helpers/tmp-dir.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const issuerScript = path.join(root, 'test/helpers/crash-issuer.ts');
const ROUNDS = 3;
const DAY = 86_400_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface Round {
  pid: number;
  serials: string[];
  signal: NodeJS.Signals | null;
}

/**
 * Runs the issuing child until it has printed at least `after` serials, then kills it with SIGKILL
 * a random few milliseconds later (so the kill lands anywhere in the issuance cycle).
 */
function runAndKill(env: Record<string, string>, round: number, after: number): Promise<Round> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!('DATABASE_URL' in env)) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', issuerScript, String(round)], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onCleanup(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const serials: string[] = [];
  let killTimer: NodeJS.Timeout | undefined;
  const lines = readline.createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    if (line === 'ready') return;
    assert.match(line, /^[0-9a-f]{40}$/, `a whole serial per line, got ${JSON.stringify(line)}`);
    serials.push(line);
    if (serials.length === after && !killTimer) {
      killTimer = setTimeout(() => child.kill('SIGKILL'), crypto.randomInt(0, 25));
    }
  });
  const watchdog = setTimeout(() => child.kill('SIGKILL'), 120_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    // 'close': the process is gone and its stdout is read to the end.
    child.on('close', (code, signal) => {
      clearTimeout(watchdog);
      if (!killTimer) {
        reject(
          new Error(
            `the issuer ended by itself (code ${code}, ${signal}) after ${serials.length}:\n${stderr}`,
          ),
        );
        return;
      }
      resolve({ pid: child.pid!, serials, signal });
    });
  });
}

describe('crash recovery: an issuing process killed with SIGKILL', () => {
  let env: Record<string, string>;
  const rounds: Round[] = [];
  const dir = tmpDir();
  const lockFile = () => path.join(env.TEKEN_DATA_DIR!, 'teken.lock');
  let rt: Runtime;
  let closed = false;
  let naturalPending = 0;
  let pendingSerials: string[] = [];

  before(async () => {
    env = await testEnv();
    const init = await runCli(['ca', 'init'], env);
    assert.equal(init.code, 0, init.stderr);
    for (const id of ['root', 'individual']) {
      const out = await runCli(['ca', 'cert', id, '--pem'], env);
      assert.equal(out.code, 0, out.stderr);
      fs.writeFileSync(path.join(dir, `${id}.pem`), out.stdout);
    }
    fs.writeFileSync(
      path.join(dir, 'bundle.pem'),
      fs.readFileSync(path.join(dir, 'root.pem'), 'utf8') +
        fs.readFileSync(path.join(dir, 'individual.pem'), 'utf8'),
    );
  });

  it(`kills the issuer ${ROUNDS} times in the middle of its work`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const result = await runAndKill(env, round, crypto.randomInt(20, 31));
      assert.equal(result.signal, 'SIGKILL');
      assert.ok(result.serials.length >= 20, `round ${round} printed ${result.serials.length} serials`);
      assert.equal(isAlive(result.pid), false);
      if (testEngine === 'pglite') {
        // The dead process still "holds" the lock file: nothing removed it.
        const owner = JSON.parse(fs.readFileSync(lockFile(), 'utf8')) as { pid: number };
        assert.equal(owner.pid, result.pid, 'the lock file names the killed issuer');
      }
      rounds.push(result);
    }
    const printed = rounds.flatMap((r) => r.serials);
    assert.equal(new Set(printed).size, printed.length);
  });

  it('opens the database again in a fresh runtime, taking over the dead process’s lock', async () => {
    rt = await openRuntime(loadConfig(env), { log: createLogger('silent') });
    onCleanup(() => (closed ? undefined : rt.close()));
    if (testEngine === 'pglite') {
      const owner = JSON.parse(fs.readFileSync(lockFile(), 'utf8')) as { pid: number };
      assert.equal(owner.pid, process.pid);
    }
    await rt.registry.ensureLoaded();
  });

  it('has every printed serial on record as issued, with its DER', async () => {
    const printed = rounds.flatMap((r) => r.serials);
    const rows = await rt.db
      .select()
      .from(certificates)
      .where(and(eq(certificates.authorityId, 'individual'), inArray(certificates.serial, printed)));
    assert.equal(rows.length, printed.length, 'every printed serial is in the database');
    const ca = await rt.registry.get('individual');
    const caKey = crypto.createPublicKey({ key: Buffer.from(ca.spkiDer), format: 'der', type: 'spki' });
    for (const row of rows) {
      assert.equal(row.status, 'issued', `${row.serial} is issued`);
      assert.ok(row.der, `${row.serial} has its DER`);
      assert.equal(row.revokedAt, null);
      const x509 = new crypto.X509Certificate(Buffer.from(row.der));
      assert.equal(x509.serialNumber.toLowerCase(), row.serial);
      assert.ok(x509.verify(caKey));
    }
  });

  it('keeps the TBS of every row left pending', async () => {
    const ca = await rt.registry.get('individual');
    const pending = await rt.db.select().from(certificates).where(eq(certificates.status, 'pending'));
    naturalPending = pending.length;
    console.log(
      `# ${testEngine}: ${rounds.map((r) => r.serials.length).join('+')} certificates printed, ${naturalPending} pending after the kills`,
    );
    const printed = new Set(rounds.flatMap((r) => r.serials));
    for (const row of pending) {
      assert.equal(printed.has(row.serial), false, 'a printed serial is never pending');
      assert.equal(row.der, null);
      assert.equal(row.authorityId, 'individual');
      const tbs = AsnConvert.parse(row.tbsDer, TBSCertificate);
      assert.equal(serialToHex(new Uint8Array(tbs.serialNumber)), row.serial);
      assert.deepEqual(Buffer.from(AsnConvert.serialize(tbs.issuer)), Buffer.from(ca.subjectDer));
      assert.match(nameToString(new Uint8Array(AsnConvert.serialize(tbs.subject))), /CN=Crash \d+-\d+/);
    }

    if (naturalPending === 0) {
      // No kill landed between record and store this time: leave a row exactly as the issuance
      // cycle does at its record step (build, lint, record), so reconciliation is always exercised.
      const profile = getProfile('individual');
      const { publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const spkiDer = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
      const subjectDer = encodeName(parseDistinguishedName('CN=Crash pending, C=ID'));
      const serial = randomSerial();
      const notBefore = truncateToSeconds(new Date());
      const notAfter = new Date(notBefore.getTime() + profile.defaultDays(rt.config) * DAY - 1000);
      const tbsDer = encodeTbsCertificate({
        serial,
        signatureAlgorithmOid: ca.signatureAlgorithmOid,
        issuerNameDer: ca.subjectDer,
        subjectNameDer: subjectDer,
        spkiDer,
        notBefore,
        notAfter,
        extensions: leafExtensions(rt.config, profile, ca, spkiDer, describePublicKey(spkiDer), [], false),
      });
      assertLintClean(tbsDer, ca, {
        ca: false,
        extendedKeyUsage: profile.extendedKeyUsage,
        extendedKeyUsageCritical: profile.extendedKeyUsageCritical,
      });
      await rt.db.insert(certificates).values({
        authorityId: ca.id,
        serial: serialToHex(serial),
        profile: profile.id,
        status: 'pending',
        subjectDn: nameToString(subjectDer),
        notBefore,
        notAfter,
        tbsDer,
        createdAt: new Date(Date.now() - 1000),
      });
      console.log('# no kill left a row pending: one was recorded as the issuance cycle does');
    }
    pendingSerials = (
      await rt.db
        .select({ serial: certificates.serial })
        .from(certificates)
        .where(eq(certificates.status, 'pending'))
    ).map((r) => r.serial);
    assert.ok(pendingSerials.length > 0);
  });

  it('abandons and revokes the pending rows on reconciliation', async () => {
    const settled = await reconcilePendingCertificates(rt.authority, 'test', 0);
    assert.equal(settled, pendingSerials.length);
    const rows = await rt.db.select().from(certificates).where(inArray(certificates.serial, pendingSerials));
    for (const row of rows) {
      assert.equal(row.status, 'abandoned');
      assert.ok(row.revokedAt);
      assert.equal(row.revocationReason, revocationReasons.cessationOfOperation);
      assert.equal(row.der, null);
    }
    assert.deepEqual(await rt.db.select().from(certificates).where(eq(certificates.status, 'pending')), []);
    const events = await rt.db
      .select({ target: auditEvents.target })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'certificate.abandon'));
    assert.deepEqual(
      events.map((e) => e.target).sort(),
      pendingSerials.map((s) => `certificate:individual/${s}`).sort(),
    );
    // Nothing left to do the second time.
    assert.equal(await reconcilePendingCertificates(rt.authority, 'test', 0), 0);
  });

  it('answers OCSP revoked for an abandoned serial and good for a printed one', async () => {
    const responder = new OcspResponder(rt.authority);
    const ask = async (serial: string) => {
      const reqFile = path.join(dir, `${serial}.req`);
      openssl([
        'ocsp',
        '-issuer',
        path.join(dir, 'individual.pem'),
        '-serial',
        `0x${serial}`,
        '-no_nonce',
        '-reqout',
        reqFile,
      ]);
      const answer = await responder.respond(new Uint8Array(fs.readFileSync(reqFile)));
      const respFile = path.join(dir, `${serial}.resp`);
      fs.writeFileSync(respFile, answer.body);
      const text = openssl([
        'ocsp',
        '-respin',
        respFile,
        '-issuer',
        path.join(dir, 'individual.pem'),
        '-serial',
        `0x${serial}`,
        '-CAfile',
        path.join(dir, 'bundle.pem'),
        '-no_nonce',
        '-resp_text',
      ]);
      assert.match(text, /Response verify OK/);
      return { kind: answer.kind, text };
    };
    for (const serial of pendingSerials) {
      const { kind, text } = await ask(serial);
      assert.equal(kind, 'revoked');
      assert.match(text, new RegExp(`0x${serial}: revoked`));
      assert.match(text, /Reason: cessationOfOperation/);
    }
    const good = rounds[0]!.serials[0]!;
    const { kind, text } = await ask(good);
    assert.equal(kind, 'good');
    assert.match(text, new RegExp(`0x${good}: good`));
  });

  it('lists the abandoned serials, and no printed one, on the next CRL', async () => {
    const crl = await generateCrl(rt.authority, 'individual', 'test');
    const file = path.join(dir, 'after-crash.crl.pem');
    fs.writeFileSync(file, toPem(crl.der, 'X509 CRL'));
    const text = openssl([
      'crl',
      '-in',
      file,
      '-CAfile',
      path.join(dir, 'individual.pem'),
      '-verify',
      '-noout',
      '-text',
    ]);
    assert.match(text, /verify OK/);
    for (const serial of pendingSerials)
      assert.match(
        text,
        new RegExp(
          `Serial Number: ${serial.toUpperCase()}\\s+Revocation Date: .*\\s+CRL entry extensions:\\s+X509v3 CRL Reason Code:\\s+Cessation Of Operation`,
        ),
      );
    for (const serial of rounds.flatMap((r) => r.serials))
      assert.doesNotMatch(text, new RegExp(serial.toUpperCase()));
  });

  it('keeps an audit chain that `teken audit verify` accepts', async () => {
    await rt.close();
    closed = true;
    if (testEngine === 'pglite') assert.equal(fs.existsSync(lockFile()), false, 'the lock is released');
    const out = await runCli(['audit', 'verify'], env);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /audit chain OK: \d+ events/);
  });
});
