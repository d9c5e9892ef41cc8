/**
 * The Fastify application, built apart from listening so tests drive it through `inject()`.
 */
import http from 'node:http';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyReply,
} from 'fastify';
import { OcspResponder } from '../authority/ocsp-responder.js';
import { TekenError } from '../errors/teken-error.js';
import type { Runtime } from '../runtime/open-runtime.js';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import { resendOutboxMessage } from '../notify/resend-outbox-message.js';
import { listOutbox } from '../notify/list-outbox.js';
import { readOutboxMessage } from '../notify/read-outbox-message.js';
import { ocspErrorResponse } from '../pki/ocsp.js';
import { identityContextOf } from '../runtime/identity-context-of.js';
import { defaultAccess, enforceAccessDeclarations, type RouteEntry } from './access.js';
import {
  problemOf,
  problemSchema,
  registerNotFound,
  registerProblemHandlers,
  sendProblem,
} from './problem.js';
import { accountRoutes } from './routes/account-routes.js';
import { adminRoutes } from './routes/admin-routes.js';
import { apiClientRoutes } from './routes/api-client-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { caRoutes } from './routes/ca-routes.js';
import { consoleConfigRoutes } from './routes/console-config-routes.js';
import { consoleDist, consoleRoutes, loadConsoleShell } from './routes/console-routes.js';
import { createCrlCache, crlRoutes, type CrlCache } from './routes/crl-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { institutionRoutes } from './routes/institution-routes.js';
import { registrationImportRoutes } from './routes/registration-import-routes.js';
import { registrationWizardRoutes } from './routes/registration-wizard-routes.js';
import { createFaceMatcher } from '../enrollment/adapters/face-match.js';
import { createPersonnelRegistry } from '../enrollment/adapters/personnel-registry.js';
import { certificatesContextOf } from '../runtime/certificates-context-of.js';
import { signingContextOf } from '../runtime/signing-context-of.js';
import type { SignPdfEngine } from '../signing/sign-documents.js';
import { raRoutes } from './routes/ra-routes.js';
import { passphraseResetRoutes } from './routes/passphrase-reset-routes.js';
import { revocationRoutes } from './routes/revocation-routes.js';
import { certificateRoutes } from './routes/certificate-routes.js';
import { documentSigningRoutes } from './routes/document-signing-routes.js';
import { renewalRoutes } from './routes/renewal-routes.js';
import { certificateRequestRoutes } from './routes/certificate-request-routes.js';
// Profile changes (Ubah Profil).
import { changeRequestRoutes } from './routes/change-request-routes.js';
import { profileRoutes } from './routes/profile-routes.js';
import { enrollmentContextOf } from '../runtime/enrollment-context-of.js';
import { ocspRoutes, type RawRequestHandler } from './routes/ocsp-routes.js';
import { repositoryRoutes } from './routes/repository-routes.js';
import { verifyRoutes } from './routes/verify-routes.js';
import { lookUpSignedDocument } from '../signing/look-up-signed-document.js';
import {
  createPdfVerifier,
  MAX_VERIFY_PDF_BYTES,
  readTrustAnchors,
  type ValidatePdfEngine,
} from '../signing/verify/pdf-verifier.js';
import { tsaRoutes } from './routes/tsa-routes.js';
import { whoamiRoutes } from './routes/whoami-routes.js';
import { hrRegistrationRoutes } from './routes/hr-registration-routes.js';
import { esignRoutes } from './routes/esign-routes.js';
import { esignV1Routes } from './routes/esign-v1-routes.js';
import { sendBsreError } from './api-client-auth.js';
import { totpApprovalRoutes } from './routes/totp-approval-routes.js';
import { registrationRoutes } from './routes/registration-routes.js';
import { selfRegistrationRoutes } from './routes/self-registration-routes.js';
import { profilePhoneRoutes, registrationPhoneRoutes } from './routes/phone-routes.js';
// The HTTP edge: headers, body draining, client errors, metrics (one file each).
import { createMetrics, type TekenMetrics } from '../runtime/metrics.js';
import { registerBodyDrain } from './body-drain.js';
import { clientErrorHandler } from './client-errors.js';
import { registerHttpMetrics } from './http-metrics.js';
import { registerSecurityHeaders, securityHeaders } from './security-headers.js';

