/**
 * A listening Teken with an initialised CA, two institutions (A and B), an API client of each, and
 * holders with issued eSign certificates, for the signing use case and the eSign sign routes; plus
 * the judges' trust material made from Teken's own CA (a bundle for openssl, an NSS database that
 * trusts Teken's root for pdfsig, which checks offline: the certificates' OCSP URL is this test
 * server, which cannot answer while the test waits for pdfsig).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { approveCertificateRequest } from '../../src/certificates/decide-certificate-request.js';
import { requestCertificate } from '../../src/certificates/request-certificate.js';
import { setPassphraseAsOperator, subscriberAgreement } from '../../src/certificates/set-passphrase.js';
import { accounts, registrations } from '../../src/db/schema.js';
import { addSubscriber } from '../../src/enrollment/add-subscriber.js';
import { createApiClient } from '../../src/enrollment/create-api-client.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import { toPem } from '../../src/pki/certificate-assembly.js';
import { certificatesContextOf } from '../../src/runtime/certificates-context-of.js';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
import { identityContextOf } from '../../src/runtime/identity-context-of.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { runTool } from './run-tool.js';
import { syntheticPerson } from './synthetic-identity.js';
import { startTestServer } from './test-server.js';
import { tmpDir } from './tmp-dir.js';

export const PASSPHRASE = 'Rahasia#2026';

export const signingEnv = {
  TEKEN_PASSPHRASE_ARGON2_MEMORY_KIB: '19456',
  TEKEN_PASSPHRASE_ARGON2_ITERATIONS: '1',
  TEKEN_ESIGN_KEY: 'p256',
  TEKEN_FAILURE_DELAY_MS: '0',
};

export interface Holder {
  accountId: string;
  nik: string;
  email: string;
}

export async function signingFixture(overrides: Record<string, string> = {}) {
  const server = await startTestServer({ ...signingEnv, ...overrides });
  const rt = server.rt;
  let n = 0;
  const tag = crypto.randomBytes(3).toString('hex');
  const institution = async (name: string, domain: string) => {
    const { id } = await createInstitution(
      rt.db,
      { operator: 'test' },
      { name, emailDomains: [domain], province: 'Jawa Barat', policy: { fourEyes: false } },
    );
    const client = await createApiClient(identityContextOf(rt), { operator: 'test' }, id, {
      description: `Aplikasi ${name}`,
    });
    return {
      id,
      domain,
      clientId: client.id,
      basic: `Basic ${Buffer.from(`${client.username}:${client.secret}`).toString('base64')}`,
    };
  };
  const a = await institution('Dinas Uji Tanda Tangan', `ttd${tag}.go.id`);
  const b = await institution('Dinas Lain Tanda Tangan', `lain${tag}.go.id`);

  /** A verified holder at the institution, with an issued eSign certificate unless `issue: false`. */
  async function holder(at = a, options: { issue?: boolean } = {}): Promise<Holder> {
    const person = syntheticPerson();
    const email = `penanda${++n}.${crypto.randomBytes(3).toString('hex')}@${at.domain}`;
    const { accountId } = await addSubscriber(enrollmentContextOf(rt), 'test', {
      institutionId: at.id,
      fullName: person.fullName,
      email,
      nik: person.nik,
      verified: true,
    });
    await rt.db
      .update(registrations)
      .set({ jabatan: 'Analis', unitOrganisasi: 'Bidang Persandian' })
      .where(eq(registrations.accountId, accountId));
    if (options.issue !== false) {
      const ctx = certificatesContextOf(rt);
      const [account] = await rt.db.select().from(accounts).where(eq(accounts.id, accountId));
      const { id } = await requestCertificate(ctx, account!, { product: 'esign' });
      await approveCertificateRequest(ctx, { operator: 'test' }, id);
      await setPassphraseAsOperator(ctx, 'test', id, {
        passphrase: PASSPHRASE,
        agreementVersion: subscriberAgreement().version,
      });
    }
    return { accountId, nik: person.nik, email };
  }

  return { server, rt, a, b, holder, judges: judgesOf(rt) };
}

/**
 * The judges' trust material for a runtime's CA: Teken's root in an NSS database for pdfsig
 * (offline: the OCSP URL is the test server), and a bundle of every CA for openssl.
 */
export function judgesOf(rt: Runtime) {
  // The judges trust Teken's root; the bundle holds every CA (the signer's and the TSA's).
  const dir = tmpDir('teken-judges-');
  const cas = rt.registry.all();
  const root = cas.find((ca) => ca.kind === 'root')!;
  const rootFile = path.join(dir, 'root.pem');
  fs.writeFileSync(rootFile, toPem(root.certificateDer));
  const bundleFile = path.join(dir, 'bundle.pem');
  fs.writeFileSync(bundleFile, cas.map((ca) => toPem(ca.certificateDer)).join(''));
  const nssDir = path.join(dir, 'nss');
  fs.mkdirSync(nssDir);
  for (const args of [
    ['-N', '-d', `sql:${nssDir}`, '--empty-password'],
    ['-A', '-d', `sql:${nssDir}`, '-n', 'teken-root', '-t', 'CT,C,C', '-i', rootFile],
  ]) {
    const r = runTool('certutil', args);
    if (r.status !== 0) throw new Error(`certutil: ${r.stderr}`);
  }
  return { nssDir, bundleFile, dir, offline: true };
}
