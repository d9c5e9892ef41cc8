/**
 * Child process of test/authority/crash-recovery.db.test.ts: opens the runtime configured by its
 * environment (TEKEN_DATA_DIR or DATABASE_URL), prints "ready", then issues certificates until it
 * is killed, printing each serial on its own line as soon as issueCertificate returns. Writes to a
 * pipe are synchronous on Linux, so a printed serial is in the pipe before the next issuance starts.
 *
 * Usage: node --import tsx test/helpers/crash-issuer.ts <round>
 */
import crypto from 'node:crypto';
import { issueCertificate } from '../../src/authority/issue-certificate.js';
import { loadConfig } from '../../src/config/load-config.js';
import { parseDistinguishedName } from '../../src/pki/distinguished-name.js';
import { createLogger } from '../../src/runtime/logger.js';
import { openRuntime } from '../../src/runtime/open-runtime.js';

const round = process.argv[2] ?? '0';
const rt = await openRuntime(loadConfig(process.env), { log: createLogger('silent') });
await rt.registry.ensureLoaded();
process.stdout.write('ready\n');

for (let i = 0; ; i++) {
  const { publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const issued = await issueCertificate(rt.authority, {
    caId: 'individual',
    profile: 'individual',
    subject: parseDistinguishedName(`CN=Crash ${round}-${i}, C=ID`),
    altNames: [],
    spkiDer: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })),
    actor: 'crash-test',
  });
  process.stdout.write(`${issued.serialHex}\n`);
  // Seal now and then, as `teken serve` does, so a kill may also land in the sealer.
  if (i % 5 === 4) await rt.sealAudit();
}
