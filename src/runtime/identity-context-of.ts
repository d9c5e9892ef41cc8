import type { IdentityContext } from '../identity/identity-context.js';
import type { Runtime } from './open-runtime.js';

/** The identity module's view of the runtime: e-mails go through the notify outbox. */
export function identityContextOf(rt: Runtime, options: { now?: () => number } = {}): IdentityContext {
  return {
    now: options.now ?? rt.now,
    db: rt.db,
    config: rt.config,
    master: rt.masterKey,
    guard: rt.guard,
    notify: async (tx, message) => {
      await rt.notify.enqueue(tx, message);
    },
  };
}
