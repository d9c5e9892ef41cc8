/**
 * The personnel registry adapter (BKN SI ASN / SIPP POLRI behind an operator's gateway): looks up
 * a NIP and answers the person's birth date, gender, Unit Organisasi, Jabatan and Provinsi, which
 * "Cek NIP / NRP" fills in. Contract (docs/registries.md):
 *
 *     POST {TEKEN_PERSONNEL_REGISTRY_URL}/nip/lookup      Authorization: Bearer <token>
 *     {"nip": "199001012015031001"}
 *     → 200 {"nip", "name", "birthDate": "YYYY-MM-DD", "gender": "male"|"female",
 *            "unitOrganisasi", "jabatan", "province", "active": true}
 *     → 404 (no such NIP)
 *
 * Disabled (null) when no URL is configured. A timeout, a 5xx or an unreadable answer is
 * ERR_REGISTRY_UNAVAILABLE and counts against the circuit breaker.
 */
import type { Config } from '../../config/load-config.js';
import { TekenError } from '../../errors/teken-error.js';
import { CircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker.js';
import { callRegistry, type RegistryEndpoint } from './http-json.js';

export interface PersonnelRecord {
  nip: string;
  name: string | null;
  birthDate: string | null;
  gender: 'male' | 'female' | null;
  unitOrganisasi: string | null;
  jabatan: string | null;
  province: string | null;
  active: boolean;
}

export interface PersonnelRegistry {
  /** The record, or null when the registry does not know the NIP. */
  lookUp(nip: string): Promise<PersonnelRecord | null>;
}

const text = (v: unknown, max = 300) =>
  typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : null;

function parseRecord(nip: string, body: unknown): PersonnelRecord {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new TekenError('ERR_REGISTRY_UNAVAILABLE', 'The personnel registry answered in an unknown format.');
  const b = body as Record<string, unknown>;
  if (b.nip !== undefined && b.nip !== nip)
    throw new TekenError('ERR_REGISTRY_UNAVAILABLE', 'The personnel registry answered for another NIP.');
  const birthDate =
    typeof b.birthDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(b.birthDate) ? b.birthDate : null;
  return {
    nip,
    name: text(b.name, 200),
    birthDate,
    gender: b.gender === 'male' || b.gender === 'female' ? b.gender : null,
    unitOrganisasi: text(b.unitOrganisasi),
    jabatan: text(b.jabatan, 200),
    province: text(b.province, 100),
    active: b.active !== false,
  };
}

export function createPersonnelRegistry(
  settings: Config['wizard']['personnelRegistry'],
  breaker: CircuitBreakerOptions = {},
): PersonnelRegistry | null {
  if (!settings.url) return null;
  const endpoint: RegistryEndpoint = {
    name: 'personnel registry',
    url: settings.url,
    token: settings.token,
    timeoutMs: settings.timeoutMs,
    breaker: new CircuitBreaker(breaker),
  };
  return {
    async lookUp(nip) {
      const answer = await callRegistry(endpoint, 'nip/lookup', { nip }, [404]);
      return answer.status === 404 ? null : parseRecord(nip, answer.body);
    },
  };
}
