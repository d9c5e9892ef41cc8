/**
 * B-LTA as Teken makes and verifies it: the document time-stamp is signed by Teken's own TSA unit
 * (issued by the seal CA), whose status the DSS does not hold (the DSS carries the signer's chain,
 * its OCSP response and its CAs' CRLs). ETSI EN 319 102-1 5.2.5 lets the validator take revocation
 * status from any source it has, and Teken's CA database is one for the certificates Teken issued:
 * the document time-stamp is then not INDETERMINATE but VALID, the verifier knowing the TSA good.
 * A validator without that record (validatePdf alone) finds the TSA's status unknown, and a TSA
 * certificate revoked in Teken's database before the time-stamp makes the document INVALID.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { certificates } from '../../src/db/schema.js';
import { signingContextOf } from '../../src/runtime/signing-context-of.js';
import { signDocuments } from '../../src/signing/sign-documents.js';
import { createPdfVerifier } from '../../src/signing/verify/pdf-verifier.js';
import { validatePdf } from '../../src/signing/verify/validate-pdf.js';
import { conclusionOf } from '../../src/signing/verify/validation-report.js';
import { pdfLibDocument } from '../helpers/pades-corpus.js';
import { PASSPHRASE, signingFixture } from '../helpers/signing-fixture.js';

describe("B-LTA with Teken's own TSA", () => {
  let f: Awaited<ReturnType<typeof signingFixture>>;
  let signed: Uint8Array;
  before(async () => {
    f = await signingFixture({ TEKEN_SIGNING_LEVEL: 'B-LTA' });
    const h = await f.holder();
    const { documents } = await signDocuments(signingContextOf(f.rt), {
      holder: h.accountId,
      credential: { kind: 'passphrase', passphrase: PASSPHRASE },
      documents: [
        {
          pdf: Buffer.from(await pdfLibDocument(1)),
          appearance: { visible: false },
          details: { reason: 'Arsip', location: 'Jakarta', contactInfo: undefined, text: undefined },
          pdfPassword: undefined,
        },
      ],
      actor: `account:${h.accountId}`,
      channel: 'console',
    });
    signed = documents[0]!.pdf;
  });

  const roots = () =>
    f.rt.registry
      .all()
      .filter((ca) => ca.kind === 'root')
      .map((ca) => ca.certificateDer);

  it("Teken's verifier knows its TSA's status: the document time-stamp and the signature VALID, B-LTA", async () => {
    await f.rt.registry.ensureLoaded();
    const report = await createPdfVerifier(f.rt.db, f.rt.registry, []).verify(signed);
    assert.equal(conclusionOf(report), 'VALID', JSON.stringify(report.signatures, null, 1));
    const [signature, stamp] = report.signatures;
    assert.equal(signature?.level, 'PAdES-BASELINE-LTA');
    assert.equal(stamp?.documentTimestamp, true);
    assert.equal(stamp.trusted, true);
    assert.equal(stamp.revocation, 'good');
    assert.match(stamp.signer.commonName, /Time-Stamping Unit/);
    // The DSS does not hold the TSA's status (what makes a validator without Teken's record unsure).
    const cas = f.rt.registry.all();
    const alone = await validatePdf(signed, {
      trustAnchors: roots(),
      intermediates: cas.filter((ca) => ca.kind === 'issuing').map((ca) => ca.certificateDer),
    });
    assert.equal(alone.signatures[1]!.revocation, 'unknown');
    assert.equal(alone.signatures[0]!.revocation, 'good');
  });

  it('the TSA certificate revoked in Teken’s database before the time-stamp: INVALID', async () => {
    const seal = f.rt.registry.all().find((ca) => ca.tsa)!;
    const serial = new (await import('node:crypto')).X509Certificate(seal.tsa!.certificateDer).serialNumber
      .toLowerCase()
      .replace(/^(00)+(?=[0-9a-f]{2})/, '');
    const where = and(eq(certificates.authorityId, seal.id), eq(certificates.serial, serial));
    const [before] = await f.rt.db
      .select({ revokedAt: certificates.revokedAt })
      .from(certificates)
      .where(where);
    assert.ok(before, "the TSA unit's certificate is in Teken's CA database");
    await f.rt.db
      .update(certificates)
      .set({ revokedAt: new Date(Date.now() - 3_600_000) })
      .where(where);
    try {
      const report = await createPdfVerifier(f.rt.db, f.rt.registry, []).verify(signed);
      assert.equal(report.signatures[1]!.revocation, 'revoked');
      assert.equal(conclusionOf(report), 'INVALID');
    } finally {
      await f.rt.db.update(certificates).set({ revokedAt: before.revokedAt }).where(where);
    }
  });
});
