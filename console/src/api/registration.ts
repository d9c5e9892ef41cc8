/**
 * The registration wizard's calls (`/api/v1/registration/*`, access `activation`). Their credential
 * is the activation token from the e-mailed link `/aktivasi#<token>`: taken out of the address bar at
 * once, kept in sessionStorage (so a reload of the tab works, and it ends with the tab), and sent as
 * `Authorization: Bearer`; it is never put in a URL or a log.
 */
import { apiImage, apiRequest } from './client';
import type { components, paths } from './schema';

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

/** The JSON body of a route's 200 answer, and its JSON request body, from the generated schema. */
type Ok<O> = O extends { responses: { 200: { content: { 'application/json': infer B } } } } ? B : never;
type In<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type RegistrationState = components['schemas']['Registration'];
export type EmployeeType = NonNullable<RegistrationState['dataKedinasan']['employeeType']>;
export type DataDiriInput = In<paths['/api/v1/registration/data-diri']['put']>;
export type DataKedinasanInput = In<paths['/api/v1/registration/data-kedinasan']['put']>;
export type ConsentsInput = In<paths['/api/v1/registration/consents']['put']>;
/** `bkn` when the registry confirmed the NIP; null when only its format (and the NIK) was checked. */
export type NipCheck = Ok<paths['/api/v1/registration/check-nip']['post']>;
export type SubmitAnswer = Ok<paths['/api/v1/registration/submit']['post']>;
/** A consent document as the public `GET /api/v1/consents` gives it: its full, versioned text (Markdown). */
export type ConsentText = Ok<paths['/api/v1/consents']['get']>['documents'][number];

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
    apiRequest<Ok<paths['/api/v1/consents']['get']>>('GET', `/api/v1/consents?locale=${lang}`, undefined, {
      redirectOnAuthRequired: false,
    }),
};
