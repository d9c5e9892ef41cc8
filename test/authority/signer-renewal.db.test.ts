import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { renewDelegatedSigners } from '../../src/authority/delegated-signers.js';
import { initialiseHierarchy } from '../../src/authority/initialise-hierarchy.js';
import { issueCertificate, type IssuedCertificate } from '../../src/authority/issue-certificate.js';
import { refreshOcspResponses } from '../../src/authority/refresh-ocsp-responses.js';
import { revokeCertificate } from '../../src/authority/revoke-certificate.js';
import { verifyAuditChain } from '../../src/audit/verify-audit-chain.js';
import { auditEvents, certificates, delegatedSigners } from '../../src/db/schema.js';
import { toPem } from '../../src/pki/certificate-assembly.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/runtime/logger.js';
import { openRuntime } from '../../src/runtime/open-runtime.js';
import type { RunningServer } from '../../src/runtime/start-server.js';
import { issuePersonal, writeCaPems } from '../helpers/ca-fixture.js';
import { onCleanup } from '../helpers/cleanup.js';
import { runCli } from '../helpers/cli.js';
import { askOcsp, openssl, runToolAsync } from '../helpers/run-tool.js';
import { openTestRuntime, testEngine, testEnv } from '../helpers/test-runtime.js';
import { startTestServer } from '../helpers/test-server.js';
import { tmpDir } from '../helpers/tmp-dir.js';

const DAY = 86_400_000;

