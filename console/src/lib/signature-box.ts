/**
 * The signature box of "Tanda Tangan Dokumen", between the page preview and the signing request.
 *
 * The preview shows the page as a reader sees it: pdf.js's viewport applies the page's /Rotate to
 * its CropBox, so a page rotated by 90° is shown wide. The request gives the box the same way (the
 * engine's convention, src/signing/pades/appearance.ts, and BSrE's): PDF units, x/y the lower-left
 * corner with the origin at the lower-left of the displayed page; the engine maps it into the
 * page's own user space and turns the appearance with the page. So the only conversion here is
 * from the preview's top-left, y-down pixels to displayed PDF units, y up.
 */

/** The page as displayed, in PDF units (1/72 in): pdf.js's viewport at scale 1. */
export interface DisplayedPage {
  width: number;
  height: number;
}

/** A box in displayed PDF units: x/y the lower-left corner, y up. */
export interface PdfBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box drawn when the holder clicks without dragging: about 4 × 2 cm, BSrE's usual size. */
export const DEFAULT_BOX = { width: 120, height: 60 } as const;
/** A drag shorter than this (PDF units) is a click. */
export const MIN_DRAG = 8;

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * The box between two points of a drag on the preview, each given as a fraction (0..1) of the
 * preview's width and height from its top-left corner; clamped to the page. A click (a drag under
 * MIN_DRAG) places a DEFAULT_BOX with its top-left corner there, moved inside the page.
 */
export function boxFromDrag(
  page: DisplayedPage,
  start: { fx: number; fy: number },
  end: { fx: number; fy: number },
): PdfBox {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const x1 = clamp(start.fx) * page.width;
  const x2 = clamp(end.fx) * page.width;
  const top1 = clamp(start.fy) * page.height;
  const top2 = clamp(end.fy) * page.height;
  let left = Math.min(x1, x2);
  let top = Math.min(top1, top2);
  let width = Math.abs(x2 - x1);
  let height = Math.abs(top2 - top1);
  if (width < MIN_DRAG && height < MIN_DRAG) {
    width = Math.min(DEFAULT_BOX.width, page.width);
    height = Math.min(DEFAULT_BOX.height, page.height);
    left = Math.min(x1, page.width - width);
    top = Math.min(top1, page.height - height);
  }
  width = Math.max(width, 1);
  height = Math.max(height, 1);
  return { x: round(left), y: round(page.height - top - height), width: round(width), height: round(height) };
}

/** The box moved by a drag of its middle (fractions of the preview), kept inside the page. */
export function moveBox(page: DisplayedPage, box: PdfBox, dfx: number, dfy: number): PdfBox {
  const x = Math.min(Math.max(0, box.x + dfx * page.width), page.width - box.width);
  const y = Math.min(Math.max(0, box.y - dfy * page.height), page.height - box.height);
  return { ...box, x: round(x), y: round(y) };
}

/** Where the box is drawn over the preview: an SVG whose viewBox is the page in PDF units, y down. */
export function svgRect(
  page: DisplayedPage,
  box: PdfBox,
): { x: number; y: number; width: number; height: number } {
  return { x: box.x, y: page.height - box.y - box.height, width: box.width, height: box.height };
}
