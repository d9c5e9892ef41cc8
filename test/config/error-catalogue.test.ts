import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { errorCatalogue } from '../../src/errors/catalogue.js';
import { renderErrorDocs } from '../../src/errors/render-error-docs.js';
import { TekenError } from '../../src/errors/teken-error.js';

describe('error catalogue', () => {
  it('keeps docs/errors.md in step', () => {
    const docs = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/errors.md'), 'utf8');
    assert.equal(docs, renderErrorDocs(), 'docs/errors.md is stale: run `npm run docs:generate`');
  });

  it('names every code ERR_<AREA>_<CONDITION> with a 4xx or 5xx status', () => {
    for (const [code, entry] of Object.entries(errorCatalogue)) {
      assert.match(code, /^ERR_[A-Z0-9]+(_[A-Z0-9]+)+$/);
      assert.ok(entry.status >= 400 && entry.status < 600, code);
    }
  });

  it('hides messages of server errors and exposes those of caller errors', () => {
    assert.equal(new TekenError('ERR_INPUT_INVALID', 'x').expose, true);
    assert.equal(new TekenError('ERR_KEY_BACKEND', 'HSM slot 3 failed').expose, false);
  });

  it('only uses catalogued codes in the sources', () => {
    const root = path.resolve(import.meta.dirname, '../../src');
    const used = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (full.endsWith('.ts'))
          for (const m of fs.readFileSync(full, 'utf8').matchAll(/'(ERR_[A-Z0-9_]+)'/g)) used.add(m[1]!);
      }
    };
    walk(root);
    for (const code of used) assert.ok(code in errorCatalogue, `${code} is used but not catalogued`);
  });
});
