/** Disables an API client of an institution: its next call is refused. */
import type { IdentityContext } from '../identity/identity-context.js';
import type { ApiClientManager, ApiClientRow, PublicApiClient } from './api-client-records.js';
import { setApiClientEnabled } from './set-api-client-enabled.js';

export const disableApiClient = (
  ctx: IdentityContext,
  manager: ApiClientManager,
  client: ApiClientRow,
): Promise<PublicApiClient> => setApiClientEnabled(ctx, manager, client, false);
