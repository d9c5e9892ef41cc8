/**
 * Edits an institution: its name, e-mail domains, province and any policy field; fields not given
 * stay as they are. The audit event names the fields that changed, with their new values.
 */
import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Db } from '../db/open-database.js';
import { institutions } from '../db/schema.js';
import {
  actorName,
  authorizeInstitution,
  getInstitution,
  institutionView,
  validDomains,
  validName,
  validPolicy,
  validProvince,
  type InstitutionActor,
  type InstitutionRow,
  type InstitutionView,
} from './institutions.js';

export interface UpdateInstitutionInput {
  name?: unknown;
  emailDomains?: unknown;
  /** null or empty text clears it. */
  province?: unknown;
  policy?: unknown;
}

export async function updateInstitution(
  db: Db,
  by: InstitutionActor,
  id: string,
  input: UpdateInstitutionInput,
): Promise<InstitutionView> {
  authorizeInstitution(by, 'institution.update');
  const wanted: Partial<InstitutionRow> = {
    ...(input.name !== undefined ? { name: validName(input.name) } : {}),
    ...(input.emailDomains !== undefined ? { emailDomains: validDomains(input.emailDomains) } : {}),
    ...(input.province !== undefined ? { province: validProvince(input.province) } : {}),
    ...validPolicy(input.policy),
  };
  return db.transaction(async (tx) => {
    const current = await getInstitution(tx, id);
    authorizeInstitution(by, 'institution.update', { institutionId: current.id });
    const changed = Object.fromEntries(
      Object.entries(wanted).filter(
        ([key, value]) => JSON.stringify(current[key as keyof InstitutionRow]) !== JSON.stringify(value),
      ),
    ) as Partial<InstitutionRow>;
    if (Object.keys(changed).length === 0) return institutionView(current);
    const [row] = await tx
      .update(institutions)
      .set({ ...changed, updatedAt: new Date() })
      .where(eq(institutions.id, current.id))
      .returning();
    await recordAuditEvent(tx, {
      actor: actorName(by),
      action: 'institution.updated',
      target: `institution:${current.id}`,
      details: { changed },
    });
    return institutionView(row!);
  });
}
