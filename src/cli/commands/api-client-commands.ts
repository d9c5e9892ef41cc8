/**
 * `teken api-client create | list | disable | enable | update`: the operator's management of API clients, through
 * the same use cases as the console (the operator may manage any institution's clients).
 */
import { findClientByUsername } from '../../enrollment/api-client-records.js';
import { createApiClient } from '../../enrollment/create-api-client.js';
import { disableApiClient } from '../../enrollment/disable-api-client.js';
import { enableApiClient } from '../../enrollment/enable-api-client.js';
import { updateApiClient } from '../../enrollment/update-api-client.js';
import { listApiClients } from '../../enrollment/list-api-clients.js';
import { TekenError } from '../../errors/teken-error.js';
import { identityContextOf } from '../../runtime/identity-context-of.js';
import { cliActor, withRuntime, write, type CliIo } from '../cli-context.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function institutionOf(value: string | undefined, usage: string): string {
  if (!value) throw new TekenError('ERR_INPUT_INVALID', `Usage: ${usage}`);
  if (!uuidPattern.test(value))
    throw new TekenError('ERR_INPUT_INVALID', `--institution must be an institution id (a UUID).`);
  return value.toLowerCase();
}

export async function apiClientCreate(
  io: CliIo,
  o: { institution?: string | undefined; description?: string | undefined; json: boolean },
): Promise<number> {
  const usage = 'teken api-client create --institution <id> --description "<text>" [--json]';
  const institutionId = institutionOf(o.institution, usage);
  if (!o.description) throw new TekenError('ERR_INPUT_INVALID', `Usage: ${usage}`);
  return withRuntime(io, async (rt) => {
    const created = await createApiClient(identityContextOf(rt), { operator: cliActor() }, institutionId, {
      description: o.description!,
    });
    // Printed on the terminal once, never logged: only its hash is stored.
    if (o.json) write(io.stdout, JSON.stringify(created));
    else
      write(
        io.stdout,
        `created API client ${created.id}\n\n    username: ${created.username}\n    secret:   ${created.secret}\n\n` +
          'The secret is shown this once only; store it in the client now (HTTP Basic password).',
      );
    return 0;
  });
}

export async function apiClientList(
  io: CliIo,
  o: { institution?: string | undefined; json: boolean },
): Promise<number> {
  const institutionId = institutionOf(o.institution, 'teken api-client list --institution <id> [--json]');
  return withRuntime(io, async (rt) => {
    const clients = await listApiClients(identityContextOf(rt), { operator: cliActor() }, institutionId);
    if (o.json) {
      write(io.stdout, JSON.stringify(clients));
      return 0;
    }
    if (clients.length === 0) write(io.stdout, 'no API clients');
    for (const c of clients)
      write(
        io.stdout,
        [
          c.username,
          c.enabled ? 'enabled' : 'disabled',
          `${c.rateLimitPerMinute}/min`,
          c.allowedCidrs.length ? c.allowedCidrs.join(',') : 'any address',
          c.lastUsedAt ? `last used ${c.lastUsedAt}` : 'never used',
          c.description,
        ].join('\t'),
      );
    return 0;
  });
}

export async function apiClientDisable(io: CliIo, username: string | undefined): Promise<number> {
  if (!username) throw new TekenError('ERR_INPUT_INVALID', 'Usage: teken api-client disable <username>');
  return withRuntime(io, async (rt) => {
    const ctx = identityContextOf(rt);
    const client = await findClientByUsername(ctx.db, username);
    await disableApiClient(ctx, { operator: cliActor() }, client);
    write(io.stdout, `disabled API client ${client.username}`);
    return 0;
  });
}

export async function apiClientEnable(io: CliIo, username: string | undefined): Promise<number> {
  if (!username) throw new TekenError('ERR_INPUT_INVALID', 'Usage: teken api-client enable <username>');
  return withRuntime(io, async (rt) => {
    const ctx = identityContextOf(rt);
    const client = await findClientByUsername(ctx.db, username);
    await enableApiClient(ctx, { operator: cliActor() }, client);
    write(io.stdout, `enabled API client ${client.username}`);
    return 0;
  });
}

export const apiClientUpdateUsage =
  'teken api-client update <username> [--allow <cidr,...>] [--rate-limit <n>] [--json]';

/**
 * `--allow` replaces the allowlist (comma-separated CIDRs or addresses; `--allow ""` or
 * `--allow any` clears it: any address); `--rate-limit` sets the calls per minute.
 */
export async function apiClientUpdate(
  io: CliIo,
  username: string | undefined,
  o: { allow?: string | undefined; rateLimit?: string | undefined; json: boolean },
): Promise<number> {
  if (!username || (o.allow === undefined && o.rateLimit === undefined))
    throw new TekenError('ERR_INPUT_INVALID', `Usage: ${apiClientUpdateUsage}`);
  let rateLimitPerMinute: number | undefined;
  if (o.rateLimit !== undefined) {
    if (!/^\d{1,9}$/.test(o.rateLimit.trim()))
      throw new TekenError('ERR_INPUT_INVALID', '--rate-limit must be a whole number of calls per minute.');
    rateLimitPerMinute = Number(o.rateLimit.trim());
  }
  const allowedCidrs =
    o.allow === undefined
      ? undefined
      : o.allow.trim() === '' || o.allow.trim().toLowerCase() === 'any'
        ? []
        : o.allow
            .split(',')
            .map((c) => c.trim())
            .filter((c) => c !== '');
  return withRuntime(io, async (rt) => {
    const ctx = identityContextOf(rt);
    const client = await findClientByUsername(ctx.db, username);
    const updated = await updateApiClient(ctx, { operator: cliActor() }, client, {
      ...(allowedCidrs !== undefined ? { allowedCidrs } : {}),
      ...(rateLimitPerMinute !== undefined ? { rateLimitPerMinute } : {}),
    });
    if (o.json) write(io.stdout, JSON.stringify(updated));
    else
      write(
        io.stdout,
        `updated API client ${updated.username}: ${updated.rateLimitPerMinute}/min, ` +
          (updated.allowedCidrs.length ? `allowed from ${updated.allowedCidrs.join(',')}` : 'any address'),
      );
    return 0;
  });
}
