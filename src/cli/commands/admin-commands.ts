import type { Role } from '../../db/schema.js';
import { TekenError } from '../../errors/teken-error.js';
import { roles } from '../../identity/accounts.js';
import { createAdministrator } from '../../identity/bootstrap-admin.js';
import { identityContextOf } from '../../runtime/identity-context-of.js';
import { cliActor, withRuntime, write, type CliIo } from '../cli-context.js';

export async function adminCreate(
  io: CliIo,
  o: {
    username?: string | undefined;
    email?: string | undefined;
    name?: string | undefined;
    role?: string | undefined;
  },
): Promise<number> {
  if (!o.username || !o.email || !o.name) {
    throw new TekenError(
      'ERR_INPUT_INVALID',
      'Usage: teken admin create --username <name> --email <address> --name "<full name>" [--role ca_admin|institution_admin|ra_officer]',
    );
  }
  const role = (o.role ?? 'ca_admin') as Role;
  if (!roles.includes(role))
    throw new TekenError('ERR_INPUT_INVALID', `--role must be one of ${roles.join(', ')}.`);
  return withRuntime(io, async (rt) => {
    const { link } = await createAdministrator(
      identityContextOf(rt),
      { username: o.username!, email: o.email!, fullName: o.name!, roles: [role] },
      cliActor(),
    );
    write(io.stdout, `created ${role} "${o.username}". One-time setup link (valid 24 hours):\n${link}`);
    return 0;
  });
}
