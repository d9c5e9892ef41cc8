import type { CertificatesContext } from '../certificates/certificates-context.js';
import type { Pkcs11KeyBackend } from '../keys/pkcs11-backend.js';
import { masterOuterLayer, type OuterLayer } from '../keys/subscriber-key-seal.js';
import type { Runtime } from './open-runtime.js';

const hsmLayers = new WeakMap<Runtime, OuterLayer>();

/**
 * The certificates module's view of the runtime. Subscriber keys' outer layer: the HSM's AES key
 * when TEKEN_KEY_BACKEND=pkcs11 (Pkcs11KeyBackend.wrappingLayer), else the master key's
 * `subscriber-key/v1` subkey. Keys sealed under the master key stay readable after a move to the
 * HSM: each key records its layer, and the master key's is always there.
 */
export function certificatesContextOf(
  rt: Runtime,
  options: { now?: () => number } = {},
): CertificatesContext {
  const master = masterOuterLayer(rt.masterKey);
  let hsm = hsmLayers.get(rt);
  if (!hsm && rt.config.keyBackend === 'pkcs11') {
    hsm = (rt.backends.active as Pkcs11KeyBackend).wrappingLayer();
    hsmLayers.set(rt, hsm);
  }
  return {
    now: options.now ?? rt.now,
    db: rt.db,
    config: rt.config,
    master: rt.masterKey,
    outer: hsm ?? master,
    outers: { master, ...(hsm ? { pkcs11: hsm } : {}) },
    guard: rt.guard,
    authority: rt.authority,
    notify: async (tx, message) => {
      await rt.notify.enqueue(tx, message);
    },
  };
}
