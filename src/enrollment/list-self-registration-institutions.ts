/** The institutions open for self-registration (active, policy `selfRegistration` on), for `/daftar`. */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { institutions } from '../db/schema.js';

export interface OpenInstitution {
  id: string;
  name: string;
  emailDomains: string[];
}

export async function listSelfRegistrationInstitutions(db: Db): Promise<OpenInstitution[]> {
  return db
    .select({ id: institutions.id, name: institutions.name, emailDomains: institutions.emailDomains })
    .from(institutions)
    .where(and(eq(institutions.active, true), eq(institutions.selfRegistration, true)))
    .orderBy(asc(institutions.name));
}
