/**
 * Page previews of "Tanda Tangan Dokumen" with PDF.js (pdfjs-dist, Mozilla's renderer), loaded
 * only when the page is opened so that the rest of the console does not carry it. Its worker is a
 * file of the build (same origin, as the CSP wants); PDF.js 6 needs no eval and draws into the
 * canvas it is given, so the console's policy (script-src 'self', no inline styles) holds.
 */
import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { DisplayedPage } from './signature-box';

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | undefined;

function load(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist').then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = workerUrl;
    return lib;
  });
  return pdfjs;
}

export interface OpenedPdf {
  doc: PDFDocumentProxy;
  pages: number;
}

/** Opens a PDF for preview (a copy of the bytes: PDF.js takes the buffer it is given). */
export async function openPdf(bytes: Uint8Array, password?: string): Promise<OpenedPdf> {
  const lib = await load();
  const doc = await lib.getDocument({
    data: bytes.slice(),
    ...(password ? { password } : {}),
    isOffscreenCanvasSupported: false,
    enableXfa: false,
  }).promise;
  return { doc, pages: doc.numPages };
}

/** Whether a failure to open was a missing or wrong password. */
export const isPasswordError = (error: unknown) =>
  error instanceof Error && error.name === 'PasswordException';

/**
 * Draws a page (1-based) as displayed, its rotation applied, `cssWidth` pixels wide (sharp on
 * high-density screens); returns its size in PDF units.
 */
export async function renderPage(
  opened: OpenedPdf,
  pageNumber: number,
  canvas: HTMLCanvasElement,
  cssWidth: number,
): Promise<DisplayedPage> {
  const page = await opened.doc.getPage(pageNumber);
  const unit = page.getViewport({ scale: 1 });
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (cssWidth / unit.width) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  await page.render({ canvas, viewport }).promise;
  return { width: unit.width, height: unit.height };
}
