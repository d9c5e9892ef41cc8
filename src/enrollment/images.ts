/**
 * Selfies and KTP scans as the server takes them: JPEG or PNG only (by their magic bytes, not the
 * declared type), at most TEKEN_PHOTO_MAX_BYTES, decoded with a pixel limit read from the header
 * before any pixel is decoded (so a small file that claims 60000 × 60000 pixels — a decompression
 * bomb — is refused without allocating its pixels), then re-encoded from the decoded pixels: EXIF
 * (GPS position, camera, time), ICC profiles, XMP, comments and any trailing bytes do not survive.
 * EXIF orientation is applied first, so the stored image looks as the camera meant.
 *
 * Decoder: sharp (libvips, prebuilt per platform in its npm packages, no install script). libvips
 * is the maintained, fuzzed decoder of many image services; it checks the pixel limit from the
 * header (`limitInputPixels`), fails on truncated or corrupt data (`failOn: 'truncated'`), and its
 * encoders write no metadata unless asked (`keepMetadata` / `withMetadata`). The pure-JS
 * alternatives (jpeg-js, pngjs) decode fully into memory before a caller can see the dimensions
 * and are slower by an order of magnitude; see docs/enrollment.md.
 */
import sharp, { type Metadata } from 'sharp';
import { TekenError } from '../errors/teken-error.js';

export type ImageKind = 'selfie' | 'ktp';
export type StoredImageType = 'image/jpeg' | 'image/png';

export interface ImageLimits {
  maxBytes: number;
  /** Width × height, checked from the header before decoding. */
  maxPixels: number;
  /** The longest side of what is stored (larger images are scaled down). */
  maxSide?: number;
}

export interface ProcessedImage {
  bytes: Buffer;
  type: StoredImageType;
  width: number;
  height: number;
}

// libvips keeps a cache of decoded images by default: nothing personal stays in memory after use.
sharp.cache(false);

const refuse = (
  field: string,
  rule: string,
  message: string,
  code:
    'ERR_INPUT_INVALID' | 'ERR_INPUT_TOO_LARGE' | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE' = 'ERR_INPUT_INVALID',
) => new TekenError(code, `${field}: ${message}`, { details: { field, rule } });

/** JPEG (FF D8 FF) or PNG (89 50 4E 47 0D 0A 1A 0A) by the first bytes, else null. */
export function sniffImageType(bytes: Uint8Array): StoredImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  return null;
}

/** The smallest side a face or a card can be read at. */
export const MIN_SIDE = 64;

/**
 * Checks and re-encodes an uploaded image. JPEG stays JPEG (quality 90), PNG stays PNG; the
 * result is what is sealed and stored. Throws ERR_INPUT_TOO_LARGE, ERR_INPUT_UNSUPPORTED_MEDIA_TYPE
 * or ERR_INPUT_INVALID naming the field.
 */
export async function processImage(
  input: Buffer,
  field: ImageKind,
  limits: ImageLimits,
): Promise<ProcessedImage> {
  if (input.length === 0) throw refuse(field, 'required', 'the image is empty.');
  if (input.length > limits.maxBytes)
    throw refuse(
      field,
      'max_bytes',
      `the image is larger than ${limits.maxBytes} bytes.`,
      'ERR_INPUT_TOO_LARGE',
    );
  const type = sniffImageType(input);
  if (!type)
    throw refuse(field, 'type', 'only JPEG or PNG images are accepted.', 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE');
  const options = { limitInputPixels: limits.maxPixels, failOn: 'truncated' as const, sequentialRead: true };
  let meta: Metadata;
  try {
    meta = await sharp(input, options).metadata();
  } catch {
    throw refuse(field, 'decode', 'the image cannot be read (damaged or not really a JPEG/PNG).');
  }
  const declared = meta.format === 'jpeg' ? 'image/jpeg' : meta.format === 'png' ? 'image/png' : null;
  if (declared !== type)
    throw refuse(field, 'type', 'only JPEG or PNG images are accepted.', 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE');
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width * height > limits.maxPixels)
    throw refuse(
      field,
      'max_pixels',
      `the image has more than ${limits.maxPixels} pixels.`,
      'ERR_INPUT_TOO_LARGE',
    );
  if (width < MIN_SIDE || height < MIN_SIDE)
    throw refuse(field, 'min_size', `the image is smaller than ${MIN_SIDE} × ${MIN_SIDE} pixels.`);
  const maxSide = limits.maxSide ?? 2048;
  try {
    // rotate() applies the EXIF orientation; no withMetadata()/keepMetadata(): nothing is copied over.
    let pipeline = sharp(input, options)
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true });
    pipeline =
      type === 'image/jpeg'
        ? pipeline.jpeg({ quality: 90, mozjpeg: false })
        : pipeline.png({ compressionLevel: 9 });
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { bytes: data, type, width: info.width, height: info.height };
  } catch {
    throw refuse(field, 'decode', 'the image cannot be read (damaged or not really a JPEG/PNG).');
  }
}
