/**
 * The URLs BSrE's v1 clients make from a base URL ending in `/api/sign/` (`pdf`, `/pdf`, `pdf/`):
 * doubled and trailing slashes of `/api/sign/` paths are dropped before routing; other paths and
 * the query are left as they are.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bsreV1Url } from '../../src/http/build-app.js';

describe('bsreV1Url', () => {
  it('tidies /api/sign/ paths only', () => {
    for (const [input, output] of [
      ['/api/sign/pdf', '/api/sign/pdf'],
      ['/api/sign//pdf', '/api/sign/pdf'],
      ['/api/sign/pdf/', '/api/sign/pdf'],
      ['//api//sign///verify/', '/api/sign/verify'],
      ['/api/sign//download/0123?x=a//b/', '/api/sign/download/0123?x=a//b/'],
      ['/api/v1/session/', '/api/v1/session/'],
      ['/api/v2//sign/pdf', '/api/v2//sign/pdf'],
      ['/', '/'],
    ] as const)
      assert.equal(bsreV1Url(input), output, input);
  });
});
