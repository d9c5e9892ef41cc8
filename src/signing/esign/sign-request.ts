/**
 * What an eSign signing call asks for, read from BSrE's two wire formats (shared/BSRE-API.md)
 * into one shape the signing use case takes: version 1's multipart fields (`POST /api/sign/pdf`)
 * and version 2's JSON (`POST /api/v2/sign/pdf`, bulk, and the seal's `POST /api/v2/seal/pdf`).
 *
 * Every variant real clients send is accepted: booleans as `true`/`false`/`1`/`""` in any case;
 * `"null"` and `""` for an absent value; coordinates as decimal strings; `tampilan` and `halaman` in
 * any case; a tag of several characters; a tag sent together with page and coordinates (the tag
 * wins); v1 tag mode without `image`, `linkQR` or page (the QR of the verification link); v2
 * INVISIBLE with a 1×1 image and zero coordinates; VISIBLE with a tag and no image. What cannot be
 * signed is refused here, before any key is opened, with the field named and BSrE's "Proses
 * signing gagal : …" text (a VISIBLE box without an image is a 400, never a 500).
 *
 * Pure: no I/O. PDFs and images arrive as bytes; their content is checked by the engine.
 */
import { TekenError } from '../../errors/teken-error.js';

/** Where a visible signature goes. Coordinates in PDF units, x/y the box's lower-left corner. */
export type SignaturePlacement =
  | { kind: 'box'; page: number | 'first' | 'last'; x: number; y: number; width: number; height: number }
  /** At every occurrence of the text; the box's size (a default where the client gave none). */
  | { kind: 'tag'; tag: string; width: number | undefined; height: number | undefined };

export type SignatureAppearance =
  | { visible: false }
  | {
      visible: true;
      placement: SignaturePlacement;
      /** The specimen image (JPEG or PNG bytes), or a QR code of `link` (absent: the verification page). */
      mark: { kind: 'image'; image: Buffer } | { kind: 'qr'; link: string | undefined };
    };

export interface SignatureDetails {
  reason: string | undefined;
  location: string | undefined;
  contactInfo: string | undefined;
  /** v1 `text`: a line drawn with a visible signature. */
  text: string | undefined;
}

export interface DocumentToSign {
  pdf: Buffer;
  appearance: SignatureAppearance;
  details: SignatureDetails;
  /** The user or owner password of an encrypted PDF. */
  pdfPassword: string | undefined;
}

export type SignCredential = { kind: 'passphrase'; passphrase: string } | { kind: 'totp'; code: string };

export interface EsignSignRequest {
  signer: { nik: string | undefined; email: string | undefined };
  credential: SignCredential;
  documents: DocumentToSign[];
  /** v1 `jenis_response`: the signed PDF as the body (`BYTE`, the default) or as JSON base64. */
  response: 'binary' | 'base64';
}

/** The box size when a client names a tag but no size (BSrE's clients draw about 3 × 3 cm). */
export const DEFAULT_TAG_BOX = { width: 85, height: 85 } as const;
const TEXT_MAX = 200;
const TAG_MAX = 64;
/** Largest page dimension PDF allows (ISO 32000: 14,400 units); a box beyond it is a typo. */
const COORD_MAX = 14_400;

function refuse(field: string, why: string, status = 400): never {
  throw new TekenError('ERR_INPUT_INVALID', `Proses signing gagal : ${field} ${why}`, {
    details: { field, bsreCode: status },
  });
}

/**
 * A value as a client meant it: `undefined` for absent, `"null"`, `""` or whitespace; numbers and
 * booleans as text; anything else (an object, an array) refused.
 */
function present(value: unknown, field = 'body'): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return refuse(field, 'harus berupa teks atau angka.');
  const t = value.trim();
  if (t === '' || t.toLowerCase() === 'null' || t.toLowerCase() === 'undefined') return undefined;
  return t;
}

