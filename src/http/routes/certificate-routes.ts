/**
 * "Sertifikat Saya" → Daftar Sertifikat Elektronik (seed 003): the list with what Aksi offers per
 * certificate, Info, Unduh (PEM with the chain, or DER), Ubah passphrase and the self-service
 * keystore; the public page of a DOWNLOAD_KEYSTORE link (`/keystore#<token>`: the token travels in
 * the body or `Authorization: Bearer`, never in a URL); and the RA's "Kirim tautan" DOWNLOAD_KEYSTORE
 * from Tinjau Ulang → Sertifikat Elektronik.
 *
 * The use cases are in src/certificates and authorize every call there (authorize.ts through
 * certificate-records.ts): the holder acts on their own certificates, staff read their
 * institution's; what one may not read does not exist for them (404). Every passphrase goes through
 * `unlockSubscriberKey`, so wrong ones are counted per certificate by the one attempt guard.
 */
import type { FastifyReply } from 'fastify';
import { certificateActionNames } from '../../certificates/certificate-actions.js';
import type { CertificatesContext } from '../../certificates/certificates-context.js';
import { changePassphrase } from '../../certificates/change-passphrase.js';
import { downloadCertificate } from '../../certificates/download-certificate.js';
import {
  downloadKeystore,
  downloadKeystoreByLink,
  readKeystoreLink,
  type Keystore,
} from '../../certificates/download-keystore.js';
import { listSubscriberCertificates } from '../../certificates/list-subscriber-certificates.js';
import { historyEvents, readCertificateInfo } from '../../certificates/read-certificate-info.js';
import { sendKeystoreLink } from '../../certificates/send-keystore-link.js';
import type { IdentityContext } from '../../identity/identity-context.js';
import { formatWib } from '../../notify/format-wib.js';
import { linkToken } from '../link-token.js';
import { routeGroup } from '../route-group.js';
import {
  arrayOf,
  noContent,
  nullableString,
  nullableTimestamp,
  object,
  responses,
  secret,
  strictObject,
  stringEnum,
  text,
  timestamp,
  uuid,
  uuidParams,
} from '../schemas.js';
import { authOf, useSessionAuth } from '../session-auth.js';

export interface CertificateRoutesOptions {
  identity: IdentityContext;
  certificates: CertificatesContext;
}

const displayStatuses = ['Issued', 'Renew', 'On Revoke', 'Revoked', 'Expired', 'Suspended'] as const;

const listItem = strictObject(
  {
    id: uuid(),
    commonName: { type: 'string' },
    enrollMethod: { type: 'string', description: 'Metode Enroll: Esign (the key is held by the service).' },
    product: { type: 'string' },
    productLabel: { type: 'string', description: 'Jenis Sertifikat Elektronik.' },
    validUntil: timestamp,
    validUntilText: { type: 'string', description: 'Valid Sampai: "Rabu, 21 Oktober 2026 pukul 09.35 WIB".' },
    status: stringEnum(displayStatuses),
    downloadedAt: nullableTimestamp,
    note: { ...nullableString, description: 'Catatan: "Telah di unduh @ 21 Oktober 2024".' },
    serial: { type: 'string' },
    actions: arrayOf(stringEnum(certificateActionNames)),
  },
  { title: 'SubscriberCertificate' },
);

const info = strictObject(
  {
    id: uuid(),
    serial: { type: 'string' },
    subject: { type: 'string' },
    issuer: { type: 'string' },
    sha256Fingerprint: { type: 'string' },
    keyAlgorithm: { type: 'string' },
    keyUsages: arrayOf({ type: 'string' }),
    extendedKeyUsages: arrayOf({ type: 'string' }),
    notBefore: timestamp,
    notAfter: timestamp,
    status: stringEnum(displayStatuses),
    history: arrayOf(
      strictObject({
        at: timestamp,
        event: stringEnum([...new Set(Object.values(historyEvents))]),
      }),
    ),
  },
  { title: 'CertificateInfo' },
);

const pkcs12Response = {
  description: 'The PKCS#12 keystore, protected by the passphrase.',
  content: { 'application/x-pkcs12': { schema: {} } },
} as const;

/** A file the browser saves, never caches or sniffs. */
function sendFile(reply: FastifyReply, file: { body: Buffer; contentType: string; filename: string }) {
  return reply
    .header('cache-control', 'no-store')
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .send(file.body);
}

const keystoreFile = (k: Keystore) => ({ ...k, contentType: 'application/x-pkcs12' });

