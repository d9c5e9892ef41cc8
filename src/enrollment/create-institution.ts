/**
 * Creates an institution (Instansi) with its e-mail domains, province and registration policy;
 * policy fields not given take their defaults (docs/enrollment.md). The code is the one given, or
 * one derived from the name ("Kementerian Keuangan" → "KK", then "KK-2" if taken).
 */
import crypto from 'node:crypto';
import { eq, like, or } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Db, Tx } from '../db/open-database.js';
import { institutions } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import {
  actorName,
  authorizeInstitution,
  institutionView,
  validCode,
  validDomains,
  validName,
  validPolicy,
  validProvince,
  type InstitutionActor,
  type InstitutionView,
} from './institutions.js';

export interface CreateInstitutionInput {
  name?: unknown;
  emailDomains?: unknown;
  code?: unknown;
  province?: unknown;
  policy?: unknown;
}

/** Initials of the name's words (letters and digits only), or its first letters for one word. */
export function codeFromName(name: string): string {
  const words = name
    .normalize('NFKD')
    .toUpperCase()
    .replace(/[^A-Z0-9 ]/g, ' ')
    .split(' ')
    .filter(Boolean);
  const initials = words.map((w) => w[0]).join('');
  const code = words.length >= 2 ? initials : (words[0] ?? '');
  return (code.length >= 2 ? code : words.join('') || 'INST').slice(0, 12);
}

async function freeCode(tx: Tx, base: string): Promise<string> {
  const taken = new Set(
    (
      await tx
        .select({ code: institutions.code })
        .from(institutions)
        .where(or(eq(institutions.code, base), like(institutions.code, `${base}-%`)))
    ).map((r) => r.code),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function createInstitution(
  db: Db,
  by: InstitutionActor,
  input: CreateInstitutionInput,
): Promise<InstitutionView> {
  authorizeInstitution(by, 'institution.create');
  const name = validName(input.name);
  const emailDomains = validDomains(input.emailDomains);
  const province = validProvince(input.province);
  const policy = validPolicy(input.policy);
  const given = input.code === undefined || input.code === null ? undefined : validCode(input.code);
  return db.transaction(async (tx) => {
    let code: string;
    if (given) {
      const [clash] = await tx
        .select({ id: institutions.id })
        .from(institutions)
        .where(eq(institutions.code, given));
      if (clash)
        throw new TekenError('ERR_INSTITUTION_CODE_TAKEN', `The code ${given} is taken.`, {
          details: { field: 'code' },
        });
      code = given;
    } else code = await freeCode(tx, codeFromName(name));
    const [row] = await tx
      .insert(institutions)
      .values({ id: crypto.randomUUID(), code, name, emailDomains, province, ...policy })
      .returning();
    await recordAuditEvent(tx, {
      actor: actorName(by),
      action: 'institution.created',
      target: `institution:${row!.id}`,
      details: { code, emailDomains, province, policy },
    });
    return institutionView(row!);
  });
}
