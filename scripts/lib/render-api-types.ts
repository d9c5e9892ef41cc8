/**
 * The console's API types from the server's own OpenAPI document: the app is built on a
 * throwaway runtime (an empty PGlite in a temporary directory, a random master key), its
 * `/api/openapi.json` (from @fastify/swagger, out of the route schemas) is read, and
 * openapi-typescript turns it into console/src/api/schema.d.ts. Routes without a response
 * schema come out as `unknown`; console/src/api/types.ts falls back to hand-written types there.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import prettier from 'prettier';
import { loadConfig } from '../../src/config/load-config.js';
import { buildApp } from '../../src/http/build-app.js';
import { createLogger } from '../../src/runtime/logger.js';
import { openRuntime } from '../../src/runtime/open-runtime.js';

export const apiTypesFile = path.resolve(import.meta.dirname, '../../console/src/api/schema.d.ts');

/** The OpenAPI document exactly as `GET /api/openapi.json` serves it. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teken-openapi-'));
  try {
    const config = loadConfig({
      TEKEN_DATA_DIR: dataDir,
      TEKEN_MASTER_KEY: crypto.randomBytes(32).toString('base64'),
      TEKEN_PUBLIC_URL: 'http://localhost:3000',
      TEKEN_LOG_LEVEL: 'silent',
    });
    const rt = await openRuntime(config, { log: createLogger('silent'), warn: () => undefined });
    try {
      const { app } = await buildApp(rt);
      const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      if (response.statusCode !== 200) throw new Error(`/api/openapi.json answered ${response.statusCode}`);
      await app.close();
      return response.json<Record<string, unknown>>();
    } finally {
      await rt.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function renderApiTypes(): Promise<string> {
  const document = await openApiDocument();
  const ast = await openapiTS(document as unknown as OpenAPI3);
  const text =
    '/**\n' +
    " * Generated from the server's OpenAPI document (GET /api/openapi.json) by `npm run api:generate`.\n" +
    ' * Do not edit by hand; a test fails when it is out of step with the route schemas.\n' +
    ' */\n\n' +
    astToString(ast);
  // Formatted as the repository formats it, so `npm run format:check` and the staleness test agree.
  const options = (await prettier.resolveConfig(apiTypesFile)) ?? {};
  return prettier.format(text, { ...options, filepath: apiTypesFile });
}
