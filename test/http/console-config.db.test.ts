import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/build-app.js';
import { openTestRuntime } from '../helpers/test-runtime.js';

describe('GET /api/v1/console-config', () => {
  let app: FastifyInstance;

  before(async () => {
    const { rt } = await openTestRuntime({ TEKEN_ORGANISATION_NAME: 'Balai Sertifikasi Elektronik' });
    app = (await buildApp(rt)).app;
  });

  it('gives the configured organisation name to anyone, signed in or not', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/console-config' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/json/);
    assert.deepEqual(response.json(), { organisationName: 'Balai Sertifikasi Elektronik' });
    assert.match(String(response.headers['cache-control']), /max-age=\d+/);
  });

  it('is documented in the OpenAPI description', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, { get?: { responses?: Record<string, unknown> } }>;
    }>();
    const operation = doc.paths['/api/v1/console-config']?.get;
    assert.ok(operation, 'the path is documented');
    assert.ok(operation.responses?.['200'], 'with its answer');
  });
});
