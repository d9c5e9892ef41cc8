// Writes docs/configuration.md from src/config/options.ts (`npm run docs:config`).
// test/config/config-docs.test.ts fails when the file is out of date.
import fs from 'node:fs';
import path from 'node:path';
import { renderConfigurationDocs } from '../src/config/render-config-docs.js';

const target = path.resolve(import.meta.dirname, '..', 'docs', 'configuration.md');
fs.writeFileSync(target, renderConfigurationDocs());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
