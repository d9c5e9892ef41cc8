/**
 * A new operator's first start: `teken serve --port <p>` without TEKEN_PUBLIC_URL prints a setup
 * link to the port it listens on and writes that port into the CA's CRL and OCSP URLs; a setup
 * closed halfway is resumed with the link printed at the next start or by `teken admin setup-link`.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config/load-config.js';
import { buildApp } from '../../src/http/build-app.js';
import { currentTotp } from '../../src/identity/totp.js';
import { createLogger } from '../../src/runtime/logger.js';
import { openRuntime } from '../../src/runtime/open-runtime.js';
import { ApiClient } from '../helpers/api-client.js';
import { onCleanup } from '../helpers/cleanup.js';
import { runCli } from '../helpers/cli.js';
import { openssl } from '../helpers/run-tool.js';
import { testEnv } from '../helpers/test-runtime.js';
import { tmpDir } from '../helpers/tmp-dir.js';
import { opensslCsr } from '../helpers/ca-fixture.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = path.join(root, 'test/helpers/teken-cli-entry.ts');

/** A port nothing listens on right now (the kernel's pick, released again). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Started {
  /** What `teken serve` printed on standard output before it listened (the setup notice). */
  printed: string;
  /** Standard error so far (warnings; the JSON log goes to standard output). */
  stderr(): string;
  url: string;
  stop(): Promise<void>;
}

