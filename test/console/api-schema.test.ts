import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { apiTypesFile, openApiDocument, renderApiTypes } from '../../scripts/lib/render-api-types.js';

describe("the console's API types", () => {
  it('console/src/api/schema.d.ts is generated from the current route schemas', async () => {
    const expected = await renderApiTypes();
    assert.equal(
      fs.readFileSync(apiTypesFile, 'utf8'),
      expected,
      'console/src/api/schema.d.ts is stale: run `npm run api:generate`',
    );
  });

  it('covers the routes the console calls', async () => {
    const document = (await openApiDocument()) as { paths: Record<string, unknown> };
    for (const route of ['/api/v1/session', '/api/v1/auth/sign-in', '/api/v1/admin/accounts/{id}'])
      assert.ok(route in document.paths, route);
  });
});
