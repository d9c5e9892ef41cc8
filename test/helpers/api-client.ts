import type { FastifyInstance } from 'fastify';

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/** A browser-like client over `inject()`: keeps the session cookie and sends the CSRF token. */
export class ApiClient {
  cookie: string | undefined;
  csrf: string | undefined;
  constructor(
    private readonly app: FastifyInstance,
    readonly ip = '10.0.0.1',
  ) {}

  async request<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
    });
    const setCookie = response.headers['set-cookie'];
    for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = c.split(';');
      if (/=;|Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c) || pair!.endsWith('=')) this.cookie = undefined;
      else this.cookie = pair;
    }
    const text = response.body;
    const body = (
      text && response.headers['content-type']?.toString().includes('json') ? JSON.parse(text) : {}
    ) as T;
    const csrf = (body as { csrfToken?: string }).csrfToken;
    if (csrf) this.csrf = csrf;
    return { status: response.statusCode, body, headers: response.headers };
  }

  get<T = Record<string, unknown>>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = Record<string, unknown>>(url: string, payload: unknown = {}, headers?: Record<string, string>) {
    return this.request<T>('POST', url, payload, headers);
  }
  patch<T = Record<string, unknown>>(url: string, payload: unknown = {}) {
    return this.request<T>('PATCH', url, payload);
  }
  delete<T = Record<string, unknown>>(url: string) {
    return this.request<T>('DELETE', url);
  }
}
