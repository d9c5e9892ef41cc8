import type { CertificatesContext } from '../certificates/certificates-context.js';
import { masterOuterLayer } from '../keys/subscriber-key-seal.js';
import type { Runtime } from './open-runtime.js';

/**
 * The certificates module's view of the runtime. Subscriber keys' outer layer is the master key's
 * `subscriber-key/v1` subkey (with TEKEN_KEY_BACKEND=pkcs11 too, for now: the HSM wraps CA keys;
 * wrapping subscriber keys in the HSM is to come, and each key records its layer).
 */
export function certificatesContextOf(
  rt: Runtime,
  options: { now?: () => number } = {},
): CertificatesContext {
  return {
    ...(options.now ? { now: options.now } : {}),
    db: rt.db,
    config: rt.config,
    master: rt.masterKey,
    outer: masterOuterLayer(rt.masterKey),
    guard: rt.guard,
    authority: rt.authority,
    notify: async (tx, message) => {
      await rt.notify.enqueue(tx, message);
    },
  };
}
