/**
 * "Tanda Tangan Dokumen" (Sertifikat Saya, the console): a signed-in holder signs one or more PDFs
 * with their own active eSign certificate, entering the passphrase once for the batch. The page
 * sends every document with its placement (a box on a page, in PDF units as the reader sees the
 * page; a tag text; or invisible), the appearance (a QR code of the document's verification link,
 * or a specimen image) and the optional reason and location, as JSON with base64 files, the same
 * as the console's other uploads and the eSign API v2's bulk signing.
 *
 * The signing itself is the signing use case (src/signing/sign-documents.ts, `signDocuments`): it
 * finds the holder's certificate, opens the key once (a wrong passphrase counted by the attempt
 * guard, a batch under one signing authorisation), signs, records and audits each document. This
 * route only reads and checks what the page sent, before any key is opened, and answers the signed
 * files; nothing is kept for a later download (the page holds the files and zips them itself).
 */
import { listSubscriberCertificates } from '../../certificates/list-subscriber-certificates.js';
import type { Config } from '../../config/load-config.js';
import { TekenError } from '../../errors/teken-error.js';
import type { IdentityContext } from '../../identity/identity-context.js';
import type { DocumentToSign, SignatureAppearance } from '../../signing/esign/sign-request.js';
import { signDocuments, type SigningContext } from '../../signing/sign-documents.js';
import { routeGroup } from '../route-group.js';
import {
  arrayOf,
  integer,
  object,
  responses,
  secret,
  strictObject,
  stringEnum,
  text,
  timestamp,
  uuid,
} from '../schemas.js';
import { authOf, useSessionAuth } from '../session-auth.js';

export interface DocumentSigningRoutesOptions {
  identity: IdentityContext;
  signing: SigningContext;
  limits: Config['consoleSigning'];
}

/** The specimen image's limit, the engine's (appearance.ts). */
export const MAX_SPECIMEN_BYTES = 5 * 1024 * 1024;
/** ISO 32000's largest page dimension: a box beyond it is a typo. */
const COORD_MAX = 14_400;
const TAG_MAX = 64;

const base64 = (maxBytes: number) =>
  ({
    type: 'string',
    minLength: 1,
    maxLength: Math.ceil(maxBytes / 3) * 4,
    pattern: '^[A-Za-z0-9+/]*={0,2}$',
  }) as const;
const coordinate = { type: 'number', minimum: 0, maximum: COORD_MAX } as const;

interface PlacementBody {
  type: 'box' | 'tag' | 'invisible';
  page?: number;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  tag?: string;
}

interface SignBody {
  passphrase: string;
  certificateId?: string;
  appearance: { type: 'qr' | 'image'; imageBase64?: string };
  reason?: string;
  location?: string;
  documents: { name: string; contentBase64: string; pdfPassword?: string; placement: PlacementBody }[];
}

function refuse(field: string, message: string): never {
  throw new TekenError('ERR_INPUT_INVALID', message, { details: { field } });
}

/** Bytes of a base64 field the schema has checked the alphabet of; the length must be whole. */
function decode(value: string, field: string): Buffer {
  if (value.length % 4 !== 0) refuse(field, `${field}: not base64.`);
  return Buffer.from(value, 'base64');
}