function str(field: string, value: unknown, max = TEXT_MAX): string | undefined {
  const s = present(value, field);
  if (s === undefined) return undefined;
  if (s.length > max) refuse(field, `paling panjang ${max} karakter.`);
  // Control characters would end up in the PDF's dictionaries.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s))
    refuse(field, 'berisi karakter yang tidak diizinkan.');
  return s;
}

/** BSrE's booleans: true/false, 1/0, "" (false), any case; absent → `undefined`. */
export function bsreBoolean(field: string, value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (value === '') return false;
  const v = present(value, field);
  if (v === undefined) return undefined;
  const s = v.toLowerCase();
  if (s === 'true' || s === '1' || s === 'ya' || s === 'yes') return true;
  if (s === 'false' || s === '0' || s === 'tidak' || s === 'no') return false;
  return refuse(field, 'harus true atau false.');
}

function num(field: string, value: unknown, options: { min: number; integer?: boolean }): number | undefined {
  const v = present(value, field);
  if (v === undefined) return undefined;
  const s = v.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) refuse(field, 'harus berupa angka.');
  const n = Number(s);
  if (options.integer && !Number.isInteger(n)) refuse(field, 'harus bilangan bulat.');
  if (n < options.min || n > COORD_MAX) refuse(field, `harus antara ${options.min} dan ${COORD_MAX}.`);
  return n;
}

function visibility(field: string, value: unknown): boolean | undefined {
  const v = present(value, field);
  if (v === undefined) return undefined;
  const s = v.toLowerCase();
  if (s === 'visible') return true;
  if (s === 'invisible') return false;
  return refuse(field, 'harus visible atau invisible.');
}

function halaman(value: unknown): 'first' | 'last' | undefined {
  const v = present(value, 'halaman');
  if (v === undefined) return undefined;
  const s = v.toLowerCase();
  if (s === 'pertama' || s === 'first') return 'first';
  if (s === 'terakhir' || s === 'last') return 'last';
  return refuse('halaman', 'harus pertama atau terakhir.');
}

function link(field: string, value: unknown): string | undefined {
  const s = str(field, value, 2048);
  if (s === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return refuse(field, 'harus berupa URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') refuse(field, 'harus berupa URL http(s).');
  return url.toString();
}

/** A 16-digit NIK as clients send it (spaces and dots allowed); the holder lookup checks the rest. */
function nik(value: unknown): string | undefined {
  const v = present(value, 'nik');
  if (v === undefined) return undefined;
  const digits = v.replace(/[\s.-]/g, '');
  if (!/^\d{16}$/.test(digits)) refuse('nik', 'harus 16 digit angka.');
  return digits;
}

function email(value: unknown): string | undefined {
  const s = str('email', value, 254);
  if (s === undefined) return undefined;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)) refuse('email', 'tidak valid.');
  return s.toLowerCase();
}

function details(fields: Record<string, unknown>): SignatureDetails {
  return {
    reason: str('reason', fields['reason']),
    location: str('location', fields['location']),
    contactInfo: str('contactInfo', fields['contactInfo']),
    text: str('text', fields['text']),
  };
}

function placementOf(
  fields: Record<string, unknown>,
  names: { page: string; x: string; y: string },
): SignaturePlacement | undefined {
  const tag = str('tag_koordinat', fields['tag_koordinat'], TAG_MAX);
  const width = num('width', fields['width'], { min: 0 });
  const height = num('height', fields['height'], { min: 0 });
  if (tag !== undefined)
    return {
      kind: 'tag',
      tag,
      width: width && width > 0 ? width : undefined,
      height: height && height > 0 ? height : undefined,
    };
  const page = halaman(fields['halaman']) ?? num(names.page, fields[names.page], { min: 1, integer: true });
  const x = num(names.x, fields[names.x], { min: 0 });
  const y = num(names.y, fields[names.y], { min: 0 });
  if (page === undefined && x === undefined && y === undefined) return undefined;
  if (page === undefined)
    refuse(names.page, 'wajib diisi untuk tanda tangan visible (atau halaman / tag_koordinat).');
  if (x === undefined) refuse(names.x, 'wajib diisi untuk tanda tangan visible.');
  if (y === undefined) refuse(names.y, 'wajib diisi untuk tanda tangan visible.');
  if (!width) refuse('width', 'wajib diisi dan lebih dari 0 untuk tanda tangan visible.');
  if (!height) refuse('height', 'wajib diisi dan lebih dari 0 untuk tanda tangan visible.');
  return { kind: 'box', page, x, y, width, height };
}

