/**
 * The guard's per-address quota of link e-mails (`link_email`, TEKEN_LINK_EMAILS_PER_HOUR), shared
 * with "Lupa Password" and the administrators' links: an invitation, a re-send and an HR system's
 * call each take one unit for the address they mail.
 */
import { TekenError } from '../errors/teken-error.js';
import type { EnrollmentContext } from './enrollment-context.js';

/** Takes one unit for `email` (lower-cased), or throws ERR_AUTH_THROTTLED with `retryAfterSeconds`. */
export async function takeLinkEmailQuota(ctx: EnrollmentContext, email: string): Promise<void> {
  const quota = await ctx.guard.consume('link_email', email.toLowerCase());
  if (!quota.ok)
    throw new TekenError(
      'ERR_AUTH_THROTTLED',
      `email: at most ${ctx.config.identity.linkEmailsPerHour} link e-mails per hour go to one address. Try again later.`,
      { details: { field: 'email', retryAfterSeconds: quota.retryAfterSeconds } },
    );
}
