/**
 * The token of a mailed link (set passphrase, DOWNLOAD_KEYSTORE, reset passphrase): from
 * `Authorization: Bearer`, else the body's `token`; never from a URL (the link carries it in the
 * fragment). The use case checks it through the attempt guard; this only finds it.
 */
import type { FastifyRequest } from 'fastify';
import { TekenError } from '../errors/teken-error.js';

export function linkToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (typeof header === 'string' && /^Bearer [A-Za-z0-9_-]{16,200}$/.test(header)) return header.slice(7);
  const body = request.body as { token?: unknown } | undefined;
  const token = body && !Buffer.isBuffer(body) ? body.token : undefined;
  if (typeof token === 'string' && token !== '') return token;
  throw new TekenError('ERR_LINK_INVALID');
}
