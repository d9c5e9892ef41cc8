// Writes the generated reference docs (`npm run docs:generate`): docs/configuration.md from
// src/config/options.ts and docs/errors.md from src/errors/catalogue.ts. Tests fail when either is stale.
import fs from 'node:fs';
import path from 'node:path';
import { renderConfigurationDocs } from '../src/config/render-config-docs.js';
import { renderErrorDocs } from '../src/errors/render-error-docs.js';

const docs = path.resolve(import.meta.dirname, '..', 'docs');
fs.writeFileSync(path.join(docs, 'configuration.md'), renderConfigurationDocs());
fs.writeFileSync(path.join(docs, 'errors.md'), renderErrorDocs());
console.log('wrote docs/configuration.md and docs/errors.md');
