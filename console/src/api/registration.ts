/**
 * The registration wizard's calls (`/api/v1/registration/*`, access `activation`). Their credential
 * is the activation token from the e-mailed link `/aktivasi#<token>`: taken out of the address bar at
 * once, kept in sessionStorage (so a reload of the tab works, and it ends with the tab), and sent as
 * `Authorization: Bearer`; it is never put in a URL or a log.
 */
import { apiImage, apiRequest } from './client';

const storageKey = 'teken.activation';

/** The token of the link this tab was opened with: from the fragment (then stored), else stored. */
export function takeActivationToken(): string | undefined {
  const fromLink = window.location.hash.slice(1);
  if (fromLink) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    try {
      sessionStorage.setItem(storageKey, fromLink);
    } catch {
      // Private mode without storage: the token lives in this page only.
      memoryToken = fromLink;
    }
    return fromLink;
  }
  try {
    return sessionStorage.getItem(storageKey) ?? memoryToken;
  } catch {
    return memoryToken;
  }
}
let memoryToken: string | undefined;

/** Forgets the token (after submit, or when the server says the link is over). */
export function forgetActivationToken(): void {
  memoryToken = undefined;
  try {
    sessionStorage.removeItem(storageKey);
  } catch {
    // nothing stored
  }
}

export type EmployeeType = 'asn' | 'other';
export type ConsentDocumentName = string;

// HAND-WRITTEN until the routes have response schemas in schema.d.ts (npm run api:generate).
export interface RegistrationState {
  status: string;
  step: number;
  email: string;
  fullName: string;
  institution: { name: string; rules?: Record<string, unknown> };
  dataDiri: {
    fullName: string | null;
    nik: string | null;
    gelarDepan: string | null;
    gelarBelakang: string | null;
    phone: string | null;
    phoneVerified: boolean;
  };
  dataKedinasan: {
    employeeType: EmployeeType | null;
    nip: string | null;
    nipVerifiedBy: 'bkn' | 'manual' | null;
    unitOrganisasi: string | null;
    jabatan: string | null;
    province: string | null;
  };
  photo: { selfie: boolean; ktp: boolean };
  consents: { document: string; version: string; acceptedAt?: string }[];
  consentDocuments: { document: ConsentDocumentName; version: string; title: string }[];
  registryEnabled: boolean;
  linkExpiresAt: string;
}

export interface DataDiriInput {
  fullName: string;
  nik: string;
  gelarDepan?: string;
  gelarBelakang?: string;
  phone: string;
}

export interface DataKedinasanInput {
  employeeType: EmployeeType;
  nip?: string;
  unitOrganisasi: string;
  jabatan: string;
  province: string;
}

export interface NipCheck {
  /** `bkn` when the registry confirmed it; null when only the format (and the NIK) was checked. */
  verifiedBy: 'bkn' | 'manual' | null;
  unitOrganisasi?: string | null;
  jabatan?: string | null;
  province?: string | null;
  message?: string;
}

/** A consent document as the public `GET /api/v1/consents` gives it: its full, versioned text. */
export interface ConsentText {
  document: string;
  version: string;
  title: string;
  text: string;
}

const base = '/api/v1/registration';

export const registrationApi = {
  read: (token: string) => apiRequest<RegistrationState>('GET', base, undefined, { bearer: token }),
  saveDataDiri: (token: string, body: DataDiriInput) =>
    apiRequest<unknown>('PUT', `${base}/data-diri`, body, { bearer: token }),
  checkNip: (token: string, nip: string) =>
    apiRequest<NipCheck>('POST', `${base}/check-nip`, { nip }, { bearer: token }),
  saveDataKedinasan: (token: string, body: DataKedinasanInput) =>
    apiRequest<unknown>('PUT', `${base}/data-kedinasan`, body, { bearer: token }),
  savePhoto: (token: string, kind: 'selfie' | 'ktp', image: Blob) =>
    apiRequest<unknown>('PUT', `${base}/photo/${kind}`, image, { bearer: token }),
  photo: (token: string, kind: 'selfie' | 'ktp') => apiImage(`${base}/photo/${kind}`, token),
  saveConsents: (token: string, accepted: { document: string; version: string }[]) =>
    apiRequest<unknown>('PUT', `${base}/consents`, { accepted }, { bearer: token }),
  submit: (token: string) => apiRequest<{ status: string }>('POST', `${base}/submit`, {}, { bearer: token }),
  /** Public: the texts of the consent documents, in the user's language where there is one. */
  consentTexts: (lang: 'id' | 'en') =>
    apiRequest<{ documents: ConsentText[] }>('GET', `/api/v1/consents?locale=${lang}`, undefined, {
      redirectOnAuthRequired: false,
    }),
};