describe('renewal of delegated OCSP responders and the TSA unit', () => {
  let server: RunningServer & { env: Record<string, string> };
  const dir = tmpDir();
  const file = (name: string) => path.join(dir, name);
  let bundle: string;
  let alice: IssuedCertificate & { file: string };
  let oldResponder: { serial: string; der: Uint8Array; notAfter: Date };

  const issue = (name: string) => issuePersonal(server.rt.authority, dir, name);

  before(async () => {
    server = await startTestServer();
    bundle = writeCaPems(server.rt, dir);
    alice = await issue('alice');
    const responder = (await server.rt.registry.get('individual')).ocspResponder!;
    oldResponder = { serial: responder.serial, der: responder.certificateDer, notAfter: responder.notAfter };
  });

  /** Asks the running responder with `openssl ocsp`, keeping the response in `respout`. */
  const ask = (certFile: string, respout: string) =>
    askOcsp({
      url: server.url,
      issuer: file('individual.pem'),
      cert: certFile,
      caFile: bundle,
      extra: ['-respout', respout],
    });

  const activeSigners = () =>
    server.rt.db
      .select()
      .from(delegatedSigners)
      .where(eq(delegatedSigners.active, true))
      .orderBy(delegatedSigners.authorityId, delegatedSigners.purpose);

  it('leaves signers alone while they are far from expiry', async () => {
    const before = await activeSigners();
    const report = await renewDelegatedSigners(server.rt.authority, { actor: 'test' });
    assert.deepEqual(report, { renewed: [], skipped: [] });
    assert.deepEqual(
      (await activeSigners()).map((s) => s.serial),
      before.map((s) => s.serial),
    );
  });

  it('replaces every OCSP responder within 30 days of its end, and not the TSA unit', async () => {
    const out = await ask(alice.file, file('before.der'));
    assert.match(out, /Response verify OK/);
    assert.match(out, /alice\.crt: good/);
    const before = await activeSigners();

    // 29 days before the responders' certificates end.
    const now = new Date(oldResponder.notAfter.getTime() - 29 * DAY);
    const report = await renewDelegatedSigners(server.rt.authority, { actor: 'test', now });
    assert.deepEqual(report.skipped, []);
    assert.deepEqual(report.renewed.map((r) => `${r.caId} ${r.purpose}`).sort(), [
      'individual ocsp',
      'seal ocsp',
      'tls ocsp',
    ]);

    const after = await activeSigners();
    assert.equal(after.length, 4, 'one active signer per CA and purpose');
    for (const r of report.renewed) {
      const old = before.find((s) => s.authorityId === r.caId && s.purpose === r.purpose)!;
      const current = after.find((s) => s.authorityId === r.caId && s.purpose === r.purpose)!;
      assert.equal(r.replaced?.serial, old.serial);
      assert.equal(current.serial, r.serial);
      assert.notEqual(current.serial, old.serial);
      assert.notEqual(current.keyId, old.keyId, 'a new key, not a new certificate for the old key');
      // The new certificate is a proper responder certificate of its CA.
      const pemFile = file(`${r.caId}-responder.pem`);
      fs.writeFileSync(pemFile, toPem(current.certificateDer));
      assert.match(
        openssl([
          'verify',
          '-x509_strict',
          '-purpose',
          'ocsphelper',
          '-CAfile',
          file('root.pem'),
          '-untrusted',
          file(`${r.caId}.pem`),
          pemFile,
        ]),
        /OK/,
      );
      const text = openssl(['x509', '-in', pemFile, '-noout', '-text']);
      assert.match(text, /OCSP Signing/);
      assert.match(text, /OCSP No Check/);
    }
    const tsa = after.find((s) => s.purpose === 'tsa')!;
    assert.equal(tsa.serial, before.find((s) => s.purpose === 'tsa')!.serial);

    // The registry of this process signs with the new responder at once.
    const individual = await server.rt.registry.get('individual');
    assert.equal(individual.ocspResponder?.serial, after.find((s) => s.authorityId === 'individual')?.serial);

    // Audited, and the chain holds.
    const events = await server.rt.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'ca.ocsp-signer.renew'));
    assert.equal(events.length, 3);
    const individualEvent = events.find((e) => e.target === 'ca:individual')!;
    assert.equal(individualEvent.details.replaced, oldResponder.serial);
    await server.rt.sealAudit();
    assert.equal(
      (await verifyAuditChain(server.rt.db, server.rt.masterKey.derive('audit-chain/v1'))).ok,
      true,
    );

    // The new ones are far from their end: nothing is renewed twice.
    const again = await renewDelegatedSigners(server.rt.authority, { actor: 'test' });
    assert.deepEqual(again.renewed, []);
  });

  it('signs every stored response again with the new responder, and OpenSSL verifies them', async () => {
    const responder = (await server.rt.registry.get('individual')).ocspResponder!;
    assert.notEqual(responder.serial, oldResponder.serial);
    while ((await refreshOcspResponses(server.rt.authority, 500)) === 500);
    // Responses of the second of the switch are signed once more, once; then nothing signed by an
    // old responder is left for the refresher.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await refreshOcspResponses(server.rt.authority, 500);
    assert.equal(await refreshOcspResponses(server.rt.authority, 500), 0);

    const out = await ask(alice.file, file('after.der'));
    assert.match(out, /Response verify OK/);
    assert.match(out, /alice\.crt: good/);
    const body = fs.readFileSync(file('after.der'));
    assert.ok(body.includes(Buffer.from(responder.certificateDer)), 'signed by the new responder');
    assert.ok(!body.includes(Buffer.from(oldResponder.der)), 'not by the old one');

    // A revocation after the renewal is answered by the new responder, with its reason.
    const bob = await issue('bob');
    await revokeCertificate(server.rt.authority, {
      serial: bob.serialHex,
      reason: 'keyCompromise',
      actor: 'test',
    });
    const revoked = await ask(bob.file, file('bob.der'));
    assert.match(revoked, /Response verify OK/);
    assert.match(revoked, /bob\.crt: revoked/);
    assert.ok(fs.readFileSync(file('bob.der')).includes(Buffer.from(responder.certificateDer)));
  });

  it('leaves what the old responder signed valid', () => {
    const body = fs.readFileSync(file('before.der'));
    assert.ok(body.includes(Buffer.from(oldResponder.der)));
    const out = openssl([
      'ocsp',
      '-respin',
      file('before.der'),
      '-issuer',
      file('individual.pem'),
      '-cert',
      alice.file,
      '-CAfile',
      bundle,
      '-no_nonce',
    ]);
    assert.match(out, /Response verify OK/);
    assert.match(out, /alice\.crt: good/);
  });

  it('is not ready while a responder certificate has expired, and renews it at the next run', async () => {
    const [current] = await server.rt.db
      .select()
      .from(delegatedSigners)
      .where(
        and(
          eq(delegatedSigners.authorityId, 'tls'),
          eq(delegatedSigners.purpose, 'ocsp'),
          eq(delegatedSigners.active, true),
        ),
      );
    // As if the server had been down past the responder's end: its recorded end is in the past.
    await server.rt.db
      .update(delegatedSigners)
      .set({ notAfter: new Date(Date.now() - DAY) })
      .where(eq(delegatedSigners.id, current!.id));
    await server.rt.registry.reload();
    // A running app keeps its readiness result for 30 s: a new app over the same runtime checks afresh.
    const { buildApp } = await import('../../src/http/build-app.js');
    const web = await buildApp(server.rt);
    onCleanup(() => web.app.close());
    const notReady = await web.app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(notReady.statusCode, 503);
    assert.match(
      notReady.json<{ checks: { caKeys: string } }>().checks.caKeys,
      /OCSP responder certificate of the tls CA expired .*teken ca renew-signer tls ocsp/,
    );

    // Issuance under that CA goes on (no response can be stored for it yet), and OCSP for the new
    // certificate answers tryLater rather than a response signed by an expired responder.
    const spkiDer = crypto
      .generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .publicKey.export({ type: 'spki', format: 'der' });
    const portal = await issueCertificate(server.rt.authority, {
      caId: 'tls',
      profile: 'tls-server',
      subject: [{ type: 'CN', oid: '2.5.4.3', value: 'portal.example.go.id' }],
      altNames: [{ type: 'dns', value: 'portal.example.go.id' }],
      spkiDer: new Uint8Array(spkiDer),
      actor: 'test',
    });
    fs.writeFileSync(file('portal.crt'), portal.pem);
    const askTls = async () => {
      const r = await runToolAsync('openssl', [
        'ocsp',
        '-issuer',
        file('tls.pem'),
        '-cert',
        file('portal.crt'),
        '-url',
        `${server.url}/ocsp`,
        '-CAfile',
        file('root.pem'),
        '-verify_other',
        file('tls.pem'),
        '-no_nonce',
      ]);
      return r.stdout + r.stderr;
    };
    assert.match(await askTls(), /Responder Error: trylater/);

    await server.jobs.runAll();
    await server.rt.registry.reload();
    const good = await askTls();
    assert.match(good, /Response verify OK/);
    assert.match(good, /portal\.crt: good/);
    const tls = await server.rt.registry.get('tls');
    assert.notEqual(tls.ocspResponder?.serial, current!.serial);
    assert.ok(tls.ocspResponder!.notAfter.getTime() > Date.now() + 300 * DAY);
    const web2 = await buildApp(server.rt);
    onCleanup(() => web2.app.close());
    const ready = await web2.app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(ready.statusCode, 200, ready.body);
  });

  it('makes one new signer when two processes renew the same one at once', async () => {
    const before = await activeSigners();
    const results = await Promise.all(
      [1, 2].map(() =>
        renewDelegatedSigners(server.rt.authority, {
          actor: 'test',
          force: true,
          caId: 'seal',
          purpose: 'ocsp',
        }),
      ),
    );
    const after = await activeSigners();
    const active = after.filter((s) => s.authorityId === 'seal' && s.purpose === 'ocsp');
    assert.equal(active.length, 1);
    assert.notEqual(
      active[0]!.serial,
      before.find((s) => s.authorityId === 'seal' && s.purpose === 'ocsp')!.serial,
    );
    const renewed = results.flatMap((r) => r.renewed);
    // Either both ran one after the other (two renewals), or one lost the race: then its
    // certificate, never used, is revoked as superseded.
    if (renewed.length === 1) {
      const losers = await server.rt.db
        .select()
        .from(certificates)
        .where(and(eq(certificates.authorityId, 'seal'), eq(certificates.profile, 'ocsp-responder')));
      const unused = losers.filter(
        (c) => c.serial !== active[0]!.serial && c.revokedAt !== null && c.revocationReason === 4,
      );
      assert.equal(unused.length, 1);
    } else {
      assert.equal(renewed.length, 2);
      assert.ok(renewed.some((r) => r.serial === active[0]!.serial));
    }
  });

  it('makes one signer when two `ca init` runs find none at once', async () => {
    // As on a fresh database that two instances start on: the TSA unit is missing.
    await server.rt.db
      .update(delegatedSigners)
      .set({ active: false })
      .where(and(eq(delegatedSigners.authorityId, 'seal'), eq(delegatedSigners.purpose, 'tsa')));
    const results = await Promise.all([1, 2].map(() => initialiseHierarchy(server.rt.authority, 'test')));
    assert.equal(results.filter((r) => r.created.includes('seal tsa')).length, 1);
    const tsa = (await activeSigners()).filter((s) => s.purpose === 'tsa');
    assert.equal(tsa.length, 1);
    assert.equal((await server.rt.registry.get('seal')).tsa?.serial, tsa[0]!.serial);
  });

  if (testEngine === 'postgres') {
    it('tells the other instances on PostgreSQL, which sign with the new responder at once', async () => {
      // A second process on the same database (an operator's CLI, another instance) renews.
      const other = await openRuntime(loadConfig(server.env), { log: createLogger('silent') });
      onCleanup(() => other.close());
      const report = await renewDelegatedSigners(other.authority, {
        actor: 'test',
        force: true,
        caId: 'individual',
        purpose: 'ocsp',
      });
      const serial = report.renewed[0]!.serial;
      for (let i = 0; i < 100; i++) {
        if ((await server.rt.registry.get('individual')).ocspResponder?.serial === serial) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.equal((await server.rt.registry.get('individual')).ocspResponder?.serial, serial);
    });
  }
});

