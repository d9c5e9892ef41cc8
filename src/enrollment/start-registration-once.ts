/**
 * One registration in a transaction of its own, for the routes that start one person's
 * registration (an invitation, the HR API, self-registration). startRegistration reads before it
 * inserts (is the e-mail an open registration to re-send, or an account?), so two simultaneous
 * calls for one address can both read nothing; the second insert then hits the unique e-mail
 * index. That transaction is retried once: it now sees the first one's row and answers as a later
 * call would (a re-send, or ERR_ACCOUNT_EXISTS), never the bare unique violation.
 */
import { isUniqueViolation } from '../db/map-database-error.js';
import type { EnrollmentContext } from './enrollment-context.js';
import {
  startRegistration,
  type StartedRegistration,
  type StartRegistrationInput,
} from './start-registration.js';

export async function startRegistrationOnce(
  ctx: EnrollmentContext,
  input: StartRegistrationInput,
): Promise<StartedRegistration> {
  const run = () => ctx.db.transaction((tx) => startRegistration(ctx, tx, input));
  try {
    return await run();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return run();
  }
}
