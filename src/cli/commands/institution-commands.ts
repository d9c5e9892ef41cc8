/** `teken institution create | list`: institutions (Instansi) without the browser. */
import { createInstitution } from '../../enrollment/create-institution.js';
import { listInstitutions } from '../../enrollment/list-institutions.js';
import { TekenError } from '../../errors/teken-error.js';
import { cliActor, withRuntime, write, type CliIo } from '../cli-context.js';

export const institutionCreateUsage =
  'teken institution create --name "<name>" --domain <domain>[,<domain>] [--province "<province>"] [--code <code>] [--json]';

/** Prints the new institution's id, or with `--json` the institution as JSON. */
export async function institutionCreate(
  io: CliIo,
  o: {
    name?: string | undefined;
    domain?: string | undefined;
    province?: string | undefined;
    code?: string | undefined;
    json: boolean;
  },
): Promise<number> {
  if (o.name === undefined || o.domain === undefined)
    throw new TekenError('ERR_INPUT_INVALID', `Usage: ${institutionCreateUsage}`);
  return withRuntime(io, async (rt) => {
    const created = await createInstitution(
      rt.db,
      { operator: cliActor() },
      {
        name: o.name,
        emailDomains: o.domain!.split(','),
        ...(o.province !== undefined ? { province: o.province } : {}),
        ...(o.code !== undefined ? { code: o.code } : {}),
      },
    );
    write(io.stdout, o.json ? JSON.stringify(created) : created.id);
    return 0;
  });
}

/** A readable table, or with `--json` `{ total, institutions }`. */
export async function institutionList(io: CliIo, o: { json: boolean }): Promise<number> {
  return withRuntime(io, async (rt) => {
    const all = [];
    let total: number;
    for (let offset = 0; ; offset += 200) {
      const page = await listInstitutions(rt.db, { operator: cliActor() }, { limit: 200, offset });
      total = page.total;
      all.push(...page.institutions);
      if (page.institutions.length < 200) break;
    }
    if (o.json) {
      write(io.stdout, JSON.stringify({ total, institutions: all }));
      return 0;
    }
    if (all.length === 0) {
      write(
        io.stdout,
        'No institutions yet. Create one with: teken institution create --name ... --domain ...',
      );
      return 0;
    }
    const rows = [
      ['ID', 'CODE', 'NAME', 'DOMAINS', 'PROVINCE', 'ACTIVE'],
      ...all.map((i) => [
        i.id,
        i.code,
        i.name,
        i.emailDomains.join(','),
        i.province ?? '-',
        i.active ? 'yes' : 'no',
      ]),
    ];
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
    const lines = rows.map((r) =>
      r
        .map((cell, c) => (c === r.length - 1 ? cell : cell + ' '.repeat(widths[c]! - [...cell].length)))
        .join('  '),
    );
    write(io.stdout, lines.join('\n'));
    return 0;
  });
}