describe('renewal near the end of a CA', () => {
  it('does not renew a signer whose CA ends first, and says so', async () => {
    // An issuing CA of 40 days: its responder and TSA certificates end with it.
    const { rt } = await openTestRuntime({ TEKEN_CA_ISSUING_DAYS: '40' });
    await initialiseHierarchy(rt.authority, 'test');
    const seal = await rt.registry.get('seal');
    assert.ok(seal.tsa!.notAfter.getTime() <= seal.notAfter.getTime());
    assert.ok(seal.ocspResponder!.notAfter.getTime() <= seal.notAfter.getTime());
    const report = await renewDelegatedSigners(rt.authority, {
      actor: 'test',
      now: new Date(Date.now() + 20 * DAY),
    });
    assert.deepEqual(report.renewed, []);
    assert.deepEqual(report.skipped.map((s) => `${s.caId} ${s.purpose}`).sort(), [
      'individual ocsp',
      'seal ocsp',
      'seal tsa',
      'tls ocsp',
    ]);
    assert.match(report.skipped[0]!.reason, /CA itself expires/);
  });
});

describe('teken ca renew-signer', () => {
  it('replaces a responder now and tells the operator what became of the old one', async () => {
    const env = await testEnv();
    assert.equal((await runCli(['ca', 'init'], env)).code, 0);
    const before = await runCli(['ca', 'list'], env);
    const oldSerial = /individual[\s\S]*?ocsp signer serial ([0-9a-f]+)/.exec(before.stdout)![1]!;
    const out = await runCli(['ca', 'renew-signer', 'individual', 'ocsp'], env);
    assert.equal(out.code, 0, out.stderr);
    const newSerial = /renewed\s+individual ocsp: serial ([0-9a-f]+), until /.exec(out.stdout)![1]!;
    assert.notEqual(newSerial, oldSerial);
    assert.match(
      out.stderr,
      new RegExp(`teken cert revoke ${oldSerial} --ca individual --reason keyCompromise`),
    );
    const after = await runCli(['ca', 'list'], env);
    assert.match(
      after.stdout,
      new RegExp(`ocsp signer serial ${newSerial}, until .* \\(renewed 30 days before\\)`),
    );
    // The old certificate can be revoked like any other.
    const revoked = await runCli(
      ['cert', 'revoke', oldSerial, '--ca', 'individual', '--reason', 'keyCompromise'],
      env,
    );
    assert.equal(revoked.code, 0, revoked.stderr);
  });

  it('refuses what is not a delegated signer, changing nothing', async () => {
    const env = await testEnv();
    assert.equal((await runCli(['ca', 'init'], env)).code, 0);
    const before = await runCli(['ca', 'list'], env);
    for (const args of [[], ['root', 'ocsp'], ['individual', 'tsa'], ['individual', 'crl']]) {
      const out = await runCli(['ca', 'renew-signer', ...args], env);
      assert.notEqual(out.code, 0);
      assert.match(out.stderr, /Usage: teken ca renew-signer <ca-id> <ocsp\|tsa>.*\[ERR_INPUT_INVALID\]/);
    }
    assert.equal((await runCli(['ca', 'list'], env)).stdout, before.stdout);
  });
});