export interface TekenApp {
  app: FastifyInstance;
  ocsp: OcspResponder;
  crls: CrlCache;
  /** Every registered route with its declared access (the route-list tests walk it). */
  routes: readonly RouteEntry[];
  /** The Prometheus registry of this app (served by the metrics listener, see start-server.ts). */
  metrics: TekenMetrics;
}

export interface BuildAppOptions {
  /** Clock for authenticator codes (tests). */
  now?: () => number;
  /** Extra route plugins (tests), registered after the built-in ones. */
  plugins?: FastifyPluginAsync[];
  /** The PAdES engine of the signing routes: `teken serve`'s worker pool (start-server.ts); else in process. */
  signPdf?: SignPdfEngine;
  /** Documents of one call signed at once: the pool's size (start-server.ts); else one at a time. */
  signConcurrency?: number;
  /** The validator of the verify routes: `teken serve`'s worker pool (start-server.ts); else in process. */
  validatePdf?: ValidatePdfEngine;
}

/** The paths of BSrE's eSign API (esign-routes.ts, hr-registration-routes.ts): BSrE's error shape. */
const BSRE_API_PATH = /^\/api\/(sign|user|v2|seal)\//;

/**
 * A v1 client's URL as it means it: clients join a base URL ending in `/api/sign/` with `pdf`,
 * `/pdf` or `pdf/`, so repeated and trailing slashes of /api/sign/ paths are dropped (the query
 * stays as it is).
 */