const trimmed = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** The page's request as the signing use case's documents; refuses what cannot be signed. */
export function readConsoleSignBody(body: SignBody, limits: Config['consoleSigning']): DocumentToSign[] {
  if (body.documents.length === 0) refuse('documents', 'documents: at least one PDF.');
  if (body.documents.length > limits.maxDocuments)
    refuse('documents', `documents: at most ${limits.maxDocuments} PDFs in one batch.`);
  let image: Buffer | undefined;
  if (body.appearance.type === 'image') {
    if (!body.appearance.imageBase64)
      refuse('appearance.imageBase64', 'appearance.imageBase64: the specimen image (JPEG or PNG).');
    image = decode(body.appearance.imageBase64, 'appearance.imageBase64');
    const png = image.length > 8 && image.readUInt32BE(0) === 0x89504e47;
    const jpeg = image.length > 3 && image[0] === 0xff && image[1] === 0xd8 && image[2] === 0xff;
    if (!png && !jpeg) refuse('appearance.imageBase64', 'appearance.imageBase64: a JPEG or PNG image.');
  } else if (body.appearance.imageBase64 !== undefined)
    refuse('appearance.imageBase64', 'appearance.imageBase64: only with appearance.type "image".');
  const details = {
    reason: trimmed(body.reason),
    location: trimmed(body.location),
    contactInfo: undefined,
    text: undefined,
  };
  let total = 0;
  return body.documents.map((document, i) => {
    const field = (name: string) => `documents[${i}].${name}`;
    const pdf = decode(document.contentBase64, field('contentBase64'));
    total += pdf.length;
    if (total > limits.maxBytes)
      throw new TekenError(
        'ERR_INPUT_TOO_LARGE',
        `The PDFs of one batch: at most ${limits.maxBytes} bytes.`,
        {
          details: { field: 'documents', maxBytes: limits.maxBytes },
        },
      );
    if (pdf.subarray(0, 1024).indexOf('%PDF-') < 0)
      refuse(field('contentBase64'), `${document.name}: not a PDF.`);
    const p = document.placement;
    const only = (allowed: readonly (keyof PlacementBody)[]) => {
      for (const key of ['page', 'x', 'y', 'width', 'height', 'tag'] as const)
        if (p[key] !== undefined && !allowed.includes(key))
          refuse(field(`placement.${key}`), `${field(`placement.${key}`)}: not with placement "${p.type}".`);
    };
    let appearance: SignatureAppearance;
    const mark = image ? { kind: 'image' as const, image } : { kind: 'qr' as const, link: undefined };
    if (p.type === 'invisible') {
      only([]);
      appearance = { visible: false };
    } else if (p.type === 'tag') {
      only(['tag', 'width', 'height']);
      if (!p.tag || p.tag.length > TAG_MAX)
        refuse(field('placement.tag'), `The tag: 1 to ${TAG_MAX} characters.`);
      if (p.width === 0 || p.height === 0)
        refuse(field('placement.width'), 'The box needs a positive width and height.');
      appearance = {
        visible: true,
        placement: { kind: 'tag', tag: p.tag, width: p.width, height: p.height },
        mark,
      };
    } else {
      only(['page', 'x', 'y', 'width', 'height']);
      for (const key of ['page', 'x', 'y', 'width', 'height'] as const)
        if (p[key] === undefined)
          refuse(field(`placement.${key}`), `${field(`placement.${key}`)}: required for a box.`);
      if (!p.width || !p.height)
        refuse(field('placement.width'), 'The box needs a positive width and height.');
      appearance = {
        visible: true,
        placement: { kind: 'box', page: p.page!, x: p.x!, y: p.y!, width: p.width, height: p.height },
        mark,
      };
    }
    return { pdf, appearance, details, pdfPassword: document.pdfPassword || undefined };
  });
}

/** The signed file's name: the upload's, with "_signed" before ".pdf". */
export function signedName(name: string): string {
  const base = name.replace(/[\\/]/g, '_').replace(/\.pdf$/i, '');
  return `${base || 'dokumen'}_signed.pdf`;
}

const signingCertificate = strictObject(
  {
    id: uuid(),
    commonName: { type: 'string' },
    serial: { type: 'string' },
    validUntil: timestamp,
    validUntilText: {
      type: 'string',
      description: 'In Indonesian; the console formats `validUntil` itself.',
    },
  },
  { title: 'SigningCertificate' },
);