/** A password as typed (no trimming); absent, `""` and `"null"` read as none. */
function secretField(field: string, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > 512) refuse(field, 'tidak valid.');
  if (present(value, field) === undefined) return undefined;
  return value;
}

function credentialOf(fields: Record<string, unknown>, allowTotp: boolean): SignCredential {
  const passphrase = secretField('passphrase', fields['passphrase']);
  if (passphrase !== undefined) return { kind: 'passphrase', passphrase };
  if (allowTotp) {
    const code = present(fields['totp'] ?? fields['otp'], 'totp');
    if (code !== undefined) {
      if (!/^[0-9A-Za-z]{4,32}$/.test(code)) refuse('totp', 'tidak valid.');
      return { kind: 'totp', code };
    }
    return refuse('passphrase', 'atau totp wajib diisi.');
  }
  return refuse('passphrase', 'wajib diisi.');
}

function sealCode(fields: Record<string, unknown>): SignCredential {
  const code = present(fields['totp'] ?? fields['otp'], 'totp');
  if (code === undefined) return refuse('totp', 'wajib diisi (kode dari seal/get/totp).');
  if (!/^[0-9A-Za-z]{4,32}$/.test(code)) refuse('totp', 'tidak valid.');
  return { kind: 'totp', code };
}

/**
 * Version 1 (multipart/form-data): the text fields and the two files (`file`, the PDF; `imageTTD`,
 * the specimen image).
 */
export function parseV1SignForm(
  fields: Record<string, string | undefined>,
  files: { file?: Buffer; imageTTD?: Buffer },
): EsignSignRequest {
  if (!files.file || files.file.length === 0) refuse('file', 'wajib diisi (dokumen PDF).');
  const signerNik = nik(fields['nik']);
  if (!signerNik) refuse('nik', 'wajib diisi.');
  const credential = credentialOf(fields, false);
  const jenis = str('jenis_response', fields['jenis_response'], 16)?.toUpperCase();
  if (jenis !== undefined && jenis !== 'BASE64' && jenis !== 'BYTE')
    refuse('jenis_response', 'harus BASE64 atau BYTE.');
  const visible = visibility('tampilan', fields['tampilan']) ?? false;
  let appearance: SignatureAppearance = { visible: false };
  if (visible) {
    const placement = placementOf(fields, { page: 'page', x: 'xAxis', y: 'yAxis' });
    if (!placement) refuse('page', 'atau tag_koordinat wajib diisi untuk tanda tangan visible.');
    const withImage = bsreBoolean('image', fields['image']);
    const qrLink = link('linkQR', fields['linkQR']);
    if (withImage) {
      if (!files.imageTTD || files.imageTTD.length === 0)
        refuse('imageTTD', 'wajib diisi bila image bernilai true (gambar JPG/PNG).');
      appearance = { visible: true, placement, mark: { kind: 'image', image: files.imageTTD } };
    } else appearance = { visible: true, placement, mark: { kind: 'qr', link: qrLink } };
  }
  return {
    signer: { nik: signerNik, email: undefined },
    credential,
    documents: [{ pdf: files.file, appearance, details: details(fields), pdfPassword: undefined }],
    response: jenis === 'BASE64' ? 'base64' : 'binary',
  };
}

