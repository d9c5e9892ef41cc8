/**
 * The module table of ARCHITECTURE.md ("Modules", after the design brief) is the rule for imports:
 * every import of every file in src/ (static, `import type`, `export … from` and dynamic `import()`)
 * that crosses a module folder must be one that the importing module's row allows. The table is
 * read from ARCHITECTURE.md, so the document and the code cannot drift apart.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '../..');
const src = path.join(root, 'src');

/** Modules every module may use. */
const usableByAll = new Set(['errors', 'config']);

/**
 * Known breaks of the table in modules not yet restructured, as "importing file -> imported module".
 * Each one is a debt to pay, not a permission: the test fails when one is no longer needed, so the
 * list only shrinks.
 */
const allowlist = new Map<string, string>([
  // identity and notify take the MasterKey (keys/master-key.ts) for encrypting personal data and
  // outbox messages at rest. The master key is key custody below every domain module; it should move
  // to a module identity and notify may use (or be passed in as a narrow sealing interface).
  ['src/identity/identity-context.ts -> keys', 'MasterKey type'],
  ['src/identity/accounts.ts -> keys', 'MasterKey type (the NIK lookup hash of sign-in by NIK)'],
  [
    'src/identity/password-hash.ts -> keys',
    'the one argon2 queue (keys/argon2-turns.ts), shared with passphrase derivations',
  ],
  ['src/notify/enqueue-message.ts -> keys', 'MasterKey type'],
  ['src/notify/deliver-outbox.ts -> keys', 'MasterKey type'],
  ['src/notify/list-outbox.ts -> keys', 'MasterKey type'],
  ['src/notify/read-outbox-message.ts -> keys', 'MasterKey type'],
  // notify takes the runtime's Logger type; runtime is the composition root above notify. The
  // Logger type belongs in a module below (or the channel should take a narrow log function).
  ['src/notify/deliver-outbox.ts -> runtime', 'Logger type'],
  ['src/notify/channels/log-channel.ts -> runtime', 'Logger type'],
  ['src/notify/channels/create-channels.ts -> runtime', 'Logger type'],
  ['src/notify/channels/whatsapp-channel.ts -> runtime', 'Logger type'],
]);

/**
 * Packages that do I/O: the pure `pki` module must not import them (DESIGN.md: "No I/O."). node:net
 * is not listed: general-names.ts uses its pure isIP().
 */
const ioPackages = [
  'fs',
  'fs/promises',
  'http',
  'https',
  'http2',
  'tls',
  'dgram',
  'dns',
  'child_process',
  'worker_threads',
  'pg',
  '@electric-sql/pglite',
  'drizzle-orm',
  'fastify',
  'nodemailer',
  'pkcs11js',
];

/** `null` means "every module" (http, runtime, cli). */
type Rules = Map<string, Set<string> | null>;

function readTable(): Rules {
  const text = fs.readFileSync(path.join(root, 'ARCHITECTURE.md'), 'utf8');
  const section = text.slice(text.indexOf('## Modules (`src/`)'));
  const rules: Rules = new Map();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const folder = /^`([a-z-]+)\/`$/.exec(cells[1] ?? '')?.[1];
    if (!folder) {
      if (rules.size > 0 && !line.startsWith('|')) break; // end of the table
      continue;
    }
    const uses = cells[3] ?? '';
    if (/^every module$/.test(uses)) rules.set(folder, null);
    else {
      const names = [...uses.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!);
      assert.ok(
        names.length > 0 || uses === 'libraries' || uses === '—',
        `ARCHITECTURE.md: the row of ${folder}/ says "${uses}"`,
      );
      rules.set(folder, new Set(names));
    }
  }
  return rules;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

interface Import {
  file: string;
  specifier: string;
}

/** Every module specifier a file imports, through the TypeScript scanner (not a regex). */
function importsOf(file: string): Import[] {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((ref) => ({ file: path.relative(root, file), specifier: ref.fileName }));
}

function moduleOf(relativeToSrc: string): string {
  return relativeToSrc.split(path.sep)[0]!;
}

const rules = readTable();
const files = walk(src);
const imports = files.flatMap(importsOf);

describe('module dependencies (ARCHITECTURE.md "Modules")', () => {
  it('reads a row for every module folder in src/', () => {
    const folders = fs
      .readdirSync(src, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    for (const folder of folders)
      assert.ok(rules.has(folder), `ARCHITECTURE.md has no row for src/${folder}/`);
    assert.deepEqual(rules.get('pki'), new Set(), 'pki uses libraries only');
    assert.deepEqual(rules.get('keys'), new Set(['pki']));
  });

  it('finds the imports, type-only and dynamic ones included', () => {
    // The scanner must see what the rule is about; these are known to exist.
    const seen = (file: string, specifier: string) =>
      imports.some((i) => i.file === file && i.specifier === specifier);
    assert.ok(seen('src/keys/key-backend.ts', '../pki/signer.js'), 'an `import type`');
    assert.ok(seen('src/runtime/open-runtime.ts', '../keys/pkcs11-backend.js'), 'a dynamic import()');
    assert.ok(imports.length > 200);
  });

  it('lets each module import only what its row allows (errors and config from anywhere)', () => {
    const used = new Set<string>();
    const broken: string[] = [];
    for (const { file, specifier } of imports) {
      if (!specifier.startsWith('.')) continue;
      const from = moduleOf(path.relative(src, path.join(root, file)));
      const target = path.relative(src, path.resolve(path.dirname(path.join(root, file)), specifier));
      assert.ok(!target.startsWith('..'), `${file} imports ${specifier}, outside src/`);
      const to = moduleOf(target);
      if (to === from || usableByAll.has(to)) continue;
      const allowed = rules.get(from);
      if (allowed === null || allowed?.has(to)) continue;
      const key = `${file} -> ${to}`;
      if (allowlist.has(key)) {
        used.add(key);
        continue;
      }
      broken.push(
        `${key} (${specifier}): ${from}/ may use ${[...(allowed ?? [])].join(', ') || 'libraries only'}`,
      );
    }
    assert.deepEqual(broken, [], 'imports that break the module table');
    const stale = [...allowlist.keys()].filter((key) => !used.has(key));
    assert.deepEqual(stale, [], 'allowlist entries no longer needed: remove them');
  });

  it('keeps pki free of I/O packages', () => {
    const offending = imports.filter(
      (i) =>
        i.file.startsWith(`src${path.sep}pki${path.sep}`) &&
        ioPackages.includes(i.specifier.replace(/^node:/, '')),
    );
    assert.deepEqual(offending, []);
  });
});
