/**
 * The signing use case (src/signing/sign-documents.ts) over the real storage, CA and TSA: one
 * document opens the key with the passphrase, several through one signing authorisation (ended
 * after); each output is judged by pdfsig, openssl cms -verify and qpdf --check at B-LT with the
 * chain, the CA's OCSP response and CRL in the DSS; each document is recorded and audited without
 * its content; the signed PDF is kept sealed for the download; a holder who may not sign, a wrong
 * passphrase and a TOTP without its hook are refused, and nothing is recorded for them; a bad
 * document among good ones fails the whole call, and nothing is recorded.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditEvents, signedDocuments, signingAuthorisations } from '../../src/db/schema.js';
import { signingContextOf } from '../../src/runtime/signing-context-of.js';
import type { DocumentToSign } from '../../src/signing/esign/sign-request.js';
import { signDocuments, signedDocumentAad, verificationUrl } from '../../src/signing/sign-documents.js';
import { pdfLibDocument } from '../helpers/pades-corpus.js';
import { judgeSigned } from '../helpers/pades-judges.js';
import { PASSPHRASE, signingFixture } from '../helpers/signing-fixture.js';

const details = { reason: 'Persetujuan', location: 'Bandung', contactInfo: undefined, text: undefined };
const invisible = (pdf: Uint8Array): DocumentToSign => ({
  pdf: Buffer.from(pdf),
  appearance: { visible: false },
  details,
  pdfPassword: undefined,
});

describe('signDocuments', () => {
  let f: Awaited<ReturnType<typeof signingFixture>>;
  let pdf: Uint8Array;
  before(async () => {
    f = await signingFixture();
    pdf = await pdfLibDocument(1, 'Surat tugas #');
  });

  it('signs one document at B-LT with the passphrase; the judges accept it; recorded, audited, kept sealed', async () => {
    const h = await f.holder();
    const { documents, certificateId } = await signDocuments(signingContextOf(f.rt), {
      holder: h.accountId,
      credential: { kind: 'passphrase', passphrase: PASSPHRASE },
      documents: [
        {
          ...invisible(pdf),
          appearance: {
            visible: true,
            placement: { kind: 'box', page: 1, x: 72, y: 72, width: 90, height: 90 },
            mark: { kind: 'qr', link: undefined },
          },
        },
      ],
      actor: `account:${h.accountId}`,
      channel: 'console',
    });
    assert.equal(documents.length, 1);
    const doc = documents[0]!;
    assert.match(doc.id, /^[0-9a-f]{32}$/);
    assert.equal(doc.level, 'B-LT');
    const out = judgeSigned(f.judges, f.judges.dir, doc.pdf, `one-${doc.id}`, 1);
    // B-LT: the DSS is an incremental update after the signature, so pdfsig reads "Not total
    // document signed" (a change PAdES allows); trust and validity are judged above.
    assert.match(out, /Certificate is Trusted/);
    const text = Buffer.from(doc.pdf).toString('latin1');
    assert.match(text, /\/DSS/);
    assert.match(text, /\/OCSPs/);
    assert.match(text, /\/CRLs/);
    const [row] = await f.rt.db.select().from(signedDocuments).where(eq(signedDocuments.id, doc.id));
    assert.ok(row);
    assert.equal(row.accountId, h.accountId);
    assert.equal(row.subscriberCertificateId, certificateId);
    assert.equal(row.channel, 'console');
    assert.equal(Buffer.from(row.outputSha256).toString('hex'), doc.sha256);
    const opened = f.rt.masterKey.open('signed-document/v1', row.sealedPdf!, signedDocumentAad(doc.id));
    assert.ok(opened.equals(Buffer.from(doc.pdf)));
    assert.throws(() => f.rt.masterKey.open('signed-document/v1', row.sealedPdf!, '0'.repeat(32)));
    const [event] = await f.rt.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.target, `signed_document:${doc.id}`));
    assert.ok(event);
    assert.equal(event.action, 'signed_document.signed');
    assert.equal((event.details as { outputSha256: string }).outputSha256, doc.sha256);
    assert.ok(!JSON.stringify(event.details).includes(PASSPHRASE));
    assert.ok(JSON.stringify(event.details).length < 1000, 'no document in the audit event');
    assert.ok(verificationUrl('http://x/', doc.id).endsWith(`/verifikasi?dokumen=${doc.id}`));
  });

  it('signs several documents under one authorisation, ended after the batch', async () => {
    const h = await f.holder();
    const { documents, certificateId } = await signDocuments(signingContextOf(f.rt), {
      holder: h.accountId,
      credential: { kind: 'passphrase', passphrase: PASSPHRASE },
      documents: [invisible(pdf), invisible(pdf), invisible(pdf)],
      actor: `account:${h.accountId}`,
      channel: 'esign-v2',
      keep: false,
    });
    assert.equal(documents.length, 3);
    assert.equal(new Set(documents.map((d) => d.id)).size, 3);
    for (const d of documents) judgeSigned(f.judges, f.judges.dir, d.pdf, `batch-${d.id}`, 1);
    const left = await f.rt.db
      .select()
      .from(signingAuthorisations)
      .where(eq(signingAuthorisations.subscriberCertificateId, certificateId));
    assert.equal(left.length, 0, 'the batch authorisation is ended');
    const created = await f.rt.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.target, `subscriber_certificate:${certificateId}`));
    assert.equal(created.filter((e) => e.action === 'signing_authorisation.created').length, 1);
    const [row] = await f.rt.db
      .select()
      .from(signedDocuments)
      .where(eq(signedDocuments.id, documents[0]!.id));
    assert.equal(row!.sealedPdf, null, 'keep: false keeps nothing');
  });

  it('refuses a wrong passphrase (counted), a holder without a certificate, and a TOTP without its hook', async () => {
    const h = await f.holder();
    const ctx = signingContextOf(f.rt);
    const base = {
      holder: h.accountId,
      documents: [invisible(pdf)],
      actor: 'test',
      channel: 'esign-v1',
    } as const;
    await assert.rejects(
      signDocuments(ctx, { ...base, credential: { kind: 'passphrase', passphrase: 'Salah#2026x' } }),
      (error: { code: string; details: { failuresLeft: number } }) =>
        error.code === 'ERR_PASSPHRASE_WRONG' && typeof error.details.failuresLeft === 'number',
    );
    const withoutHook = { ...ctx, openTotpKey: undefined };
    await assert.rejects(
      signDocuments(withoutHook, { ...base, credential: { kind: 'totp', code: '123456' } }),
      {
        code: 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED',
      },
    );
    await assert.rejects(signDocuments(ctx, { ...base, credential: { kind: 'totp', code: '123456' } }), {
      code: 'ERR_TOTP_INVALID',
    });
    const none = await f.holder(f.a, { issue: false });
    await assert.rejects(
      signDocuments(ctx, {
        ...base,
        holder: none.accountId,
        credential: { kind: 'passphrase', passphrase: PASSPHRASE },
      }),
      (error: { code: string; details: { status: string } }) =>
        error.code === 'ERR_SIGNER_CANNOT_SIGN' && error.details.status === 'NO_CERTIFICATE',
    );
    const rows = await f.rt.db
      .select()
      .from(signedDocuments)
      .where(eq(signedDocuments.accountId, h.accountId));
    assert.equal(rows.length, 0);
  });

  it('uses the engine it is given (the worker pool hook)', async () => {
    const h = await f.holder();
    let calls = 0;
    const ctx = signingContextOf(f.rt, {
      signPdf: async (input) => {
        calls++;
        assert.equal(input.level, 'B-LT');
        assert.equal(input.validation?.ocspResponses?.length, 1);
        const { signPdf } = await import('../../src/signing/pades/sign-pdf.js');
        return signPdf(input);
      },
    });
    await signDocuments(ctx, {
      holder: h.accountId,
      credential: { kind: 'passphrase', passphrase: PASSPHRASE },
      documents: [invisible(pdf)],
      actor: 'test',
      channel: 'console',
    });
    assert.equal(calls, 1);
  });

  it('signs a bulk call in lanes of signConcurrency, answering in the order of the documents', async () => {
    const h = await f.holder();
    const { signPdf } = await import('../../src/signing/pades/sign-pdf.js');
    let running = 0;
    let most = 0;
    const ctx = signingContextOf(f.rt, {
      signConcurrency: 3,
      signPdf: async (input) => {
        running++;
        most = Math.max(most, running);
        // Hold each document a moment so that the lanes overlap.
        await new Promise((resolve) => setTimeout(resolve, 20));
        try {
          return await signPdf(input);
        } finally {
          running--;
        }
      },
    });
    const pdfs = await Promise.all([1, 2, 3, 4, 5].map((n) => pdfLibDocument(n, `Surat ${n}`)));
    const { documents } = await signDocuments(ctx, {
      holder: h.accountId,
      credential: { kind: 'passphrase', passphrase: PASSPHRASE },
      documents: pdfs.map(invisible),
      actor: 'test',
      channel: 'console',
    });
    assert.equal(most, 3, 'three documents at a time, never more');
    assert.equal(documents.length, 5);
    const { PDFDocument } = await import('pdf-lib');
    for (const [i, doc] of documents.entries()) {
      const pages = (await PDFDocument.load(doc.pdf, { ignoreEncryption: true })).getPageCount();
      assert.equal(pages, i + 1, `document ${i} answered in its place`);
    }
  });

  it('is all or nothing: a bad document after a good one fails the call, and nothing is recorded', async () => {
    const h = await f.holder();
    let calls = 0;
    const ctx = signingContextOf(f.rt, {
      signPdf: async (input) => {
        calls++;
        const { signPdf } = await import('../../src/signing/pades/sign-pdf.js');
        return signPdf(input);
      },
    });
    const bad = invisible(Buffer.from('%PDF-1.7 rusak'));
    await assert.rejects(
      signDocuments(ctx, {
        holder: h.accountId,
        credential: { kind: 'passphrase', passphrase: PASSPHRASE },
        documents: [invisible(pdf), bad, invisible(pdf)],
        actor: 'test',
        channel: 'console',
      }),
      { code: 'ERR_PDF_INVALID' },
    );
    assert.equal(calls, 2, 'the first was signed, the second failed, the third never tried');
    const rows = await f.rt.db
      .select()
      .from(signedDocuments)
      .where(eq(signedDocuments.accountId, h.accountId));
    assert.equal(rows.length, 0, 'the signed first document is neither recorded nor kept');
    const left = await f.rt.db
      .select()
      .from(signingAuthorisations)
      .where(eq(signingAuthorisations.accountId, h.accountId));
    assert.equal(left.length, 0, 'the call’s authorisation is ended');
  });
});
