import type { Role } from '../../db/schema.js';
import { TekenError } from '../../errors/teken-error.js';
import { roles } from '../../identity/accounts.js';
import { SETUP_LINK_HOURS, createAdministrator, operatorSetupLink } from '../../identity/bootstrap-admin.js';
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

/**
 * `teken admin setup-link`: prints a fresh setup link for the first administrator (voiding the
 * older one) while it is unfinished; `--force` resets a CA administrator who lost both factors.
 */
export async function adminSetupLink(
  io: CliIo,
  o: { username?: string | undefined; email?: string | undefined; force: boolean },
): Promise<number> {
  return withRuntime(io, async (rt) => {
    const result = await operatorSetupLink(identityContextOf(rt), o, cliActor());
    if (result.reset) {
      write(
        io.stdout,
        `"${result.username}" was reset: its password, authenticators, sessions and links no longer work.`,
      );
    }
    // Printed on the terminal, never logged: it is a one-time credential for the operator.
    write(
      io.stdout,
      `One-time setup link for "${result.username}" (valid ${SETUP_LINK_HOURS} hours; any older link no longer works):\n\n    ${result.link}\n\nIt sets the authenticator and the password. Account e-mail: ${result.email}`,
    );
    return 0;
  });
}
