/**
 * The CSV registration import ("Impor Pengguna (CSV)") for RA officers and institution admins of
 * their own institution (CA admins name one with `?institutionId=`): a preview that writes
 * nothing, the import, its progress and its per-row report.
 *
 * The import runs in the background of the server process: `POST` checks the whole file, opens
 * the job and answers 202 at once; the console polls `GET …/:id`. The file stays in memory only
 * while its job runs. A server that stops mid-way leaves the job unfinished; sending the same file
 * again resumes it after its last committed batch (import-registrations.ts).
 */
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { EnrollmentContext } from '../../enrollment/enrollment-context.js';
import { sourceOfBytes } from '../../enrollment/import-file.js';
import { openImport, runImport, type ImportProgress } from '../../enrollment/import-registrations.js';
import { previewImport } from '../../enrollment/preview-import.js';
import { readImportReport } from '../../enrollment/read-import-report.js';
import { readImport } from '../../enrollment/read-import.js';
import { LIST_IMPORTS_MAX, listImports } from '../../enrollment/list-imports.js';
import { TekenError } from '../../errors/teken-error.js';
import type { IdentityContext } from '../../identity/identity-context.js';
import { Readable } from 'node:stream';
import { addSchemas } from '../account-schemas.js';
import { routeGroup } from '../route-group.js';
import {
  arrayOf,
  integer,
  MAX_INT4,
  nullableString,
  nullableTimestamp,
  object,
  responses,
  stringEnum,
  strictObject,
  timestamp,
  uuid,
  uuidParams,
} from '../schemas.js';
import { authOf, useSessionAuth } from '../session-auth.js';

export interface RegistrationImportRoutesOptions {
  identity: IdentityContext;
  enrollment: EnrollmentContext;
  log: Pick<Logger, 'info' | 'error'>;
}

const count = integer(0, MAX_INT4);
const importSchema = strictObject(
  {
    id: uuid(),
    institutionId: uuid(),
    status: stringEnum(['running', 'done', 'failed'] as const),
    totalRows: count,
    processedRows: count,
    createdRows: count,
    resentRows: count,
    refusedRows: count,
    createdAt: timestamp,
    finishedAt: nullableTimestamp,
    resumedAt: { ...nullableTimestamp, description: 'When the import was last resumed; null if never.' },
  },
  { $id: 'RegistrationImport', title: 'RegistrationImport', description: "A CSV import's progress." },
);

const problemSchema = object(
  {
    column: stringEnum(['nama', 'email', 'bahasa'] as const),
    rule: stringEnum([
      'required',
      'max_length',
      'format',
      'domain',
      'duplicate',
      'registered',
      'one_of',
    ] as const),
    message: {
      type: 'string',
      description: 'The problem in English; the console words it from column, rule and params.',
    },
    params: object({
      row: integer(1, MAX_INT4, 'duplicate: the earlier row with the same address.'),
      max: integer(1, MAX_INT4, 'max_length: the longest allowed.'),
      domains: arrayOf({ type: 'string' }),
    }),
  },
  ['column', 'rule', 'message'],
);

const previewSchema = strictObject({
  institutionId: uuid(),
  counts: strictObject({ rows: count, new: count, resend: count, invalid: count }),
  rows: arrayOf(
    strictObject({
      row: count,
      nama: { type: 'string' },
      email: { type: 'string' },
      bahasa: { ...nullableString, enum: ['id', 'en', null] },
      status: stringEnum(['new', 'resend', 'invalid'] as const),
      problems: arrayOf(problemSchema),
    }),
  ),
  truncated: { type: 'boolean' },
});

const institutionQuery = object({
  institutionId: uuid('The institution (CA administrators); by default the caller\u2019s own.'),
});
const invite = { access: { action: 'registration.invite' } } as const;
const limitsSchema = strictObject(
  {
    maxBytes: integer(1, MAX_INT4, 'TEKEN_IMPORT_MAX_BYTES: the largest file.'),
    maxRows: integer(1, MAX_INT4, 'TEKEN_IMPORT_MAX_ROWS: the most data rows.'),
  },
  { title: 'RegistrationImportLimits' },
);
const csvBody = {
  description: 'The CSV file (text/csv): a header row with nama (or "Nama Lengkap"), email, optional bahasa.',
};

