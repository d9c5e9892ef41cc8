/**
 * The PDFs the PAdES tests sign, made here with several producers: pdf-lib (classic xref; object
 * and xref streams), pdfkit (PDF 1.3), Ghostscript's pdfwrite, qpdf transformations (linearized,
 * object streams, PDF 1.3 and 2.0 headers, RC4/AES-128/AES-256 with a user or only an owner
 * password), a form, a document signed by @signpdf, a damaged cross-reference table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SignPdf } from '@signpdf/signpdf';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import PDFKit from 'pdfkit';
import type { PadesPki } from './pades-pki.js';
import { openssl, runTool } from './run-tool.js';

export interface CorpusEntry {
  name: string;
  pdf: Uint8Array;
  /** The password to open it, when encrypted. */
  password?: string;
  /** Signatures already in it. */
  signatures: number;
}

export async function pdfLibDocument(
  pages = 1,
  text = 'Dokumen uji #',
  objectStreams = false,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`${text} halaman ${i + 1}`, { x: 72, y: 760, size: 12, font });
    for (let line = 0; line < 40; line++)
      page.drawText('Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.', {
        x: 72,
        y: 730 - line * 16,
        size: 10,
        font,
      });
  }
  return doc.save({ useObjectStreams: objectStreams });
}

function pdfkitDocument(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFKit({ pdfVersion: '1.3', compress: true, info: { Producer: 'pdfkit' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.fontSize(12).text('Dokumen pdfkit #', 72, 72);
    doc.addPage().text('Halaman kedua', 72, 72);
    doc.end();
  });
}

function qpdf(dir: string, input: Uint8Array, name: string, args: string[], password?: string): Uint8Array {
  const inFile = path.join(dir, `${name}.in.pdf`);
  const outFile = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(inFile, input);
  const r = runTool('qpdf', [...(password ? [`--password=${password}`] : []), ...args, inFile, outFile]);
  if (r.status !== 0 && r.status !== 3) throw new Error(`qpdf ${args.join(' ')}: ${r.stderr}`);
  return new Uint8Array(fs.readFileSync(outFile));
}

function ghostscript(dir: string): Uint8Array {
  const ps = path.join(dir, 'gs.ps');
  fs.writeFileSync(
    ps,
    '%!PS\n/Helvetica findfont 14 scalefont setfont\n72 720 moveto (Dokumen Ghostscript #) show\nshowpage\n72 720 moveto (Halaman 2) show\nshowpage\n',
  );
  const out = path.join(dir, 'gs.pdf');
  const r = runTool('gs', [
    '-q',
    '-dNOPAUSE',
    '-dBATCH',
    '-dSAFER',
    '-sDEVICE=pdfwrite',
    '-dCompatibilityLevel=1.7',
    `-sOutputFile=${out}`,
    ps,
  ]);
  if (r.status !== 0) throw new Error(`gs: ${r.stderr}`);
  return new Uint8Array(fs.readFileSync(out));
}

async function formDocument(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const form = doc.getForm();
  const nama = form.createTextField('nama');
  nama.setText('Budi Contoh');
  nama.addToPage(page, { x: 72, y: 700, width: 200, height: 24 });
  const setuju = form.createCheckBox('setuju');
  setuju.check();
  setuju.addToPage(page, { x: 72, y: 650, width: 16, height: 16 });
  return doc.save({ useObjectStreams: false });
}

/** A document signed by the @signpdf stack (adbe.pkcs7.detached, node-forge). */
export async function signpdfSigned(pki: PadesPki, input: Uint8Array, p12?: Buffer): Promise<Uint8Array> {
  const doc = await PDFDocument.load(input);
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: 'Uji',
    contactInfo: '',
    name: 'Uji',
    location: 'Jakarta',
    signatureLength: 8192,
  });
  const prepared = await doc.save({ useObjectStreams: false });
  const signer = new P12Signer(p12 ?? rsaP12(pki));
  return new Uint8Array(await new SignPdf().sign(Buffer.from(prepared), signer));
}

