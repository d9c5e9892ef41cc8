/**
 * Child process of test/certificates/set-passphrase-crash.db.test.ts: opens the runtime configured
 * by its environment, prints "ready", then sets the passphrase of every approved eSign request in
 * turn (oldest first) until it is killed, printing each request's id as soon as its certificate is
 * issued. Writes to a pipe are synchronous on Linux, so a printed id is in the pipe before the next
 * set-passphrase starts.
 */
import { asc, eq } from 'drizzle-orm';
import { setPassphraseAsOperator, subscriberAgreement } from '../../src/certificates/set-passphrase.js';
import { loadConfig } from '../../src/config/load-config.js';
import { certificateRequests } from '../../src/db/schema.js';
import { isTekenError } from '../../src/errors/teken-error.js';
import { certificatesContextOf } from '../../src/runtime/certificates-context-of.js';
import { createLogger } from '../../src/runtime/logger.js';
import { openRuntime } from '../../src/runtime/open-runtime.js';

const rt = await openRuntime(loadConfig(process.env), { log: createLogger('silent') });
await rt.registry.ensureLoaded();
const ctx = certificatesContextOf(rt);
const approved = await rt.db
  .select({ id: certificateRequests.id })
  .from(certificateRequests)
  .where(eq(certificateRequests.status, 'approved'))
  .orderBy(asc(certificateRequests.createdAt), asc(certificateRequests.id));
process.stdout.write('ready\n');
for (const { id } of approved) {
  try {
    await setPassphraseAsOperator(ctx, 'crash-test', id, {
      passphrase: 'Crash#Passphrase1',
      agreementVersion: subscriberAgreement().version,
    });
  } catch (error) {
    // The key of a set-passphrase killed in an earlier round is still pending (the reconciler
    // settles it): as a user retrying too soon would, move on.
    if (isTekenError(error, 'ERR_CERT_REQUEST_STATE')) continue;
    throw error;
  }
  process.stdout.write(`${id}\n`);
  if (Math.random() < 0.3) await rt.sealAudit();
}
process.stdout.write('done\n');
await rt.close();
