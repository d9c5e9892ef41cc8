import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { AuthorityContext } from '../../src/authority/authority-context.js';
import { initialiseHierarchy } from '../../src/authority/initialise-hierarchy.js';
import { issueFromCsr, type IssuedCertificate } from '../../src/authority/issue-certificate.js';
import { toPem } from '../../src/pki/certificate-assembly.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { openssl } from './run-tool.js';
import { openTestRuntime } from './test-runtime.js';
import { tmpDir } from './tmp-dir.js';

export interface CaFixture {
  rt: Runtime;
  env: Record<string, string>;
  dir: string;
  /** PEM file of a CA certificate. */
  caPem(id: string): string;
  /** PEM file with the issuing CA (for -untrusted) */
  chainFile(id: string): string;
  /** Writes a PEM file and returns its path. */
  write(name: string, content: string | Uint8Array): string;
}

/**
 * Writes each CA certificate of the runtime to `<dir>/<id>.pem`, and root + individual to
 * `<dir>/bundle.pem` (what `openssl ocsp -CAfile` needs for the individual CA); returns the bundle.
 */
export function writeCaPems(rt: Runtime, dir: string): string {
  for (const ca of rt.registry.all())
    fs.writeFileSync(path.join(dir, `${ca.id}.pem`), toPem(ca.certificateDer));
  const bundle = path.join(dir, 'bundle.pem');
  fs.writeFileSync(
    bundle,
    fs.readFileSync(path.join(dir, 'root.pem'), 'utf8') +
      fs.readFileSync(path.join(dir, 'individual.pem'), 'utf8'),
  );
  return bundle;
}

/** A runtime with an initialised hierarchy and the CA certificates written as files. */
export async function caFixture(overrides: Record<string, string> = {}): Promise<CaFixture> {
  const { rt, env } = await openTestRuntime(overrides);
  await initialiseHierarchy(rt.authority, 'test');
  const dir = tmpDir();
  const write = (name: string, content: string | Uint8Array) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };
  writeCaPems(rt, dir);
  return {
    rt,
    env,
    dir,
    caPem: (id) => path.join(dir, `${id}.pem`),
    chainFile: (id) => path.join(dir, `${id}.pem`),
    write,
  };
}

/** Makes a key and CSR with OpenSSL; returns the CSR (PEM) and the key file. */
export function opensslCsr(
  dir: string,
  name: string,
  subject: string,
  options: { key?: string[]; addext?: string[] } = {},
) {
  const keyFile = path.join(dir, `${name}.key`);
  const csrFile = path.join(dir, `${name}.csr`);
  openssl([
    'req',
    '-new',
    '-nodes',
    ...(options.key ?? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']),
    '-keyout',
    keyFile,
    '-out',
    csrFile,
    '-subj',
    subject,
    ...(options.addext ?? []).flatMap((e) => ['-addext', e]),
  ]);
  return { csrFile, keyFile, csrPem: fs.readFileSync(csrFile, 'utf8') };
}

/**
 * A personal certificate of the individual CA for a new OpenSSL key and CSR (subject
 * C=ID, O=Contoh, CN=<name>), written as PEM to `<dir>/<certFile>`.
 */
export async function issuePersonal(
  authority: AuthorityContext,
  dir: string,
  name: string,
  certFile = `${name}.crt`,
): Promise<IssuedCertificate & { file: string }> {
  const { csrPem } = opensslCsr(dir, name, `/C=ID/O=Contoh/CN=${name}`);
  const issued = await issueFromCsr(authority, {
    caId: 'individual',
    profile: 'individual',
    csr: csrPem,
    actor: 'test',
  });
  const file = path.join(dir, certFile);
  fs.writeFileSync(file, issued.pem);
  return { ...issued, file };
}

export function assertVerifies(
  fixture: CaFixture,
  caId: string,
  certFile: string,
  extra: string[] = [],
): string {
  const out = openssl([
    'verify',
    '-x509_strict',
    '-CAfile',
    fixture.caPem('root'),
    '-untrusted',
    fixture.caPem(caId),
    ...extra,
    certFile,
  ]);
  assert.match(out, /: OK/);
  return out;
}
