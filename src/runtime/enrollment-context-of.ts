import { flagForRenewal } from '../certificates/flag-for-renewal.js';
import type { EnrollmentContext } from '../enrollment/enrollment-context.js';
import { identityContextOf } from './identity-context-of.js';
import type { Runtime } from './open-runtime.js';

/** The enrollment module's view of the runtime: messages go through the notify outbox. */
export function enrollmentContextOf(rt: Runtime, options: { now?: () => number } = {}): EnrollmentContext {
  return {
    now: options.now ?? rt.now,
    db: rt.db,
    config: rt.config,
    master: rt.masterKey,
    guard: rt.guard,
    identity: identityContextOf(rt, options),
    notify: async (tx, message) => {
      await rt.notify.enqueue(tx, message);
    },
    onProfileChanged: async (tx, accountId, fields) => {
      await flagForRenewal(tx, accountId, fields);
    },
    notifyMany: async (tx, messages) => {
      await rt.notify.enqueueMany(tx, messages);
    },
  };
}
