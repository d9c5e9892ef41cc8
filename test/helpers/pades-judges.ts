/**
 * The outside judges of a signed PDF: pdfsig (poppler, with the test root in an NSS database),
 * `openssl cms -verify` on each signature's CMS, `openssl ts -verify` on document time-stamps,
 * `qpdf --check`. The signatures are found here by reading the bytes, apart from the signing code.
 */
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import type { PadesPki } from './pades-pki.js';
import { runTool } from './run-tool.js';
import { tmpDir } from './tmp-dir.js';

export interface FoundSignature {
  byteRange: [number, number, number, number];
  /** The DER in /Contents, without the padding. */
  cms: Uint8Array;
  /** The bytes the byte range covers. */
  signed: Uint8Array;
  subFilter: string;
}

function derLength(bytes: Uint8Array): number {
  const first = bytes[1]!;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + bytes[2 + i]!;
  return 2 + count + length;
}

export function findSignatures(pdf: Uint8Array): FoundSignature[] {
  const text = Buffer.from(pdf).toString('latin1');
  const out: FoundSignature[] = [];
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const range = m.slice(1, 5).map(Number) as [number, number, number, number];
    const hex = text.slice(range[1] + 1, range[2] - 1);
    const raw = new Uint8Array(Buffer.from(hex, 'hex'));
    const cms = raw.subarray(0, derLength(raw));
    const signed = Buffer.concat([
      pdf.subarray(range[0], range[1]),
      pdf.subarray(range[2], range[2] + range[3]),
    ]);
    // The dictionary around this /ByteRange: search back to its "obj" for the SubFilter.
    const start = text.lastIndexOf(' obj', m.index);
    const end = text.indexOf('endobj', m.index);
    const dict = text.slice(start, end);
    const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(dict)?.[1] ?? '';
    out.push({ byteRange: range, cms: new Uint8Array(cms), signed: new Uint8Array(signed), subFilter });
  }
  return out;
}

/**
 * `offline`: without pdfsig's online OCSP check (-no-ocsp), for certificates whose OCSP URL is a
 * test server that cannot answer while the test waits for pdfsig; the revocation data is then the
 * document's own (DSS).
 */
export function pdfsig(file: string, nssDir: string, password?: string, offline = false) {
  const run = (flag?: string) => {
    const r = runTool('pdfsig', [
      ...(offline ? ['-no-ocsp'] : []),
      '-nssdir',
      nssDir,
      ...(flag && password ? [flag, password] : []),
      file,
    ]);
    return { status: r.status, out: r.stdout + r.stderr };
  };
  // A user password opens with -upw, an owner password with -opw.
  const first = run('-upw');
  return !password || /Signature #1/.test(first.out) ? first : run('-opw');
}

export function qpdfCheck(file: string, password?: string) {
  const r = runTool('qpdf', [...(password ? [`--password=${password}`] : []), '--check', file]);
  return { status: r.status, out: r.stdout + r.stderr };
}

export function cmsVerify(sig: FoundSignature, bundleFile: string) {
  const dir = tmpDir();
  const cmsFile = path.join(dir, 'sig.der');
  const dataFile = path.join(dir, 'data.bin');
  fs.writeFileSync(cmsFile, sig.cms);
  fs.writeFileSync(dataFile, sig.signed);
  const r = runTool('openssl', [
    'cms',
    '-verify',
    '-binary',
    '-inform',
    'DER',
    '-in',
    cmsFile,
    '-content',
    dataFile,
    '-CAfile',
    bundleFile,
    '-purpose',
    'any',
    '-out',
    '/dev/null',
  ]);
  const print = runTool('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', cmsFile]);
  return { status: r.status, out: r.stdout + r.stderr, printed: print.stdout };
}

export function tsVerify(token: Uint8Array, data: Uint8Array, bundleFile: string) {
  const dir = tmpDir();
  const tokenFile = path.join(dir, 'token.der');
  const dataFile = path.join(dir, 'data.bin');
  fs.writeFileSync(tokenFile, token);
  fs.writeFileSync(dataFile, data);
  const r = runTool('openssl', [
    'ts',
    '-verify',
    '-token_in',
    '-in',
    tokenFile,
    '-data',
    dataFile,
    '-CAfile',
    bundleFile,
  ]);
  return { status: r.status, out: r.stdout + r.stderr };
}

/** Every pdfsig signature block says valid, trusted and total document signed (the last one: total). */
export function pdfsigVerdicts(
  out: string,
): { valid: boolean; trusted: boolean; total: boolean; signer: string; repeatedSigner: boolean }[] {
  const seen = new Set<string>();
  return out
    .split(/^Signature #\d+:/m)
    .slice(1)
    .map((block) => {
      const signer = /Signer full Distinguished Name: (.*)/.exec(block)?.[1] ?? '';
      const repeatedSigner = seen.has(signer);
      seen.add(signer);
      return {
        valid: /Signature Validation: Signature is Valid\./.test(block),
        trusted: /Certificate Validation: Certificate is Trusted\./.test(block),
        total: /Total document signed/.test(block),
        signer,
        repeatedSigner,
      };
    });
}

/** Runs every judge on `pdf`; returns pdfsig's output. */
export function judgeSigned(
  pki: Pick<PadesPki, 'nssDir' | 'bundleFile'> & { offline?: boolean },
  dir: string,
  pdf: Uint8Array,
  name: string,
  expected: number,
  password?: string,
): string {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  const q = qpdfCheck(file, password);
  assert.equal(q.status, 0, q.out);
  const sig = pdfsig(file, pki.nssDir, password, pki.offline);
  const verdicts = pdfsigVerdicts(sig.out);
  const found = findSignatures(pdf);
  assert.equal(found.length, expected, sig.out);
  found.forEach((s, i) => {
    if (s.subFilter === 'ETSI.RFC3161') {
      const ts = tsVerify(s.cms, s.signed, pki.bundleFile);
      assert.equal(ts.status, 0, ts.out);
      assert.match(ts.out, /Verification: OK/);
      return;
    }
    assert.ok(['ETSI.CAdES.detached', 'adbe.pkcs7.detached'].includes(s.subFilter), s.subFilter);
    const v = cmsVerify(s, pki.bundleFile);
    assert.equal(v.status, 0, v.out);
    assert.match(v.out, /Verification successful/);
    if (s.subFilter === 'ETSI.CAdES.detached') {
      // PAdES baseline: no signing-time among the signed attributes; signing-certificate-v2 there.
      assert.doesNotMatch(v.printed, /signingTime/);
      assert.match(v.printed, /id-smime-aa-signingCertificateV2/);
    }
    const verdict = verdicts[i]!;
    // poppler 22.12 (Debian 12) cannot validate a certificate a second time in one run: its own
    // `pdfsig -add-signature` output shows "Unknown issue with Certificate" for a second
    // signature by the same signer too. There the trust verdict is openssl's (above).
    // A foreign (@signpdf) signature carries no chain: pdfsig cannot build it, openssl can.
    const foreign = s.subFilter === 'adbe.pkcs7.detached';
    assert.ok(
      verdict.valid && (verdict.trusted || verdict.repeatedSigner || foreign),
      `signature ${i + 1}: ${sig.out}`,
    );
  });
  // The byte range of the last signature covers the whole file.
  const last = found.at(-1)!;
  assert.ok(last.byteRange[2] + last.byteRange[3] <= pdf.length);
  return sig.out;
}
