/**
 * A fake WhatsApp Business Cloud API (Meta Graph API) for tests: it serves
 * `POST /{version}/{phone number id}/messages`, checks the Bearer token and the JSON shape of each
 * template message (authentication: body parameter + copy-code button `url` index 0 with the same
 * code; utility: body parameters), records what it accepted, and answers the error a test asks for
 * in the Graph API's format (`{error: {message, type, code, error_data, fbtrace_id}}`).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { onCleanup } from './cleanup.js';

export interface ReceivedWhatsApp {
  to: string;
  template: string;
  language: string;
  /** Body parameters, in order. */
  parameters: string[];
  /** The copy-code button's parameter (authentication templates). */
  buttonCode: string | undefined;
  callbackData: string | undefined;
}

export type FakeFailure =
  | 'rate-limit' // 130429, HTTP 400 as Meta answers it
  | 'http-429'
  | 'not-on-whatsapp' // 131026
  | 'template-missing' // 132001
  | 'invalid-parameter' // 100
  | 'expired-token' // 190, HTTP 401
  | 'server-error'; // HTTP 500

export interface FakeWhatsApp {
  /** TEKEN_WHATSAPP_API_URL. */
  url: string;
  version: string;
  phoneNumberId: string;
  token: string;
  /** Accepted messages, oldest first. */
  received: ReceivedWhatsApp[];
  /** Requests refused for their shape, URL or token (a test asserts this stays empty). */
  rejected: string[];
  /** The next requests fail like this (one entry per request), then the fake accepts again. */
  failNext: FakeFailure[];
  /** The env for a runtime that sends through this fake. */
  env(): Record<string, string>;
  /** The newest code sent to a number (E.164). */
  lastCode(to: string): string | undefined;
}

const graphError = (code: number, message: string, details: string) => ({
  error: {
    message: `(#${code}) ${message}`,
    type: 'OAuthException',
    code,
    error_data: { messaging_product: 'whatsapp', details },
    fbtrace_id: 'AbCdEfGhIjK',
  },
});

const failures: Record<FakeFailure, [number, unknown]> = {
  'rate-limit': [400, graphError(130429, 'Rate limit hit', 'Cloud API message throughput has been reached.')],
  'http-429': [429, graphError(4, 'Application request limit reached', 'Too many calls.')],
  'not-on-whatsapp': [
    400,
    graphError(131026, 'Message undeliverable', 'The recipient is not a WhatsApp user.'),
  ],
  'template-missing': [
    404,
    graphError(132001, 'Template name does not exist in the translation', 'template name does not exist'),
  ],
  'invalid-parameter': [400, graphError(100, 'Invalid parameter', 'Parameter value is not valid.')],
  'expired-token': [401, graphError(190, 'Access token has expired', 'Session has expired.')],
  'server-error': [500, graphError(2, 'Service temporarily unavailable', 'Try again later.')],
};

export async function startFakeWhatsApp(): Promise<FakeWhatsApp> {
  const version = 'v21.0';
  const phoneNumberId = '106540352242922';
  const token = 'EAAJB-test-token-0123456789';
  const received: ReceivedWhatsApp[] = [];
  const rejected: string[] = [];
  const failNext: FakeFailure[] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const refuse = (why: string) => {
        rejected.push(why);
        answer(400, graphError(100, 'Invalid parameter', why));
      };
      if (req.method !== 'POST' || req.url !== `/${version}/${phoneNumberId}/messages`)
        return refuse(`unexpected ${req.method} ${req.url}`);
      if (req.headers.authorization !== `Bearer ${token}`) {
        rejected.push('wrong bearer token');
        return answer(401, failures['expired-token'][1]);
      }
      if (!/^application\/json/.test(req.headers['content-type'] ?? '')) return refuse('not JSON');
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return refuse('body is not JSON');
      }
      const checked = checkShape(body);
      if (typeof checked === 'string') return refuse(checked);
      const failure = failNext.shift();
      if (failure) {
        const [status, error] = failures[failure];
        return answer(status, error);
      }
      received.push(checked);
      answer(200, {
        messaging_product: 'whatsapp',
        contacts: [{ input: checked.to, wa_id: checked.to }],
        messages: [{ id: `wamid.${received.length}` }],
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  onCleanup(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    version,
    phoneNumberId,
    token,
    received,
    rejected,
    failNext,
    env: () => ({
      TEKEN_WHATSAPP_API_URL: url,
      TEKEN_WHATSAPP_API_VERSION: version,
      TEKEN_WHATSAPP_PHONE_NUMBER_ID: phoneNumberId,
      TEKEN_WHATSAPP_TOKEN: token,
    }),
    lastCode: (to) => [...received].reverse().find((m) => m.to === to.replace(/^\+/, ''))?.buttonCode,
  };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The message as Meta would accept it, or why not. */
function checkShape(body: Json): ReceivedWhatsApp | string {
  if (body.messaging_product !== 'whatsapp') return 'messaging_product must be "whatsapp"';
  if (body.type !== 'template') return 'type must be "template"';
  if (typeof body.to !== 'string' || !/^\d{8,15}$/.test(body.to))
    return 'to must be digits (E.164 without +)';
  const template = body.template;
  if (!isObject(template) || typeof template.name !== 'string' || !/^[a-z0-9_]+$/.test(template.name))
    return 'template.name missing';
  if (!isObject(template.language) || typeof template.language.code !== 'string')
    return 'template.language.code missing';
  if (!Array.isArray(template.components)) return 'template.components missing';
  const texts = (component: Json): string[] | string => {
    if (!Array.isArray(component.parameters)) return 'parameters missing';
    const out: string[] = [];
    for (const p of component.parameters as unknown[]) {
      if (!isObject(p) || p.type !== 'text' || typeof p.text !== 'string') return 'parameter not text';
      out.push(p.text);
    }
    return out;
  };
  let parameters: string[] = [];
  let buttonCode: string | undefined;
  for (const component of template.components as unknown[]) {
    if (!isObject(component)) return 'component not an object';
    if (component.type === 'body') {
      const t = texts(component);
      if (typeof t === 'string') return `body: ${t}`;
      parameters = t;
    } else if (component.type === 'button') {
      if (component.sub_type !== 'url' || component.index !== '0')
        return 'a copy-code button is sub_type "url", index "0"';
      const t = texts(component);
      if (typeof t === 'string' || t.length !== 1) return 'button: one text parameter';
      buttonCode = t[0];
    } else return `unknown component ${String(component.type)}`;
  }
  if (buttonCode !== undefined && parameters[0] !== buttonCode)
    return 'an authentication template carries the same code in the body and the button';
  return {
    to: body.to,
    template: template.name,
    language: template.language.code,
    parameters,
    buttonCode,
    callbackData:
      typeof body.biz_opaque_callback_data === 'string' ? body.biz_opaque_callback_data : undefined,
  };
}
