/**
 * Deactivates an institution, or reactivates it. An inactive institution keeps its accounts and
 * history; the registration use cases refuse new registrations for it. Setting the state it
 * already has changes nothing and records nothing.
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
  type InstitutionActor,
  type InstitutionView,
} from './institutions.js';

async function setActive(
  db: Db,
  by: InstitutionActor,
  id: string,
  active: boolean,
): Promise<InstitutionView> {
  authorizeInstitution(by, 'institution.update');
  return db.transaction(async (tx) => {
    const current = await getInstitution(tx, id);
    authorizeInstitution(by, 'institution.update', { institutionId: current.id });
    if (current.active === active) return institutionView(current);
    const [row] = await tx
      .update(institutions)
      .set({ active, updatedAt: new Date() })
      .where(eq(institutions.id, current.id))
      .returning();
    await recordAuditEvent(tx, {
      actor: actorName(by),
      action: active ? 'institution.reactivated' : 'institution.deactivated',
      target: `institution:${current.id}`,
    });
    return institutionView(row!);
  });
}

export const deactivateInstitution = (db: Db, by: InstitutionActor, id: string) =>
  setActive(db, by, id, false);

export const reactivateInstitution = (db: Db, by: InstitutionActor, id: string) =>
  setActive(db, by, id, true);