/** Runs `teken serve <args>` as a real process until it listens. */
async function serve(args: string[], env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, 'serve', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env, TEKEN_LOG_LEVEL: 'info', TEKEN_QUIET: '1' },
  });
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  onCleanup(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let printed = '';
  let log = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (log += c));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`teken serve did not listen:\n${log}`)), 120_000);
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      let record: { msg?: string; url?: string } | undefined;
      try {
        record = JSON.parse(line) as typeof record;
      } catch {
        printed += `${line}\n`;
        return;
      }
      if (record?.msg === 'Teken is listening' && record.url) {
        clearTimeout(timer);
        resolve(record.url);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`teken serve ended before listening:\n${printed}${log}`));
    });
  });
  return {
    printed,
    stderr: () => log,
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const linkIn = (text: string) => /(http:\/\/\S+\/link#[A-Za-z0-9_-]{43})/.exec(text)?.[1];

/** The same installation in this process, between two runs of `teken serve`. */
async function withApp<T>(
  env: Record<string, string>,
  run: (browser: ApiClient, app: FastifyInstance) => Promise<T>,
): Promise<T> {
  const rt = await openRuntime(loadConfig(env), { log: createLogger('silent') });
  try {
    const { app } = await buildApp(rt, { now: () => clock });
    return await run(new ApiClient(app), app);
  } finally {
    await rt.close();
  }
}

let clock = Date.now();

/**
 * Walks a setup link's steps in whatever order the server gives them (`stop` after that many).
 * Returns the authenticator secret once the authenticator step was done.
 */
async function walkSetup(
  browser: ApiClient,
  link: string,
  password: string,
  stopAfter = Infinity,
): Promise<{ next: string; secret?: string }> {
  const opened = await browser.post<{ next: string }>('/api/v1/auth/links/redeem', {
    token: link.split('#')[1],
  });
  assert.equal(opened.status, 200, JSON.stringify(opened.body));
  let next = opened.body.next;
  let secret: string | undefined;
  for (let done = 0; done < stopAfter && (next === 'update_password' || next === 'configure_totp'); done++) {
    if (next === 'update_password') {
      const r = await browser.post<{ next: string }>('/api/v1/auth/new-password', {
        password,
        confirmation: password,
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      next = r.body.next;
    } else {
      const enrollment = await browser.post<{ secret: string }>('/api/v1/auth/totp/enrollment');
      secret = enrollment.body.secret;
      const r = await browser.post<{ next: string }>('/api/v1/auth/totp/confirm', {
        code: currentTotp(secret, (clock += 30_000)),
        deviceName: 'Ponsel Admin',
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      next = r.body.next;
    }
  }
  return { next, ...(secret ? { secret } : {}) };
}

describe('first start of `teken serve`', () => {
  it('derives the public URL from --port: the setup link and the CA URLs name the port it listens on', async () => {
    const port = await freePort();
    const env = await testEnv();
    delete env.TEKEN_PUBLIC_URL;
    const server = await serve(['--port', String(port)], env);
    try {
      assert.equal(new URL(server.url).port, String(port));
      const link = linkIn(server.printed);
      assert.ok(link, `no setup link in:\n${server.printed}`);
      assert.equal(new URL(link).origin, `http://localhost:${port}`);
      assert.match(server.stderr(), new RegExp(`--port ${port} .*set TEKEN_PORT=${port}`));
      // Something answers at the printed port.
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      assert.equal(health.status, 200);
    } finally {
      await server.stop();
    }
    // The issuing CA (made by `ca init` at first start) and a certificate it issues: every URL
    // they carry (CRL, OCSP, CA issuers, CPS) is on the port Teken listened on.
    const ca = await runCli(['ca', 'cert', 'seal', '--pem'], env);
    assert.equal(ca.code, 0, ca.stderr);
    const dir = tmpDir('teken-first-start-');
    opensslCsr(dir, 'segel', '/C=ID/O=Instansi Contoh/CN=Segel Contoh');
    // Other commands read the port from TEKEN_PORT (`--port` is only for `serve`), as README says.
    const leaf = await runCli(
      ['cert', 'issue', '--ca', 'seal', '--profile', 'seal', '--csr', path.join(dir, 'segel.csr')],
      { ...env, TEKEN_PORT: String(port) },
    );
    assert.equal(leaf.code, 0, leaf.stderr);
    for (const pem of [ca.stdout, leaf.stdout]) {
      const text = openssl(['x509', '-noout', '-text'], pem);
      const uris = [...text.matchAll(/(?:URI:|CPS: )(\S+)/g)].map((m) => m[1]!);
      assert.match(text, /CRL Distribution Points:\s+Full Name:\s+URI:http:\/\/localhost:\d+\/crl\//);
      for (const uri of uris) assert.equal(new URL(uri).origin, `http://localhost:${port}`, uri);
      assert.doesNotMatch(text, /:3000\b/);
    }
    const leafText = openssl(['x509', '-noout', '-text'], leaf.stdout);
    assert.match(leafText, new RegExp(`OCSP - URI:http://localhost:${port}/`));
  });

  it('refuses port 0 without TEKEN_PUBLIC_URL, with a message that says what to set', async () => {
    const env = await testEnv();
    delete env.TEKEN_PUBLIC_URL;
    const out = await runCli(['serve', '--port', '0'], env);
    assert.equal(out.code, 1);
    assert.match(out.stderr, /TEKEN_PUBLIC_URL is required with TEKEN_PORT=0/);
    assert.match(out.stderr, /ERR_CONFIG_INVALID/);
  });

  it('resumes an interrupted setup: a new link at every start and from `teken admin setup-link`', async () => {
    const port = await freePort();
    const env = await testEnv({ TEKEN_PUBLIC_URL: `http://127.0.0.1:${port}`, TEKEN_FAILURE_DELAY_MS: '0' });
    const first = await serve(['--port', String(port)], env);
    await first.stop();
    const firstLink = linkIn(first.printed)!;
    assert.ok(firstLink, first.printed);
    assert.match(first.printed, /teken admin setup-link/);

    // The browser closes after the first step.
    await withApp(env, async (browser) => {
      const { next } = await walkSetup(browser, firstLink, 'gajah putih di hutan', 1);
      assert.ok(next === 'update_password' || next === 'configure_totp', next);
    });

    const second = await serve(['--port', String(port)], env);
    await second.stop();
    const secondLink = linkIn(second.printed);
    assert.ok(secondLink, `a restart printed no new link:\n${second.printed}`);
    assert.notEqual(secondLink, firstLink);

    const cli = await runCli(['admin', 'setup-link', '--email', 'kepala.it@contoh.go.id'], env);
    assert.equal(cli.code, 0, cli.stderr);
    const cliLink = linkIn(cli.stdout)!;
    assert.ok(cliLink, cli.stdout);
    assert.match(cli.stdout, /Account e-mail: kepala\.it@contoh\.go\.id/);

    await withApp(env, async (browser, app) => {
      // The older links no longer work; the newest one completes the setup.
      for (const old of [firstLink, secondLink]) {
        const r = await new ApiClient(app).post('/api/v1/auth/links/redeem', { token: old.split('#')[1] });
        assert.equal(r.status, 410);
      }
      const { next, secret } = await walkSetup(browser, cliLink, 'gajah putih di hutan');
      assert.ok(next === 'done' || next === 'sign_in', next);
      assert.ok(secret);
      // "Lupa Password" now reaches the address the operator gave.
      const signIn = new ApiClient(app);
      assert.equal(
        (
          await signIn.post('/api/v1/auth/sign-in', {
            login: 'kepala.it@contoh.go.id',
            password: 'gajah putih di hutan',
          })
        ).body.next,
        'otp',
      );
    });

    const third = await serve(['--port', String(port)], env);
    await third.stop();
    assert.equal(linkIn(third.printed), undefined, third.printed);

    const refused = await runCli(['admin', 'setup-link'], env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /ERR_ADMIN_SETUP_DONE/);
    assert.equal(linkIn(refused.stdout), undefined);

    // --force: the operator's recovery; the old password stops working at once.
    const forced = await runCli(['admin', 'setup-link', '--force'], env);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stdout, /was reset/);
    assert.ok(linkIn(forced.stdout));
    await withApp(env, async (browser) => {
      const r = await browser.post('/api/v1/auth/sign-in', {
        login: 'admin',
        password: 'gajah putih di hutan',
      });
      assert.equal(r.status, 401);
    });
    const after = await serve(['--port', String(port)], env);
    await after.stop();
    assert.ok(linkIn(after.printed), 'an administrator reset by --force is unfinished again');
  });
});
