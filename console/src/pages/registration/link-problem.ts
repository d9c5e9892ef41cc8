/** Which refusals end the wizard (the link itself is over) rather than being shown at a field. */
import { ApiError } from '../../api/client';

export const linkCodes: readonly string[] = [
  'ERR_LINK_INVALID',
  'ERR_LINK_USED',
  'ERR_LINK_EXPIRED',
  'ERR_AUTH_REQUIRED',
];

/** The link's own problems end the wizard; every other refusal is shown at its field. */
export function isLinkProblem(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (linkCodes.includes(error.code) || (error.code === 'ERR_AUTH_THROTTLED' && !error.details?.field))
  );
}
