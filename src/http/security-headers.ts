/**
 * Security headers on every response Teken sends: Fastify's replies (API, errors, 404s, the
 * console and its assets, CRLs, CA certificates, /cps), the OCSP hot path and the raw answers
 * written on the socket (client errors, see client-errors.ts), and the metrics listener.
 *
 * The console is a React build with no inline script and no style attribute (checked on the Vite
 * build: the only `style="` strings are in qrcode-generator's unused table and image helpers; the QR
 * code is drawn as SVG attributes), so the policy needs neither 'unsafe-inline' nor a nonce.
 */
import type { FastifyInstance } from 'fastify';

/** The Content-Security-Policy of the console, and of every other response (it costs nothing on JSON). */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Two years, the preload list's minimum; subdomains too, since the service owns its host name. */
export const strictTransportSecurity = 'max-age=63072000; includeSubDomains';

/**
 * The headers every response carries. HSTS only when the public URL is https: a browser that saw it
 * over plain HTTP ignores it, and a development setup on http://localhost must not pin https.
 */
export function securityHeaders(publicUrl: string): Readonly<Record<string, string>> {
  return Object.freeze({
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...(publicUrl.startsWith('https:') ? { 'strict-transport-security': strictTransportSecurity } : {}),
  });
}

/**
 * Adds the headers to every reply that has not set its own, in an onSend hook of the root instance
 * (so every plugin registered after it inherits it). A route's own CSP (the /cps sandbox) is kept,
 * with `frame-ancestors 'none'` added when it has none: stricter, never weaker. API responses carry
 * tokens and personal data: they are `no-store` unless the route set its own Cache-Control.
 */
export function registerSecurityHeaders(app: FastifyInstance, publicUrl: string): void {
  const headers = Object.entries(securityHeaders(publicUrl));
  app.addHook('onSend', (request, reply, payload, done) => {
    for (const [name, value] of headers) {
      const own = reply.getHeader(name);
      if (own === undefined) reply.header(name, value);
      else if (name === 'content-security-policy' && !/frame-ancestors/.test(String(own)))
        reply.header(name, `${String(own)}; frame-ancestors 'none'`);
    }
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}
