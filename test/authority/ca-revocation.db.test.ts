import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { count } from 'drizzle-orm';
import { certificateFacts } from '../../src/authority/ca-registry.js';
import { renewDelegatedSigners } from '../../src/authority/delegated-signers.js';
import { issueFromCsr } from '../../src/authority/issue-certificate.js';
import { revokeCertificate } from '../../src/authority/revoke-certificate.js';
import { certificates } from '../../src/db/schema.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/runtime/logger.js';
import { openRuntime } from '../../src/runtime/open-runtime.js';
import type { RunningServer } from '../../src/runtime/start-server.js';
import { opensslCsr } from '../helpers/ca-fixture.js';
import { onCleanup } from '../helpers/cleanup.js';
import { runCli } from '../helpers/cli.js';
import { openssl, runTool } from '../helpers/run-tool.js';
import { testEngine, testEnv } from '../helpers/test-runtime.js';
import { startTestServer } from '../helpers/test-server.js';
import { tmpDir } from '../helpers/tmp-dir.js';

const serialOf = (pem: string) =>
  openssl(['x509', '-noout', '-serial'], pem).trim().replace('serial=', '').toLowerCase();

describe('revoking an issuing CA', () => {
  let env: Record<string, string>;
  const dir = tmpDir();
  const file = (name: string) => path.join(dir, name);
  let sealSerial: string;

  before(async () => {
    env = await testEnv();
    assert.equal((await runCli(['ca', 'init'], env)).code, 0);
    for (const id of ['root', 'individual', 'seal']) {
      const out = await runCli(['ca', 'cert', id, '--pem'], env);
      fs.writeFileSync(file(`${id}.pem`), out.stdout);
    }
    sealSerial = serialOf(fs.readFileSync(file('seal.pem'), 'utf8'));
    opensslCsr(dir, 'segel', '/C=ID/O=Instansi Contoh/CN=Segel Contoh');
    const issued = await runCli(
      ['cert', 'issue', '--ca', 'seal', '--profile', 'seal', '--csr', file('segel.csr')],
      env,
    );
    assert.equal(issued.code, 0, issued.stderr);
    fs.writeFileSync(file('segel.crt'), issued.stdout.slice(issued.stdout.indexOf('-----BEGIN')));
  });

  const certCount = async () => {
    const rt = await openRuntime(loadConfig(env), { log: createLogger('silent') });
    try {
      const [row] = await rt.db.select({ n: count() }).from(certificates);
      return row!.n;
    } finally {
      await rt.close();
    }
  };

  it('refuses the root, hold and end-entity reasons for a CA certificate, changing nothing', async () => {
    const before = await certCount();
    const rootSerial = serialOf(fs.readFileSync(file('root.pem'), 'utf8'));
    const root = await runCli(['cert', 'revoke', rootSerial, '--reason', 'cACompromise'], env);
    assert.notEqual(root.code, 0);
    assert.match(root.stderr, /root CA certificate cannot be revoked.*\[ERR_CERT_NOT_REVOCABLE\]/);
    for (const reason of ['certificateHold', 'keyCompromise', 'privilegeWithdrawn']) {
      const out = await runCli(['cert', 'revoke', sealSerial, '--ca', 'root', '--reason', reason], env);
      assert.notEqual(out.code, 0, reason);
      assert.match(
        out.stderr,
        /cannot be used for a CA certificate. Use one of: unspecified, cACompromise, /,
      );
    }
    // And cACompromise is for CAs only.
    const leaf = await runCli(
      ['cert', 'revoke', serialOf(fs.readFileSync(file('segel.crt'), 'utf8')), '--reason', 'cACompromise'],
      env,
    );
    assert.match(leaf.stderr, /ERR_CERT_REVOCATION_REASON/);
    assert.equal(await certCount(), before);
    assert.doesNotMatch((await runCli(['ca', 'list'], env)).stdout, /REVOKED/);
  });

  it('revokes it with cACompromise: on the root CRL, and OpenSSL then rejects what it issued', async () => {
    const out = await runCli(['cert', 'revoke', sealSerial, '--ca', 'root', '--reason', 'cACompromise'], env);
    assert.equal(out.code, 0, out.stderr);
    const crl = await runCli(['crl', 'generate', '--ca', 'root', '--out', file('root.crl.pem')], env);
    assert.equal(crl.code, 0, crl.stderr);
    const text = openssl(['crl', '-in', file('root.crl.pem'), '-noout', '-text']);
    assert.match(text, new RegExp(`Serial Number: ${sealSerial.toUpperCase()}[\\s\\S]*?CA Compromise`));
    const sealCrl = await runCli(['crl', 'generate', '--ca', 'seal', '--out', file('seal.crl.pem')], env);
    assert.equal(sealCrl.code, 0, sealCrl.stderr);
    const verify = runTool('openssl', [
      'verify',
      '-crl_check_all',
      '-CAfile',
      file('root.pem'),
      '-untrusted',
      file('seal.pem'),
      '-CRLfile',
      file('root.crl.pem'),
      '-CRLfile',
      file('seal.crl.pem'),
      file('segel.crt'),
    ]);
    assert.notEqual(verify.status, 0);
    assert.match(verify.stdout + verify.stderr, /certificate revoked/);
  });

  it('lists the CA as revoked and issues nothing more under it; the other CAs go on', async () => {
    const list = await runCli(['ca', 'list'], env);
    assert.match(
      list.stdout,
      new RegExp(`seal {2}\\(issuing[^\\n]*\\n[^\\n]*\\n {2}serial {6}${sealSerial}\\n`),
    );
    assert.match(
      list.stdout,
      /seal {2}\(issuing[\s\S]*?REVOKED {5}\S+ \(cACompromise\): issues nothing more/,
    );
    assert.doesNotMatch(list.stdout.slice(0, list.stdout.indexOf('seal  (')), /REVOKED/);
    const before = await certCount();
    const refused = await runCli(
      ['cert', 'issue', '--ca', 'seal', '--profile', 'seal', '--csr', file('segel.csr')],
      env,
    );
    assert.notEqual(refused.code, 0);
    assert.match(
      refused.stderr,
      /The seal CA's certificate was revoked on .*: it issues nothing more.*\[ERR_CA_REVOKED\]/,
    );
    assert.equal(refused.stdout, '');
    assert.equal(await certCount(), before, 'nothing recorded, nothing signed');
    opensslCsr(dir, 'budi', '/C=ID/O=Contoh/CN=Budi');
    const other = await runCli(
      ['cert', 'issue', '--ca', 'individual', '--profile', 'individual', '--csr', file('budi.csr')],
      env,
    );
    assert.equal(other.code, 0, other.stderr);
    // Its signers are not renewed, and `ca init` does not give it new ones.
    const init = await runCli(['ca', 'init'], env);
    assert.equal(init.code, 0, init.stderr);
    assert.doesNotMatch(init.stdout, /created/);
    assert.equal((await runCli(['audit', 'verify'], env)).code, 0);
  });
});

describe('a revoked CA over HTTP and across instances', () => {
  let server: RunningServer & { env: Record<string, string> };
  before(async () => {
    server = await startTestServer();
  });

  it('stops issuing in every instance, and says so at /ca and /cps', async () => {
    // Revoked by another process (the operator's CLI on PostgreSQL; this process on PGlite).
    const other =
      testEngine === 'postgres'
        ? await openRuntime(loadConfig(server.env), { log: createLogger('silent') })
        : server.rt;
    if (other !== server.rt) onCleanup(() => other.close());
    const tls = await other.registry.get('tls');
    await revokeCertificate(other.authority, {
      serial: certificateFacts(tls.certificateDer).serialHex,
      caId: 'root',
      reason: 'cessationOfOperation',
      actor: 'test',
    });
    for (let i = 0; i < 100 && !(await server.rt.registry.get('tls')).revoked; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok((await server.rt.registry.get('tls')).revoked, 'this instance heard of it');

    const dir = tmpDir();
    const { csrPem } = opensslCsr(dir, 'portal', '/CN=portal.example.go.id');
    await assert.rejects(
      issueFromCsr(server.rt.authority, {
        caId: 'tls',
        profile: 'tls-server',
        csr: csrPem,
        altNames: [{ type: 'dns', value: 'portal.example.go.id' }],
        actor: 'test',
      }),
      { code: 'ERR_CA_REVOKED' },
    );
    const cas = (await (await fetch(`${server.url}/ca`)).json()) as {
      authorities: { id: string; revokedAt?: string; revocationReason?: string }[];
    };
    const entry = cas.authorities.find((a) => a.id === 'tls')!;
    assert.equal(entry.revocationReason, 'cessationOfOperation');
    assert.ok(entry.revokedAt);
    assert.equal(cas.authorities.find((a) => a.id === 'individual')!.revokedAt, undefined);
    const page = await (await fetch(`${server.url}/cps`)).text();
    assert.match(
      page,
      /<tr id="ca-tls">[\s\S]*?Dicabut <span lang="en">revoked<\/span> \d{4}-\d\d-\d\d \(cessationOfOperation\)/,
    );
    // Its responder is not renewed, however near its end.
    const report = await renewDelegatedSigners(server.rt.authority, {
      actor: 'test',
      now: new Date(Date.now() + 364 * 86_400_000),
    });
    assert.deepEqual(report.renewed.map((r) => r.caId).sort(), ['individual', 'seal']);
    // Still ready: a revoked CA is the operator's decision, not a fault.
    assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
  });
});
