import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load-config.js';
import { options } from '../../src/config/options.js';
import { renderConfigurationDocs } from '../../src/config/render-config-docs.js';

describe('configuration', () => {
  it('has a default for every option that needs one, and warns about the insecure ones', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.keyBackend, 'software');
    assert.equal(config.ca.rootKey, 'rsa4096');
    assert.equal(config.ca.issuingKey, 'p384');
    assert.equal(config.profiles.tlsDays, 200);
    assert.equal(config.databaseUrl, undefined);
    assert.ok(path.isAbsolute(config.dataDir));
    assert.ok(config.warnings.some((w) => w.includes('TEKEN_MASTER_KEY')));
    assert.ok(config.warnings.some((w) => w.includes('TEKEN_PUBLIC_URL')));
    assert.ok(config.warnings.some((w) => w.includes('TEKEN_CPS_FILE is not set')));
    assert.equal(config.cps.url, 'http://localhost:3000/cps');
  });

  it('sizes the signing pool: the cores by default, TEKEN_SIGNING_* when set, 0 for none, bad values refused', () => {
    assert.deepEqual(loadConfig({}).signing, {
      level: 'B-LT',
      signedDocumentMinutes: 15,
      maxPdfBytes: 20 * 1024 * 1024,
      workers: os.availableParallelism(),
      queue: os.availableParallelism() * 64,
      documentTimeoutMs: 30_000,
      workerMemoryMb: 512,
    });
    assert.deepEqual(
      loadConfig({
        TEKEN_SIGNING_WORKERS: '3',
        TEKEN_SIGNING_QUEUE: '10',
        TEKEN_SIGNING_DOCUMENT_TIMEOUT_MS: '5000',
        TEKEN_SIGNING_WORKER_MEMORY_MB: '256',
        TEKEN_SIGNING_LEVEL: 'B-T',
      }).signing,
      {
        level: 'B-T',
        signedDocumentMinutes: 15,
        maxPdfBytes: 20 * 1024 * 1024,
        workers: 3,
        queue: 10,
        documentTimeoutMs: 5000,
        workerMemoryMb: 256,
      },
    );
    assert.equal(loadConfig({ TEKEN_SIGNING_WORKERS: '2' }).signing.queue, 128);
    // 0: no pool (serve signs on the request's thread), with a loud warning.
    const inProcess = loadConfig({ TEKEN_SIGNING_WORKERS: '0' });
    assert.equal(inProcess.signing.workers, 0);
    assert.ok(inProcess.warnings.some((w) => w.startsWith('TEKEN_SIGNING_WORKERS=0')));
    assert.ok(!loadConfig({}).warnings.some((w) => w.includes('TEKEN_SIGNING_WORKERS')));
    assert.throws(
      () => loadConfig({ TEKEN_SIGNING_WORKERS: '-1' }),
      /TEKEN_SIGNING_WORKERS must be a whole number/,
    );
    assert.throws(
      () => loadConfig({ TEKEN_SIGNING_WORKER_MEMORY_MB: '8' }),
      /TEKEN_SIGNING_WORKER_MEMORY_MB must be a whole number from 32/,
    );
  });

  it('points certificates at the CPS: TEKEN_CPS_URL, or /cps serving TEKEN_CPS_FILE', () => {
    assert.equal(
      loadConfig({ TEKEN_PUBLIC_URL: 'https://pki.example.go.id/' }).cps.url,
      'https://pki.example.go.id/cps',
    );
    assert.equal(
      loadConfig({ TEKEN_CPS_URL: 'https://www.example.go.id/cps.pdf' }).cps.url,
      'https://www.example.go.id/cps.pdf',
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teken-cps-'));
    const pdf = path.join(dir, 'cps.pdf');
    fs.writeFileSync(pdf, '%PDF-1.7\n');
    const withFile = loadConfig({ TEKEN_CPS_FILE: pdf });
    assert.equal(withFile.cps.file, pdf);
    assert.ok(!withFile.warnings.some((w) => w.includes('TEKEN_CPS_FILE')));
    assert.throws(
      () => loadConfig({ TEKEN_CPS_FILE: path.join(dir, 'missing.pdf') }),
      /TEKEN_CPS_FILE names no readable file/,
    );
    assert.throws(() => loadConfig({ TEKEN_CPS_FILE: dir }), /TEKEN_CPS_FILE must be a \.pdf or \.html file/);
    assert.throws(() => loadConfig({ TEKEN_CPS_URL: 'cps.pdf' }), /TEKEN_CPS_URL must be a URL/);
    fs.rmSync(dir, { recursive: true });
  });

  it('does not warn when production values are set', () => {
    const config = loadConfig({
      TEKEN_MASTER_KEY: crypto.randomBytes(32).toString('base64'),
      TEKEN_PUBLIC_URL: 'https://pki.example.go.id',
      TEKEN_POLICY_OID_BASE: '1.3.6.1.4.1.55555.1',
      TEKEN_CPS_URL: 'https://pki.example.go.id/cps/cps-v1.pdf',
    });
    assert.deepEqual(config.warnings, []);
    assert.equal(config.publicUrl, 'https://pki.example.go.id');
  });

  it('reads the renewal reminder days: largest first, none, and never one before the renewal window opens', () => {
    assert.deepEqual(loadConfig({}).certificates.renewalReminderDays, [30, 7, 1]);
    assert.deepEqual(
      loadConfig({ TEKEN_RENEWAL_WINDOW_DAYS: '20', TEKEN_RENEWAL_REMINDER_DAYS: ' 3,14 ,3' }).certificates
        .renewalReminderDays,
      [14, 3],
    );
    assert.deepEqual(
      loadConfig({ TEKEN_RENEWAL_REMINDER_DAYS: 'none' }).certificates.renewalReminderDays,
      [],
    );
    assert.throws(
      () => loadConfig({ TEKEN_RENEWAL_WINDOW_DAYS: '14' }),
      /TEKEN_RENEWAL_REMINDER_DAYS: 30 is more than TEKEN_RENEWAL_WINDOW_DAYS \(14\)/,
    );
    for (const bad of ['0', '-1', '7d', '1.5', '1000'])
      assert.throws(
        () => loadConfig({ TEKEN_RENEWAL_REMINDER_DAYS: bad }),
        /TEKEN_RENEWAL_REMINDER_DAYS takes whole days from 1/,
        bad,
      );
  });

  it('lists every invalid value at once', () => {
    assert.throws(
      () =>
        loadConfig({
          TEKEN_PORT: '70000',
          TEKEN_CA_ROOT_KEY: 'dsa1024',
          TEKEN_MASTER_KEY: 'c2hvcnQ=',
          TEKEN_PUBLIC_URL: 'not a url',
          DATABASE_URL: 'mysql://x',
          TEKEN_CA_COUNTRY: 'Indonesia',
          TEKEN_KEY_BACKEND: 'pkcs11',
          TEKEN_CA_AUTO_INIT: 'maybe',
        }),
      (error: Error & { code?: string; details?: { problems: string[] } }) => {
        assert.equal(error.code, 'ERR_CONFIG_INVALID');
        const problems = error.details!.problems.join('\n');
        for (const expected of [
          /TEKEN_PORT must be a whole number from 0 to 65535/,
          /TEKEN_CA_ROOT_KEY must be one of rsa2048, rsa3072, rsa4096, p256, p384/,
          /TEKEN_MASTER_KEY must be the base64 encoding of exactly 32 bytes/,
          /TEKEN_PUBLIC_URL must be a URL/,
          /DATABASE_URL must start with postgres/,
          /TEKEN_CA_COUNTRY must be two capital letters/,
          /TEKEN_PKCS11_PIN is required/,
          /TEKEN_CA_AUTO_INIT must be true or false/,
        ]) {
          assert.match(problems, expected);
        }
        // The message never echoes a secret value.
        assert.doesNotMatch(error.message, /c2hvcnQ=/);
        return true;
      },
    );
  });

  it('renews delegated signers 30 days (responders) and a year (TSA) before they end, inside their validity', () => {
    const { ca } = loadConfig({});
    assert.equal(ca.responderRenewDays, 30);
    assert.equal(ca.tsaRenewDays, 365);
    assert.ok(ca.responderRenewDays < ca.responderDays && ca.tsaRenewDays < ca.tsaDays);
    assert.equal(
      loadConfig({ TEKEN_CA_RESPONDER_DAYS: '90', TEKEN_CA_RESPONDER_RENEW_DAYS: '10' }).ca
        .responderRenewDays,
      10,
    );
    // A window as long as the validity would replace the signer at every check.
    assert.throws(
      () => loadConfig({ TEKEN_CA_RESPONDER_DAYS: '20' }),
      /TEKEN_CA_RESPONDER_RENEW_DAYS \(30\) must be less than TEKEN_CA_RESPONDER_DAYS \(20\)/,
    );
    assert.throws(
      () => loadConfig({ TEKEN_CA_TSA_DAYS: '400', TEKEN_CA_TSA_RENEW_DAYS: '400' }),
      /TEKEN_CA_TSA_RENEW_DAYS \(400\) must be less than TEKEN_CA_TSA_DAYS \(400\)/,
    );
  });

  it('takes the organisation name shown in the console and e-mails, "Teken" unless set', () => {
    assert.equal(loadConfig({}).organisationName, 'Teken');
    assert.equal(
      loadConfig({ TEKEN_ORGANISATION_NAME: '  Balai Sertifikasi Elektronik ' }).organisationName,
      'Balai Sertifikasi Elektronik',
    );
    for (const bad of ['x'.repeat(101), 'Balai\nSertifikasi', '   ']) {
      assert.throws(
        () => loadConfig({ TEKEN_ORGANISATION_NAME: bad }),
        /TEKEN_ORGANISATION_NAME must be 1 to 100 characters/,
        JSON.stringify(bad),
      );
    }
  });

  it('documents every option in docs/configuration.md, generated from the catalogue', () => {
    const docs = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/configuration.md'), 'utf8');
    assert.equal(
      docs,
      renderConfigurationDocs(),
      'docs/configuration.md is stale: run `npm run docs:generate`',
    );
    for (const spec of Object.values(options)) assert.ok(docs.includes(`\`${spec.env}\``));
  });
});