/** The most documents one v2 call may carry (the bulk signing of BSRE-API.md). */
export const V2_MAX_FILES = 100;

function base64Bytes(field: string, value: unknown, maxBytes: number): Buffer {
  if (typeof value !== 'string') refuse(field, 'harus berupa base64.');
  // Data URLs ("data:application/pdf;base64,…") are common in browser-made clients.
  const body = value.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (body.length === 0 || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(body)) refuse(field, 'bukan base64 yang valid.');
  if (Math.floor((body.length * 3) / 4) > maxBytes + 3) refuse(field, `melebihi ${maxBytes} byte.`, 413);
  return Buffer.from(body, 'base64');
}

/**
 * Version 2 (JSON): `file` an array of base64 PDFs, `signatureProperties` one entry for all or one
 * per file. `seal`: the seal endpoint, whose credential is the TOTP and whose signer is the
 * organisation (`idSubscriber`, read by the seal route), so nik/email are not asked for.
 */
export function parseV2SignBody(
  body: unknown,
  options: { maxPdfBytes: number; maxImageBytes: number; seal?: boolean },
): EsignSignRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    refuse('body', 'harus berupa objek JSON.');
  const fields = body as Record<string, unknown>;
  const signer = options.seal
    ? { nik: undefined, email: undefined }
    : { nik: nik(fields['nik']), email: email(fields['email']) };
  if (!options.seal && !signer.nik && !signer.email) refuse('nik', 'atau email wajib diisi.');
  // The seal signs with its batch code only (seal/get/totp); no person's passphrase opens it.
  const credential = options.seal ? sealCode(fields) : credentialOf(fields, true);
  const rawFiles = fields['file'];
  const files = Array.isArray(rawFiles) ? rawFiles : rawFiles === undefined ? [] : [rawFiles];
  if (files.length === 0) refuse('file', 'wajib diisi (daftar dokumen PDF base64).');
  if (files.length > V2_MAX_FILES) refuse('file', `paling banyak ${V2_MAX_FILES} dokumen per panggilan.`);
  const rawProps = fields['signatureProperties'];
  const props: unknown[] = Array.isArray(rawProps) ? rawProps : rawProps === undefined ? [{}] : [rawProps];
  if (props.length !== 1 && props.length !== files.length)
    refuse('signatureProperties', 'harus satu untuk semua dokumen atau satu per dokumen.');
  const documents = files.map((file, i): DocumentToSign => {
    const pdf = base64Bytes(`file[${i}]`, file, options.maxPdfBytes);
    const p = props.length === 1 ? props[0] : props[i];
    if (typeof p !== 'object' || p === null || Array.isArray(p))
      refuse(`signatureProperties[${i}]`, 'harus berupa objek.');
    const entry = p as Record<string, unknown>;
    const visible = visibility('tampilan', entry['tampilan']) ?? false;
    let appearance: SignatureAppearance = { visible: false };
    if (visible) {
      const placement = placementOf(entry, { page: 'page', x: 'originX', y: 'originY' });
      if (!placement) refuse('page', 'atau tag_koordinat wajib diisi untuk tampilan VISIBLE.');
      const image = present(entry['imageBase64'], 'imageBase64');
      if (image !== undefined)
        appearance = {
          visible: true,
          placement,
          mark: { kind: 'image', image: base64Bytes('imageBase64', image, options.maxImageBytes) },
        };
      else if (placement.kind === 'tag')
        appearance = {
          visible: true,
          placement,
          mark: { kind: 'qr', link: link('linkQR', entry['linkQR']) },
        };
      else refuse('imageBase64', 'wajib diisi untuk tampilan VISIBLE (atau gunakan tag_koordinat).');
    }
    return {
      pdf,
      appearance,
      details: details(entry),
      pdfPassword: secretField('pdfPassword', entry['pdfPassword']),
    };
  });
  return { signer, credential, documents, response: 'base64' };
}
