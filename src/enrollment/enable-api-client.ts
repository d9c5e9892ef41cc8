/** Enables a disabled API client again (with the secret it had). */
import type { IdentityContext } from '../identity/identity-context.js';
import type { ApiClientManager, ApiClientRow, PublicApiClient } from './api-client-records.js';
import { setApiClientEnabled } from './set-api-client-enabled.js';

export const enableApiClient = (
  ctx: IdentityContext,
  manager: ApiClientManager,
  client: ApiClientRow,
): Promise<PublicApiClient> => setApiClientEnabled(ctx, manager, client, true);
