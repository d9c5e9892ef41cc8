/** One institution with its policy: for CA admins any, for an institution admin their own. */
import type { Db } from '../db/open-database.js';
import {
  authorizeInstitution,
  getInstitution,
  institutionView,
  type InstitutionActor,
  type InstitutionView,
} from './institutions.js';

export async function readInstitution(db: Db, by: InstitutionActor, id: string): Promise<InstitutionView> {
  authorizeInstitution(
    by,
    'institution.read',
    'account' in by ? { institutionId: by.account.institutionId } : undefined,
  );
  const row = await getInstitution(db, id);
  authorizeInstitution(by, 'institution.read', { institutionId: row.id });
  return institutionView(row);
}