export function bsreV1Url(url: string): string {
  if (!/^\/+api\/+sign\//.test(url)) return url;
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const tidy = path.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
  return q === -1 ? tidy : tidy + url.slice(q);
}

export async function buildApp(rt: Runtime, options: BuildAppOptions = {}): Promise<TekenApp> {
  // Requests the OCSP hot path answers itself, before Fastify (see ocsp-routes.ts).
  const hotPath: { handle?: RawRequestHandler } = {};
  const metrics = createMetrics({
    db: rt.db,
    engine: rt.database.engine,
    ...(rt.database.poolStats ? { pool: rt.database.poolStats } : {}),
  });
  const app = Fastify({
    // Fastify's own HTTP/1.1 server with the same timeouts, plus the OCSP hot path in front.
    serverFactory: (handler, options) => {
      const server = http.createServer((req, res) => {
        if (!hotPath.handle?.(req, res)) handler(req, res);
      });
      server.keepAliveTimeout = options.keepAliveTimeout as number;
      server.requestTimeout = options.requestTimeout as number;
      server.setTimeout(options.connectionTimeout as number);
      return server;
    },
    // The cast pins Fastify's logger type parameter to its base type, which the route helpers expect.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    loggerInstance: rt.log as FastifyBaseLogger,
    bodyLimit: rt.config.bodyLimitBytes,
    // TEKEN_TRUST_PROXY: X-Forwarded-For is believed only from these addresses (request.ip).
    trustProxy: rt.config.identity.trustProxy.length > 0 ? rt.config.identity.trustProxy : false,
    clientErrorHandler: clientErrorHandler(rt.log, securityHeaders(rt.config.publicUrl)),
    requestIdHeader: false,
    return503OnClosing: true,
    rewriteUrl: (req) => bsreV1Url(req.url ?? '/'),
    // Unknown properties are refused, not silently dropped: bad input gets a clear error.
    ajv: { customOptions: { removeAdditional: false } },
    // Errors raised before routing (a URL that does not decode, a bad header): OCSP clients get
    // an OCSP answer, everyone else problem+json.
    frameworkErrors: (error, request, rawReply) => {
      const reply = rawReply as FastifyReply;
      if (request.url.startsWith('/ocsp')) {
        void reply
          .code(200)
          .header('cache-control', 'no-store')
          .type('application/ocsp-response')
          .send(Buffer.from(ocspErrorResponse('malformedRequest')));
        return;
      }
      // BSrE's eSign API (its clients read `error`), as api-client-auth.ts answers after routing.
      if (BSRE_API_PATH.test(request.url)) {
        void sendBsreError(reply, problemOf('ERR_INPUT_INVALID', error.message));
        return;
      }
      void sendProblem(reply, problemOf('ERR_INPUT_INVALID', error.message));
    },
  });
  registerProblemHandlers(app);
  // Every route declares its access, or the app does not start (access.ts).
  const routes: RouteEntry[] = [];
  enforceAccessDeclarations(app, routes);
  app.addSchema(problemSchema);
  registerSecurityHeaders(app, rt.config.publicUrl);
  registerBodyDrain(app, rt.config.bodyDrainLimitBytes);
  // The guard's refusals, by kind and by budget (e.g. `password:address`, `reset_request:quota`).
  rt.guard.observe({ refused: (kind, by) => metrics.throttleRefused(`${kind}:${by}`) });
  registerHttpMetrics(app, metrics);
  // JSON only: text/plain is what a cross-site HTML form can send without a preflight.
  app.removeContentTypeParser('text/plain');
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Teken API',
        version: '1',
        description: 'Errors are RFC 9457 problem+json with a stable `code` (docs/errors.md).',
      },
    },
    // Shared schemas keep their $id as the component name (Account, Problem, ...), for generated types.
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());
  const ocsp = new OcspResponder(rt.authority);
  const identity = identityContextOf(rt, options);
  // Each route group is an encapsulated plugin: its options are all it can reach.
  await app.register(authRoutes, { identity });
  await app.register(accountRoutes, { identity });
  await app.register(adminRoutes, {
    identity,
    outbox: {
      list: (limit, offset, status) =>
        listOutbox(rt.db, rt.masterKey, { limit, offset, ...(status ? { status } : {}) }),
      resend: (actorId, id) => resendOutboxMessage(rt.db, actorId, id),
      read: async (id) => {
        const message = await readOutboxMessage(
          rt.db,
          rt.masterKey,
          id,
          rt.config.organisationName,
          rt.notify.templates,
        );
        if (!message) throw new TekenError('ERR_RESOURCE_NOT_FOUND', 'No such message.');
        return message;
      },
    },
  });
  await app.register(institutionRoutes, { identity, db: rt.db });
  // The registration wizard (activation link) and its consent documents; one registry adapter per
  // app, so its circuit breaker sees every call.
  await app.register(registrationWizardRoutes, {
    ctx: enrollmentContextOf(rt, options),
    registry: createPersonnelRegistry(rt.config.wizard.personnelRegistry),
    photoLimits: { maxBytes: rt.config.wizard.photoMaxBytes, maxPixels: rt.config.wizard.photoMaxPixels },
  });
  // The RA desk (menu "RA").
  await app.register(raRoutes, { identity, enrollment: enrollmentContextOf(rt, options) });
  // Certificate requests, the RA's decision and the set-passphrase link.
  await app.register(certificateRequestRoutes, {
    identity,
    certificates: certificatesContextOf(rt, options),
  });
  // API clients: the console's management (session) and the clients' own routes (HTTP Basic).
  await app.register(apiClientRoutes, { identity });
  // CSV registration import ("Impor Pengguna").
  await app.register(registrationImportRoutes, {
    identity,
    enrollment: enrollmentContextOf(rt, options),
    log: rt.log,
  });
  await app.register(whoamiRoutes, { identity });
  // Starting a registration: invite and re-send (session), HR systems (HTTP Basic), self-registration.
  const enrollment = enrollmentContextOf(rt, options);
  await app.register(registrationRoutes, { enrollment });
  await app.register(hrRegistrationRoutes, { enrollment });
  // BSrE's eSign API for institutions' apps (HTTP Basic of their API clients).
  // The one PDF validator: the eSign verify endpoints and the public "Verifikasi PDF".
  // Under `teken serve`, each document is validated in the worker pool, bounded in time and memory.
  const verifier = createPdfVerifier(
    rt.db,
    rt.registry,
    readTrustAnchors(rt.config.verify.trustAnchorsFile),
    { maxBytes: MAX_VERIFY_PDF_BYTES },
    options.validatePdf,
  );
  await app.register(esignRoutes, { identity, certificates: signingContextOf(rt, options), verifier });
  // v1's multipart routes (sign/pdf, sign/verify), apart for their multipart parser.
  await app.register(esignV1Routes, { identity, certificates: signingContextOf(rt, options), verifier });
  await app.register(verifyRoutes, {
    verifier,
    limit: (address) => rt.guard.consume('verify_request', address),
    lookUpDocument: (id) => lookUpSignedDocument(rt.db, id),
  });
  // "[BSrE] Persetujuan Tanda Tangan": the holder approves (or refuses) an API client's TOTP request.
  await app.register(totpApprovalRoutes, { identity, certificates: certificatesContextOf(rt, options) });
  await app.register(selfRegistrationRoutes, { enrollment });
  // Phone verification over WhatsApp: the wizard's and "Ubah nomor HP".
  await app.register(registrationPhoneRoutes, { enrollment });
  await app.register(profilePhoneRoutes, { enrollment });
  // Profile changes (Ubah Profil): the subscriber's side and the RA desk's queue.
  await app.register(profileRoutes, { enrollment });
  await app.register(changeRequestRoutes, { enrollment });
  // Daftar Sertifikat Elektronik: list, Info, Unduh, Ubah passphrase, keystore and its link.
  await app.register(certificateRoutes, { identity, certificates: certificatesContextOf(rt, options) });
  // Tanda Tangan Dokumen: the holder signs PDFs with their own certificate (the signing use case).
  await app.register(documentSigningRoutes, {
    identity,
    signing: signingContextOf(rt, options),
    limits: rt.config.consoleSigning,
  });
  // Reset passphrase: the start, the link's selfie and new passphrase, the RA's selfie checks.
  await app.register(passphraseResetRoutes, {
    identity,
    certificates: certificatesContextOf(rt, options),
    faceMatcher: createFaceMatcher(rt.config.wizard.faceMatch),
    photoLimits: { maxBytes: rt.config.wizard.photoMaxBytes, maxPixels: rt.config.wizard.photoMaxPixels },
  });
  // Pencabutan, suspension and release of subscriber certificates.
  await app.register(revocationRoutes, { identity, certificates: certificatesContextOf(rt, options) });
  await app.register(renewalRoutes, { identity, certificates: certificatesContextOf(rt, options) });
  await app.register(consoleConfigRoutes, { organisationName: rt.config.organisationName });
  await app.register(healthRoutes, { database: rt.database, registry: rt.registry });
  await app.register(caRoutes, { registry: rt.registry });
  await app.register(repositoryRoutes, { registry: rt.registry, config: rt.config });
  // RFC 3161 time-stamping, limited per client address through the attempt guard's quota.
  rt.tsa.observe({ answered: (outcome) => metrics.tsaAnswer(outcome) });
  await app.register(tsaRoutes, {
    tsa: rt.tsa,
    limit: (address) => rt.guard.consume('tsa_request', address),
  });
  const crls = createCrlCache(rt.db);
  await app.register(crlRoutes, { crls, statusMaxAgeSeconds: rt.config.statusMaxAgeSeconds });
  // The OCSP routes (and the hot path in front of Fastify) are public by nature.
  await app.register((scope, _opts, done) => {
    defaultAccess(scope, 'public');
    hotPath.handle = ocspRoutes(scope, rt, ocsp, metrics);
    done();
  });
  for (const plugin of options.plugins ?? []) await app.register(plugin);
  const sendShell = loadConsoleShell(consoleDist);
  if (sendShell) await app.register(consoleRoutes, { dist: consoleDist, sendShell });
  registerNotFound(app, sendShell);
  await app.ready();
  return { app, ocsp, crls, routes, metrics };
}
