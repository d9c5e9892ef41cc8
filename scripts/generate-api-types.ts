// Writes console/src/api/schema.d.ts from the server's OpenAPI document (`npm run api:generate`).
import fs from 'node:fs';
import path from 'node:path';
import { apiTypesFile, renderApiTypes } from './lib/render-api-types.js';

fs.writeFileSync(apiTypesFile, await renderApiTypes());
console.log(`wrote ${path.relative(process.cwd(), apiTypesFile)}`);