export const registrationImportRoutes = routeGroup<RegistrationImportRoutesOptions>(
  (app, { identity, enrollment: ctx, log }) => {
    useSessionAuth(app, identity);
    addSchemas(app, importSchema);
    const running = new Set<string>();
    const importer = (request: FastifyRequest) => ({ account: authOf(request).account });
    const institutionOf = (request: FastifyRequest<{ Querystring: { institutionId?: string } }>) => {
      const id = request.query.institutionId ?? authOf(request).account.institutionId;
      if (!id)
        throw new TekenError(
          'ERR_INPUT_INVALID',
          'institutionId: required for an account of no institution.',
          {
            details: { field: 'institutionId' },
          },
        );
      return id;
    };
    const fileOf = (request: FastifyRequest): Buffer => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0)
        throw new TekenError('ERR_IMPORT_FILE_INVALID', 'file: the request body must be the CSV file.');
      return request.body;
    };

    // The uploads: only text/csv, no larger than the import limit.
    void app.register((scope, _opts, done) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser(
        ['text/csv', 'application/csv'],
        { parseAs: 'buffer', bodyLimit: ctx.config.enrollment.importMaxBytes },
        (_request, body, next) => {
          next(null, body);
        },
      );

      scope.post<{ Querystring: { institutionId?: string } }>(
        '/api/v1/registration-imports/preview',
        {
          config: invite,
          schema: {
            summary: 'Checks every row of a CSV file as the import would; writes nothing.',
            querystring: institutionQuery,
            consumes: ['text/csv'],
            description: csvBody.description,
            response: responses({ 200: previewSchema }),
          },
        },
        async (request) =>
          previewImport(ctx, importer(request), institutionOf(request), Readable.from([fileOf(request)])),
      );

      scope.post<{ Querystring: { institutionId?: string } }>(
        '/api/v1/registration-imports',
        {
          config: invite,
          schema: {
            summary:
              'Starts the import of a CSV file (or resumes the unfinished import of the same file); it runs in the background.',
            querystring: institutionQuery,
            consumes: ['text/csv'],
            description: csvBody.description,
            response: responses({
              202: strictObject({
                import: { $ref: 'RegistrationImport#' },
                resumed: {
                  type: 'boolean',
                  description: 'Whether this resumed an unfinished import of the same file (no new job).',
                },
              }),
            }),
          },
        },
        async (request, reply) => {
          const source = sourceOfBytes(fileOf(request));
          const { job, resumed } = await openImport(ctx, importer(request), institutionOf(request), source);
          if (!running.has(job.id)) {
            running.add(job.id);
            log.info({ importId: job.id, rows: job.totalRows }, 'registration import started');
            runImport(ctx, job.id, source)
              .then((done: ImportProgress) =>
                log.info(
                  {
                    importId: job.id,
                    created: done.createdRows,
                    resent: done.resentRows,
                    refused: done.refusedRows,
                  },
                  'registration import finished',
                ),
              )
              .catch((error: unknown) =>
                log.error(
                  { importId: job.id, code: error instanceof TekenError ? error.code : 'unexpected' },
                  'registration import failed',
                ),
              )
              .finally(() => running.delete(job.id));
          }
          return reply.code(202).send({ import: job, resumed });
        },
      );
      done();
    });

    app.get<{ Querystring: { limit?: number } }>(
      '/api/v1/registration-imports',
      {
        config: invite,
        schema: {
          summary:
            "The caller's own recent imports, newest first, and the limits of one file (the console's Impor Pengguna page).",
          querystring: object({ limit: integer(1, LIST_IMPORTS_MAX, 'How many (10).') }),
          response: responses({
            200: strictObject({
              imports: arrayOf({ $ref: 'RegistrationImport#' }, LIST_IMPORTS_MAX),
              limits: limitsSchema,
            }),
          }),
        },
      },
      async (request) => ({
        imports: await listImports(ctx, authOf(request).account, request.query.limit),
        limits: {
          maxBytes: ctx.config.enrollment.importMaxBytes,
          maxRows: ctx.config.enrollment.importMaxRows,
        },
      }),
    );

    app.get<{ Params: { id: string } }>(
      '/api/v1/registration-imports/:id',
      {
        config: invite,
        schema: {
          summary: "An import's progress.",
          params: uuidParams,
          response: responses({ 200: strictObject({ import: { $ref: 'RegistrationImport#' } }) }),
        },
      },
      async (request) => ({ import: (await readImport(ctx, importer(request), request.params.id)).progress }),
    );

    app.get<{ Params: { id: string } }>(
      '/api/v1/registration-imports/:id/report',
      {
        config: invite,
        schema: {
          summary: "An import's per-row report as CSV: row, nama, email, result, reason.",
          params: uuidParams,
          produces: ['text/csv'],
          response: responses({ 200: { description: 'The report (text/csv), streamed.' } }),
        },
      },
      async (request, reply) => {
        const lines = readImportReport(ctx, importer(request), request.params.id);
        // The first chunk checks the import and the caller before any header is sent.
        const first = await lines.next();
        const rest = Readable.from(
          (async function* () {
            if (!first.done) yield first.value;
            yield* lines;
          })(),
        );
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="impor-${request.params.id}.csv"`)
          .header('cache-control', 'no-store')
          .send(rest);
      },
    );
  },
);
