import type { paths } from './schema';
import type { ApiResult, RequestBody } from './types';

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
  /**
   * A credential other than the session (the registration wizard's activation token): sent as
   * `Authorization: Bearer`, without cookies or CSRF token, and never a reason to show the sign-in page.
   */
  bearer?: string;
}

async function request<T>(
  method: 'GET' | 'POST' | 'DELETE' | 'PATCH' | 'PUT',
  url: string,
  body?: unknown,
  options: RequestOptions = {},
) {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  // A Blob (a photo) goes as it is, with its own media type; anything else as JSON.
  const raw = typeof Blob !== 'undefined' && body instanceof Blob;
  if (body !== undefined) headers['content-type'] = raw ? body.type : 'application/json';
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  else if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: options.bearer ? 'omit' : 'same-origin',
      cache: 'no-store',
      ...(body !== undefined ? { body: raw ? body : JSON.stringify(body) } : {}),
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
    if (error.code === 'ERR_AUTH_REQUIRED' && options.redirectOnAuthRequired !== false && !options.bearer) {
      authRequiredHandler?.(error);
    }
    throw error;
  }
  const token = (data as { csrfToken?: unknown } | undefined)?.csrfToken;
  if (typeof token === 'string' && !options.bearer) csrfToken = token;
  return data as T;
}

/**
 * A call by method and URL, for routes the generated schema does not describe the way `api` needs
 * (a raw image body, PUT): the caller states the answer's type.
 */
export function apiRequest<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
  options?: RequestOptions,
): Promise<T> {
  return request<T>(method, url, body, options);
}

/**
 * A file the API answers with (a keystore, a certificate): POSTs JSON, like `api.post` (CSRF token, or a link's
 * token as `Authorization: Bearer`), and gives the bytes and the server's file name; a refusal is
 * an ApiError as for any call.
 */
export async function apiFile(
  url: string,
  body: unknown,
  options: RequestOptions = {},
): Promise<{ blob: Blob; filename: string }> {
  const headers: Record<string, string> = {
    accept:
      'application/octet-stream, application/x-pkcs12, application/x-pem-file, application/pkix-cert, application/problem+json',
    'content-type': 'application/json',
  };
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  else if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers,
      credentials: options.bearer ? 'omit' : 'same-origin',
      cache: 'no-store',
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'ERR_NETWORK', 'Network error', undefined, undefined);
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as Partial<{
      code: string;
      title: string;
      detail: string;
      details: Record<string, unknown>;
    }>;
    throw new ApiError(
      response.status,
      problem.code ?? `HTTP_${response.status}`,
      problem.title ?? response.statusText,
      problem.detail,
      problem.details,
    );
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'download';
  return { blob: await response.blob(), filename };
}

/** Hands a file to the browser's downloads (an object URL, revoked once the click is done). */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** An image the API answers with (a saved photo), as a data: URL (the CSP allows no blob: images). */
export async function apiImage(url: string, bearer: string): Promise<string | undefined> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${bearer}` },
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'ERR_NETWORK', 'Network error', undefined, undefined);
  }
  if (response.status === 404) return undefined;
  if (!response.ok || !/^image\//.test(response.headers.get('content-type') ?? '')) {
    const problem = (await response.json().catch(() => ({}))) as Partial<{ code: string; detail: string }>;
    throw new ApiError(
      response.status,
      problem.code ?? `HTTP_${response.status}`,
      response.statusText,
      problem.detail,
      undefined,
    );
  }
  return blobToDataUrl(await response.blob());
}

/** An image as a data: URL, for an <img> under the console's CSP (img-src 'self' data:). */
export function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('unreadable'));
    reader.onerror = () => reject(new ApiError(0, 'ERR_NETWORK', 'Network error', undefined, undefined));
    reader.readAsDataURL(blob);
  });
}

type Method = 'get' | 'post' | 'delete' | 'patch' | 'put';
/** The paths of the API that answer `method` (from the generated schema). */
export type ApiPath<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends undefined ? never : P;
}[keyof paths];

/** `{id}` in a path template becomes a required `id` parameter. */
type PathParams<P extends string> = P extends `${string}{${infer K}}${infer Rest}`
  ? { [key in K]: string } & PathParams<Rest>
  : unknown;
type Query = Record<string, string | number | boolean | undefined>;

/** What a call takes besides the body: the path's parameters (required when it has any), a query. */
export type CallOptions<P extends string> = RequestOptions & {
  query?: Query;
} & (P extends `${string}{${string}` ? { path: PathParams<P> } : { path?: never });

/** Fills a path template (`/api/v1/admin/accounts/{id}`) and appends the query. */
export function apiUrl(template: string, path?: Record<string, string>, query?: Query): string {
  const filled = template.replace(/\{([^}]+)\}/g, (_, key: string) => {
    const value = path?.[key];
    if (value === undefined) throw new Error(`missing path parameter ${key} for ${template}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `${filled}?${text}` : filled;
}

type Body<P extends keyof paths> = [RequestBody<P, 'post'>] extends [never]
  ? unknown
  : RequestBody<P, 'post'>;

/**
 * The JSON API, typed from the generated schema: the path (a template from schema.d.ts) picks
 * the request body and the answer's type (`ApiResult`, hand-written where the route has no
 * response schema yet). Writes always carry a JSON body (`{}` when there is nothing to say): the
 * API accepts JSON only.
 */
export const api = {
  get: <P extends ApiPath<'get'>>(path: P, ...[options]: OptionalIfNoParams<P>) =>
    request<ApiResult<P, 'get'>>('GET', apiUrl(path, pathOf(options), options?.query), undefined, options),
  post: <P extends ApiPath<'post'>>(
    path: P,
    body: Body<P> = {} as Body<P>,
    ...[options]: OptionalIfNoParams<P>
  ) => request<ApiResult<P, 'post'>>('POST', apiUrl(path, pathOf(options), options?.query), body, options),
  patch: <P extends ApiPath<'patch'>>(
    path: P,
    body: RequestBody<P, 'patch'>,
    ...[options]: OptionalIfNoParams<P>
  ) => request<ApiResult<P, 'patch'>>('PATCH', apiUrl(path, pathOf(options), options?.query), body, options),
  put: <P extends ApiPath<'put'>>(
    path: P,
    body: RequestBody<P, 'put'>,
    ...[options]: OptionalIfNoParams<P>
  ) => request<ApiResult<P, 'put'>>('PUT', apiUrl(path, pathOf(options), options?.query), body, options),
  delete: <P extends ApiPath<'delete'>>(path: P, ...[options]: OptionalIfNoParams<P>) =>
    request<ApiResult<P, 'delete'>>(
      'DELETE',
      apiUrl(path, pathOf(options), options?.query),
      undefined,
      options,
    ),
};

type OptionalIfNoParams<P extends string> = P extends `${string}{${string}`
  ? [options: CallOptions<P>]
  : [options?: CallOptions<P>];

function pathOf(options: { path?: unknown } | undefined): Record<string, string> | undefined {
  return options?.path as Record<string, string> | undefined;
}