export function rsaP12(pki: PadesPki): Buffer {
  const file = path.join(pki.dir, 'rsa.p12');
  if (!fs.existsSync(file))
    openssl([
      'pkcs12',
      '-export',
      '-inkey',
      pki.rsa.keyFile,
      '-in',
      pki.rsa.certFile,
      // Without the chain: node-forge cannot read the CA certificate (signed by the P-256 root).
      '-out',
      file,
      '-passout',
      'pass:',
      // node-forge reads only the classic PKCS#12 algorithms.
      '-keypbe',
      'PBE-SHA1-3DES',
      '-certpbe',
      'PBE-SHA1-3DES',
      '-macalg',
      'sha1',
    ]);
  return fs.readFileSync(file);
}

/** Breaks the cross-reference table: every offset shifted, startxref wrong. */
function damageXref(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const damaged = text
    .replace(
      /(\d{10}) (\d{5}) n/g,
      (_m, offset: string, gen: string) => `${String(Number(offset) + 7).padStart(10, '0')} ${gen} n`,
    )
    .replace(/startxref\s+\d+/, 'startxref\n123');
  return new Uint8Array(Buffer.from(damaged, 'latin1'));
}

export async function makeCorpus(pki: PadesPki, dir: string): Promise<CorpusEntry[]> {
  const classic = await pdfLibDocument(2);
  const entries: CorpusEntry[] = [
    { name: 'pdf-lib classic xref', pdf: classic, signatures: 0 },
    {
      name: 'pdf-lib object and xref streams',
      pdf: await pdfLibDocument(2, 'Dokumen #', true),
      signatures: 0,
    },
    { name: 'pdfkit PDF 1.3', pdf: await pdfkitDocument(), signatures: 0 },
    { name: 'Ghostscript pdfwrite', pdf: ghostscript(dir), signatures: 0 },
    { name: 'qpdf linearized', pdf: qpdf(dir, classic, 'lin', ['--linearize']), signatures: 0 },
    {
      name: 'qpdf object streams',
      pdf: qpdf(dir, classic, 'objstm', ['--object-streams=generate']),
      signatures: 0,
    },
    { name: 'qpdf PDF 1.3 header', pdf: qpdf(dir, classic, 'v13', ['--force-version=1.3']), signatures: 0 },
    { name: 'qpdf PDF 2.0 header', pdf: qpdf(dir, classic, 'v20', ['--force-version=2.0']), signatures: 0 },
    { name: 'form fields', pdf: await formDocument(), signatures: 0 },
    { name: 'damaged xref', pdf: damageXref(classic), signatures: 0 },
    { name: 'signed by @signpdf', pdf: await signpdfSigned(pki, classic), signatures: 1 },
  ];
  const encryptions: [string, string[]][] = [
    ['RC4-40', ['40']],
    ['RC4-128', ['128', '--use-aes=n']],
    ['AES-128', ['128', '--use-aes=y']],
    ['AES-256', ['256']],
  ];
  for (const [name, args] of encryptions) {
    const keyLength = args[0]!;
    const rest = args.slice(1);
    entries.push({
      name: `${name} user password`,
      pdf: qpdf(dir, classic, `enc-${name}-u`, [
        '--allow-weak-crypto',
        '--encrypt',
        'rahasia1',
        'pemilik1',
        keyLength,
        ...rest,
        '--',
      ]),
      password: 'rahasia1',
      signatures: 0,
    });
    entries.push({
      name: `${name} owner password only`,
      pdf: qpdf(dir, classic, `enc-${name}-o`, [
        '--allow-weak-crypto',
        '--encrypt',
        '',
        'pemilik1',
        keyLength,
        ...rest,
        '--',
      ]),
      password: 'pemilik1',
      signatures: 0,
    });
  }
  entries.push({
    name: 'AES-256 opened with the owner password',
    pdf: qpdf(dir, classic, 'enc-owner', ['--encrypt', 'rahasia1', 'pemilik1', '256', '--']),
    password: 'pemilik1',
    signatures: 0,
  });
  return entries;
}