export const documentSigningRoutes = routeGroup<DocumentSigningRoutesOptions>(
  (app, { identity, signing: ctx, limits }) => {
    useSessionAuth(app, identity);
    const bodyLimit = Math.ceil(limits.maxBytes / 3) * 4 + Math.ceil(MAX_SPECIMEN_BYTES / 3) * 4 + 256 * 1024;

    app.get(
      '/api/v1/signing/documents',
      {
        config: { access: 'session' },
        schema: {
          summary:
            'Tanda Tangan Dokumen: the limits of one batch and the caller’s certificate that signs (their active eSign certificate; null when they have none).',
          response: responses({
            200: strictObject(
              {
                maxDocuments: { type: 'integer' },
                maxBytes: { type: 'integer' },
                maxImageBytes: { type: 'integer' },
                certificate: { ...signingCertificate, type: ['object', 'null'] },
              },
              { title: 'DocumentSigningOptions' },
            ),
          }),
        },
      },
      async (request) => {
        const actor = authOf(request).account;
        const mine = await listSubscriberCertificates(ctx, actor, actor.id);
        const active = mine.find((c) => c.product === 'esign' && c.status === 'Issued');
        return {
          maxDocuments: limits.maxDocuments,
          maxBytes: limits.maxBytes,
          maxImageBytes: MAX_SPECIMEN_BYTES,
          certificate: active
            ? {
                id: active.id,
                commonName: active.commonName,
                serial: active.serial,
                validUntil: active.validUntil,
                validUntilText: active.validUntilText,
              }
            : null,
        };
      },
    );

    app.post<{ Body: SignBody }>(
      '/api/v1/signing/documents',
      {
        config: { access: 'session' },
        bodyLimit,
        schema: {
          summary:
            'Tanda Tangan Dokumen: signs the PDFs with the caller’s own active eSign certificate, the passphrase entered once for the batch (a wrong one is counted and locks the key). Answers the signed files; nothing is kept for a later download.',
          body: object(
            {
              passphrase: secret(512),
              certificateId: uuid(
                'The certificate the page showed (default: the caller’s active eSign certificate).',
              ),
              appearance: object(
                {
                  type: stringEnum(['qr', 'image'] as const),
                  imageBase64: base64(MAX_SPECIMEN_BYTES),
                },
                ['type'],
              ),
              reason: text(200),
              location: text(200),
              documents: {
                ...arrayOf(
                  object(
                    {
                      name: text(200, { minLength: 1 }),
                      contentBase64: base64(limits.maxBytes),
                      pdfPassword: secret(512),
                      placement: object(
                        {
                          type: stringEnum(['box', 'tag', 'invisible'] as const),
                          page: integer(1, 100_000),
                          x: coordinate,
                          y: coordinate,
                          width: coordinate,
                          height: coordinate,
                          tag: text(TAG_MAX, { minLength: 1 }),
                        },
                        ['type'],
                      ),
                    },
                    ['name', 'contentBase64', 'placement'],
                  ),
                  limits.maxDocuments,
                ),
                minItems: 1,
              },
            },
            ['passphrase', 'appearance', 'documents'],
          ),
          response: responses({
            200: strictObject(
              {
                documents: arrayOf(
                  strictObject({
                    id: { type: 'string', pattern: '^[0-9a-f]{32}$' },
                    name: { type: 'string', description: 'The upload’s name with "_signed".' },
                    contentBase64: { type: 'string' },
                    sha256: { type: 'string', description: 'Of the signed file, hex.' },
                    signingTime: timestamp,
                  }),
                ),
              },
              { title: 'SignedDocuments' },
            ),
          }),
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        const documents = readConsoleSignBody(request.body, limits);
        const holder = authOf(request).account;
        // Nothing is kept for a later download: the page receives the files now.
        const signed = await signDocuments(ctx, {
          holder: holder.id,
          ...(request.body.certificateId ? { certificate: request.body.certificateId } : {}),
          credential: { kind: 'passphrase', passphrase: request.body.passphrase },
          documents,
          actor: `account:${holder.id}`,
          channel: 'console',
          address: request.ip,
          keep: false,
        });
        return {
          documents: signed.documents.map((d, i) => {
            const pdf = Buffer.from(d.pdf.buffer, d.pdf.byteOffset, d.pdf.byteLength);
            return {
              id: d.id,
              name: signedName(request.body.documents[i]!.name),
              contentBase64: pdf.toString('base64'),
              sha256: d.sha256,
              signingTime: d.signingTime.toISOString(),
            };
          }),
        };
      },
    );
  },
);
