import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { signPdf } from '../../src/signing/pades/sign-pdf.js';
import { makeCorpus, type CorpusEntry } from '../helpers/pades-corpus.js';
import { findSignatures, judgeSigned } from '../helpers/pades-judges.js';
import { makePadesPki, type PadesPki } from '../helpers/pades-pki.js';
import { testTsa, type TestTsa } from '../helpers/pades-tsa.js';
import { tmpDir } from '../helpers/tmp-dir.js';

let pki: PadesPki;
let tsa: TestTsa;
let dir: string;
let corpus: CorpusEntry[];

before(async () => {
  pki = makePadesPki();
  tsa = testTsa(pki.tsa, [pki.ca.certificate]);
  dir = tmpDir();
  corpus = await makeCorpus(pki, dir);
});

describe('the PAdES corpus', () => {
  it('signs every document of the corpus twice (B-T visible, then B-LT) and every judge accepts it', async () => {
    assert.ok(corpus.length >= 20);
    const failures: string[] = [];
    for (const [i, entry] of corpus.entries()) {
      try {
        const first = await signPdf({
          pdf: entry.pdf,
          ...(entry.password ? { pdfPassword: entry.password } : {}),
          privateKey: pki.rsa.key,
          certificate: pki.rsa.certificate,
          chain: [pki.ca.certificate],
          level: 'B-T',
          tsa,
          reason: 'Uji korpus',
          visible: {
            placement: { page: 'last', box: { x: 40, y: 40, width: 90, height: 90 } },
            content: { qr: 'https://teken.example/v/k' },
          },
        });
        const second = await signPdf({
          pdf: first.pdf,
          ...(entry.password ? { pdfPassword: entry.password } : {}),
          privateKey: pki.ec.key,
          certificate: pki.ec.certificate,
          chain: [pki.ca.certificate],
          level: 'B-LT',
          tsa,
          validation: { ocspResponses: [pki.ocsp.ec], crls: [pki.crl] },
        });
        const expected = entry.signatures + 2;
        assert.equal(findSignatures(second.pdf).length, expected, entry.name);
        judgeSigned(pki, dir, second.pdf, `corpus-${i}`, expected, entry.password);
        if (entry.password) {
          // The strings around /Contents are encrypted; /Contents itself is plain hex DER.
          const sig = findSignatures(second.pdf).at(-1)!;
          assert.equal(sig.cms[0], 0x30, entry.name);
        }
      } catch (error) {
        failures.push(`${entry.name}: ${(error as Error).message.slice(0, 1500)}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('refuses an encrypted document without its password, or with a wrong one', async () => {
    const encrypted = corpus.find((e) => e.name === 'AES-256 user password')!;
    for (const pdfPassword of [undefined, 'salah']) {
      await assert.rejects(
        signPdf({
          pdf: encrypted.pdf,
          ...(pdfPassword ? { pdfPassword } : {}),
          privateKey: pki.rsa.key,
          certificate: pki.rsa.certificate,
          chain: [pki.ca.certificate],
          level: 'B-B',
        }),
        { code: 'ERR_PDF_PASSWORD' },
      );
    }
  });
});
