/**
 * The PAdES pool validates too (pool.validatePdf, pades-worker.ts): the same report as validatePdf
 * in process, Teken's own status of a certificate asked on this thread by message (good: VALID;
 * revoked before signing: INVALID), and a document past the worker's memory or time bound refused
 * with ERR_PDF_TOO_LARGE "… to verify" while the next one verifies; signing goes before waiting
 * verifications, which may hold half of the queue.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isTekenError, type TekenError } from '../../src/errors/teken-error.js';
import { createPadesPool, type PadesPool } from '../../src/signing/pades/pades-pool.js';
import { signPdf } from '../../src/signing/pades/sign-pdf.js';
import { validatePdf } from '../../src/signing/verify/validate-pdf.js';
import { conclusionOf } from '../../src/signing/verify/validation-report.js';
import { pdfLibDocument } from '../helpers/pades-corpus.js';
import { makePadesPki, type PadesPki } from '../helpers/pades-pki.js';
import { hugePageTree } from '../helpers/huge-page-tree.js';

let pki: PadesPki;
let signed: Uint8Array;
const pools: PadesPool[] = [];

function pool(options: Parameters<typeof createPadesPool>[0]): PadesPool {
  const p = createPadesPool(options);
  pools.push(p);
  return p;
}

async function refusal(promise: Promise<unknown>): Promise<TekenError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isTekenError(error), String(error));
    return error;
  }
  assert.fail('verified a document that should have been refused');
}

before(async () => {
  pki = makePadesPki();
  signed = (
    await signPdf({
      pdf: await pdfLibDocument(1),
      privateKey: pki.ec.key,
      certificate: pki.ec.certificate,
      chain: [pki.ca.certificate],
      level: 'B-B',
    })
  ).pdf;
});
after(() => Promise.all(pools.map((p) => p.close())));

describe('the PAdES pool validates', () => {
  it("gives validatePdf's report; Teken's own status is asked on this thread", async () => {
    const p = pool({ workers: 1 });
    const asked: string[] = [];
    const options = (revokedAt: Date | null) => ({
      trustAnchors: [pki.root.certificate],
      ownStatus: (certificate: Uint8Array) => {
        asked.push(Buffer.from(certificate).toString('base64'));
        return Promise.resolve({ revokedAt });
      },
    });
    const good = await p.validatePdf(signed, options(null));
    assert.equal(conclusionOf(good), 'VALID');
    assert.ok(asked.includes(Buffer.from(pki.ec.certificate).toString('base64')), 'the signer was looked up');
    const local = await validatePdf(signed, options(null));
    assert.deepEqual(good, local);
    const revoked = await p.validatePdf(signed, options(new Date(0)));
    assert.equal(revoked.signatures[0]!.revocation, 'revoked');
    assert.equal(conclusionOf(revoked), 'INVALID');
    // A lookup that fails is the validator's error, as in process.
    const failing = await refusal(
      p.validatePdf(signed, {
        trustAnchors: [pki.root.certificate],
        ownStatus: () => Promise.reject(new Error('database down')),
      }),
    );
    // Through the pool, a foreign error of the lookup becomes a 500 (the database, not the PDF).
    assert.equal(failing.code, 'ERR_SERVER_INTERNAL');
    assert.equal(failing.status, 500);
    assert.equal(p.stats.verified, 2);
    assert.equal(p.stats.failed, 1);
    assert.equal(p.stats.replaced, 0);
  });

  it('starts waiting signing before waiting verifications, which may hold half the queue', async () => {
    const p = pool({ workers: 1, maxQueue: 4 });
    // The one worker is held by a verification whose own-status look-up answers when told.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const options = { trustAnchors: [pki.root.certificate] };
    const ended: string[] = [];
    const track = <T>(name: string, job: Promise<T>): Promise<T> => {
      void job.then(
        () => ended.push(name),
        () => ended.push(`${name}!`),
      );
      return job;
    };
    const holder = track(
      'holder',
      p.validatePdf(signed, { ...options, ownStatus: () => held.then(() => ({ revokedAt: null })) }),
    );
    for (let i = 0; i < 200 && p.waiting > 0; i++) await new Promise((r) => setTimeout(r, 25));
    assert.equal(p.waiting, 0, 'the holder runs');
    const verifyA = track('verify-a', p.validatePdf(signed, options));
    const verifyB = track('verify-b', p.validatePdf(signed, options));
    // Half of the queue (two of four) is the verifications' share: a third waits no more.
    const third = await refusal(p.validatePdf(signed, options));
    assert.equal(third.code, 'ERR_SIGNING_BUSY');
    assert.equal(third.status, 503);
    // Signing still has its room, and is started first.
    const sign = track(
      'sign',
      p.signPdf({
        pdf: await pdfLibDocument(1),
        privateKey: pki.ec.key,
        certificate: pki.ec.certificate,
        chain: [pki.ca.certificate],
        level: 'B-B',
      }),
    );
    assert.equal(p.waiting, 3);
    release();
    await Promise.all([holder, verifyA, verifyB, sign]);
    assert.deepEqual(ended, ['holder', 'sign', 'verify-a', 'verify-b']);
  });

  it('refuses a document past the memory or time bound with ERR_PDF_TOO_LARGE "to verify"; the next verifies', async () => {
    const p = pool({ workers: 1, maxOldGenerationSizeMb: 96, documentTimeoutMs: 5000 });
    const refused = await refusal(p.validatePdf(hugePageTree(), { trustAnchors: [] }));
    assert.equal(refused.code, 'ERR_PDF_TOO_LARGE');
    assert.equal(refused.status, 400);
    assert.match(refused.message, /^The PDF (needs more than 96 MiB|takes longer than 5000 ms) to verify\.$/);
    assert.equal(p.stats.replaced, 1);
    const next = await p.validatePdf(signed, { trustAnchors: [pki.root.certificate] });
    assert.equal(next.signatures.length, 1);
    const slow = pool({ workers: 1, documentTimeoutMs: 100 });
    const timedOut = await refusal(slow.validatePdf(hugePageTree(), { trustAnchors: [] }));
    assert.deepEqual(timedOut.details, { limit: 'time', ms: 100 });
    assert.match(timedOut.message, /takes longer than 100 ms to verify/);
  });
});
