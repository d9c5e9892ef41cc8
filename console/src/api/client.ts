/**
 * The JSON API as the console uses it: same-origin cookies, the session's CSRF token on every
 * write (`X-CSRF-Token`), errors as problem+json turned into ApiError.
 */

/** RFC 9457 problem details with Teken's stable `code`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string | undefined,
    readonly details: Record<string, unknown> | undefined,
  ) {
    super(detail ?? title);
    this.name = 'ApiError';
  }
}

let csrfToken: string | undefined;
let authRequiredHandler: ((error: ApiError) => void) | undefined;

/** The token the server gave with the current session (sign-in steps, GET /session, GET /auth/flow). */
export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called when an API call finds no session (it ended, or was signed out elsewhere). */
export function onAuthRequired(handler: (error: ApiError) => void): void {
  authRequiredHandler = handler;
}

export interface RequestOptions {
  /** Tell the app when the session is gone (default). Off for calls that probe for a session. */
  redirectOnAuthRequired?: boolean;
}

type Method = 'GET' | 'POST' | 'DELETE';

async function request<T>(method: Method, url: string, body?: unknown, options: RequestOptions = {}) {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'ERR_NETWORK', 'Network error', undefined, undefined);
  }
  const type = response.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await response.json().catch(() => undefined) : undefined;
  if (!response.ok) {
    const problem = (data ?? {}) as Partial<{
      code: string;
      title: string;
      detail: string;
      details: Record<string, unknown>;
    }>;
    const error = new ApiError(
      response.status,
      problem.code ?? `HTTP_${response.status}`,
      problem.title ?? response.statusText,
      problem.detail,
      problem.details,
    );
    if (error.code === 'ERR_AUTH_REQUIRED' && options.redirectOnAuthRequired !== false) {
      authRequiredHandler?.(error);
    }
    throw error;
  }
  const token = (data as { csrfToken?: unknown } | undefined)?.csrfToken;
  if (typeof token === 'string') csrfToken = token;
  return data as T;
}

export const api = {
  get: <T>(url: string, options?: RequestOptions) => request<T>('GET', url, undefined, options),
  /** Writes always carry a JSON body (`{}` when there is nothing to say): the API accepts JSON only. */
  post: <T>(url: string, body: unknown = {}, options?: RequestOptions) =>
    request<T>('POST', url, body, options),
  delete: <T>(url: string, options?: RequestOptions) => request<T>('DELETE', url, undefined, options),
};