export const certificateRoutes = routeGroup<CertificateRoutesOptions>(
  (app, { identity, certificates: ctx }) => {
    useSessionAuth(app, identity);

    app.get<{ Querystring: { accountId?: string } }>(
      '/api/v1/certificates',
      {
        config: { access: 'session' },
        schema: {
          summary:
            'Daftar Sertifikat Elektronik: the caller’s certificates (or, for RA officers and institution admins, a person’s of their institution), newest first, each with what Aksi offers.',
          querystring: object({ accountId: uuid('Whose certificates (default: the caller’s own).') }),
          response: responses({
            200: strictObject({ certificates: arrayOf(listItem) }, { title: 'SubscriberCertificateList' }),
          }),
        },
      },
      async (request) => {
        const actor = authOf(request).account;
        return {
          certificates: await listSubscriberCertificates(ctx, actor, request.query.accountId ?? actor.id),
        };
      },
    );

    app.get<{ Params: { id: string } }>(
      '/api/v1/certificates/:id',
      {
        config: { access: 'session' },
        schema: {
          summary:
            'Info: serial, issuer, SHA-256 fingerprint, key usages, validity and the status history (from the audit log).',
          params: uuidParams,
          response: responses({ 200: info }),
        },
      },
      async (request) => readCertificateInfo(ctx, authOf(request).account, request.params.id),
    );

    // A POST, not a GET: the holder's download sets Catatan and every download is audited, and a
    // GET (a prefetch, a crawler following a link) must not change anything.
    app.post<{ Params: { id: string }; Body: { format: 'pem' | 'der' } }>(
      '/api/v1/certificates/:id/download',
      {
        config: { access: 'session' },
        schema: {
          summary:
            'Unduh: PEM (the certificate, then its chain up to the root) or DER (the certificate alone). A POST because it records: the holder’s download is Catatan; every download is audited.',
          params: uuidParams,
          body: object({ format: stringEnum(['pem', 'der'] as const) }, ['format']),
          response: responses({
            200: {
              description: 'The certificate file.',
              content: {
                'application/x-pem-file': { schema: {} },
                'application/pkix-cert': { schema: {} },
              },
            },
          }),
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await downloadCertificate(ctx, authOf(request).account, request.params.id, request.body.format),
        ),
    );

    app.post<{
      Params: { id: string };
      Body: { oldPassphrase: string; newPassphrase: string; confirmation: string };
    }>(
      '/api/v1/certificates/:id/passphrase',
      {
        config: { access: 'session' },
        schema: {
          summary:
            'Ubah passphrase: the key is opened with Passphrase Lama (a wrong one is counted and locks the key) and sealed under Passphrase Baru; the same key and certificate.',
          params: uuidParams,
          body: object(
            { oldPassphrase: secret(512), newPassphrase: secret(512), confirmation: secret(512) },
            ['oldPassphrase', 'newPassphrase', 'confirmation'],
          ),
          response: responses({ 204: noContent }),
        },
      },
      async (request, reply) => {
        await changePassphrase(ctx, authOf(request).account, request.params.id, request.body, {
          ip: request.ip,
        });
        return reply.code(204).send();
      },
    );

    app.post<{ Params: { id: string }; Body: { passphrase: string } }>(
      '/api/v1/certificates/:id/keystore',
      {
        config: { access: 'session' },
        schema: {
          summary:
            'The keystore, self-service where the institution allows it (keystoreSelfService): the key and chain as PKCS#12 protected by the passphrase. Audited and mailed.',
          params: uuidParams,
          body: object({ passphrase: secret(512) }, ['passphrase']),
          response: responses({ 200: pkcs12Response }),
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          keystoreFile(
            await downloadKeystore(ctx, authOf(request).account, request.params.id, request.body.passphrase, {
              ip: request.ip,
            }),
          ),
        ),
    );

    app.post<{ Body: { token?: string; locale?: 'id' | 'en' } }>(
      '/api/v1/keystore-link',
      {
        config: { access: 'public' },
        schema: {
          summary:
            'What a DOWNLOAD_KEYSTORE link is for: the certificate (the link stays unused). Guesses count against the address.',
          body: object({ token: text(200), locale: stringEnum(['id', 'en'] as const) }),
          response: responses({
            200: strictObject(
              {
                certificateId: uuid(),
                commonName: { type: 'string' },
                serial: { type: 'string' },
                validUntilText: { type: 'string' },
              },
              { title: 'KeystoreLink' },
            ),
          }),
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        const { certificate, commonName, notAfter } = await readKeystoreLink(ctx, linkToken(request), {
          ip: request.ip,
        });
        return {
          certificateId: certificate.id,
          commonName,
          serial: certificate.serial ?? '',
          validUntilText: notAfter ? formatWib(notAfter, request.body?.locale ?? 'id') : '',
        };
      },
    );

    app.post<{ Body: { token?: string; passphrase: string } }>(
      '/api/v1/keystore-link/download',
      {
        config: { access: 'public' },
        schema: {
          summary:
            'Redeems a DOWNLOAD_KEYSTORE link with the passphrase: the PKCS#12 keystore; the link is used once it is made.',
          body: object({ token: text(200), passphrase: secret(512) }, ['passphrase']),
          response: responses({ 200: pkcs12Response }),
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          keystoreFile(
            await downloadKeystoreByLink(ctx, linkToken(request), request.body.passphrase, {
              ip: request.ip,
            }),
          ),
        ),
    );

    app.post<{ Params: { id: string } }>(
      '/api/v1/ra/certificates/:id/keystore-link',
      {
        config: { access: { action: 'certificate.manage' } },
        schema: {
          summary:
            'Kirim tautan DOWNLOAD_KEYSTORE (Tinjau Ulang → Sertifikat Elektronik): mails the holder a single-use link to download the keystore with the passphrase.',
          params: uuidParams,
          response: responses({
            200: strictObject({ expiresAt: timestamp }, { title: 'KeystoreLinkSent' }),
          }),
        },
      },
      async (request) => sendKeystoreLink(ctx, authOf(request).account, request.params.id),
    );
  },
);
