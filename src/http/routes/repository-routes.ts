/**
 * `GET /cps`: where every certificate's policy points relying parties (the CPS qualifier, RFC 5280
 * 4.2.1.4). With TEKEN_CPS_FILE it is the operator's CP/CPS document; without, the CA's public
 * repository page: the CA certificates with their fingerprints, CRLs, OCSP and the policy OIDs, so
 * the pointer never leads nowhere.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { CaRegistry } from '../../authority/ca-registry.js';
import type { Config } from '../../config/load-config.js';
import { profiles } from '../../authority/profiles.js';
import { reasonLabel } from '../../authority/revocation-reasons.js';
import { statusPaths } from '../../authority/status-urls.js';
import { nameToString } from '../../pki/distinguished-name.js';
import { routeGroup } from '../route-group.js';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** As `openssl x509 -fingerprint -sha256` prints it. */
function sha256Fingerprint(der: Uint8Array): string {
  return crypto
    .createHash('sha256')
    .update(der)
    .digest('hex')
    .toUpperCase()
    .replace(/(..)(?!$)/g, '$1:');
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Public, read-only, no scripts: the page may be opened from a certificate viewer. */
const pageHeaders = {
  'cache-control': 'public, max-age=300',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export interface RepositoryRoutesOptions {
  registry: CaRegistry;
  config: Config;
}

/** An HTML page or the operator's PDF: no JSON schema but the summary. */
const route = {
  config: { access: 'public' },
  schema: { summary: 'The CP/CPS, or the CA repository page (HTML).' },
} as const;

export const repositoryRoutes = routeGroup<RepositoryRoutesOptions>((app, rt) => {
  const { config } = rt;
  const file = config.cps.file;
  if (file) {
    // Read once at start: the document changes with a new release of the CPS, and a restart.
    const body = fs.readFileSync(file);
    const pdf = /\.pdf$/i.test(file);
    const etag = `"${crypto.createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
    app.get(statusPaths.cps, route, (request, reply) => {
      void reply.headers({
        ...pageHeaders,
        etag,
        // Operator HTML is served in a sandbox: no script of it runs with the console's origin.
        'content-security-policy': pdf
          ? "default-src 'none'; sandbox"
          : "sandbox; default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'",
      });
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.type(pdf ? 'application/pdf' : 'text/html; charset=utf-8').send(body);
    });
    return;
  }

  app.get(statusPaths.cps, route, async (_request, reply) => {
    await rt.registry.ensureLoaded();
    const base = config.publicUrl;
    const cas = rt.registry.all();
    const caRows = cas
      .map((ca) => {
        const links = [
          `<a href="${statusPaths.caCertificate(ca.id)}">DER</a>`,
          `<a href="${statusPaths.caCertificatePem(ca.id)}">PEM</a>`,
          ...(ca.parentId ? [`<a href="${statusPaths.caChainPem(ca.id)}">chain</a>`] : []),
        ].join(' · ');
        return `<tr id="ca-${ca.id}">
  <td><b>${escapeHtml(ca.id)}</b><br>${escapeHtml(nameToString(ca.subjectDer))}</td>
  <td>${ca.parentId ? escapeHtml(ca.parentId) : 'root (self-signed)'}</td>
  <td>${day(ca.notBefore)} – ${day(ca.notAfter)}${
    ca.revoked
      ? `<br><b class="revoked">Dicabut <span lang="en">revoked</span> ${day(ca.revoked.at)} (${reasonLabel(
          ca.revoked.reason,
        )})</b>`
      : ''
  }</td>
  <td>${escapeHtml(ca.key.algorithm)}</td>
  <td class="fp">${sha256Fingerprint(ca.certificateDer)}</td>
  <td>${links}</td>
  <td><a href="${statusPaths.crl(ca.id)}">CRL</a></td>
</tr>`;
      })
      .join('\n');
    const policyRows = (['individual', 'seal', 'tls-server'] as const)
      .map((id) => {
        const p = profiles[id];
        return `<tr><td>${id}</td><td>${escapeHtml(p.description)}</td><td>${escapeHtml(
          `${config.profiles.policyOidBase}.${p.policySuffix}`,
        )}</td></tr>`;
      })
      .join('\n')
      .concat(
        `\n<tr><td>tsa</td><td>Kebijakan stempel waktu <span lang="en">Time-stamp policy</span> (RFC 3161)</td><td>${escapeHtml(
          config.tsa.policyOid,
        )}</td></tr>`,
      );
    const tsaUnit = cas.find((ca) => ca.tsa)?.tsa;
    const org = escapeHtml(config.ca.organization);
    const html = `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${org}: Repositori CA</title>
<style>
body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}
.fp{font-family:monospace;word-break:break-all;font-size:.8rem}.note{background:#fff4e5;border-left:4px solid #e8a33d;padding:.6rem 1rem}
[lang=en]{color:#555}.revoked{color:#b00020}
</style>
</head>
<body>
<h1>${org}</h1>
<p>Repositori Otoritas Sertifikat · <span lang="en">Certification authority repository</span></p>
<p class="note" id="no-cps">Dokumen Kebijakan Sertifikat dan Pernyataan Praktik Sertifikasi (CP/CPS) belum diterbitkan di sini.
<span lang="en">The Certificate Policy and Certification Practice Statement have not been published here yet.</span></p>
<h2>Sertifikat CA <span lang="en">· CA certificates</span></h2>
<table>
<tr><th>CA</th><th>Penerbit <span lang="en">Issuer</span></th><th>Masa berlaku <span lang="en">Validity</span> (UTC)</th><th>Kunci <span lang="en">Key</span></th><th>SHA-256</th><th>Unduh <span lang="en">Download</span></th><th>CRL</th></tr>
${caRows}
</table>
<h2>Status sertifikat <span lang="en">· Certificate status</span></h2>
<p>OCSP (RFC 6960): <code>${escapeHtml(base + statusPaths.ocsp)}</code></p>
<h2>Stempel waktu <span lang="en">· Time-stamping</span></h2>
<p>TSA (RFC 3161, POST application/timestamp-query): <code>${escapeHtml(base + statusPaths.tsa)}</code></p>
${
  tsaUnit
    ? `<p id="tsa-unit">Sertifikat TSA <span lang="en">TSA certificate</span>: <a href="${statusPaths.tsaCertificate}">DER</a> · <a href="${statusPaths.tsaCertificatePem}">PEM</a> · SHA-256 <span class="fp">${sha256Fingerprint(tsaUnit.certificateDer)}</span>, ${day(tsaUnit.notAfter)}</p>`
    : ''
}
<h2>Kebijakan sertifikat <span lang="en">· Certificate policies</span></h2>
<table>
<tr><th>Profil <span lang="en">Profile</span></th><th>Keterangan <span lang="en">Description</span></th><th>OID</th></tr>
${policyRows}
</table>
</body>
</html>
`;
    return reply
      .headers({
        ...pageHeaders,
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      })
      .type('text/html; charset=utf-8')
      .send(html);
  });
});
