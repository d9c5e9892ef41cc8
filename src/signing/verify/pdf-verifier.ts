/**
 * The validator as Teken runs it (both eSign verify endpoints and the public "Verifikasi PDF"):
 * Teken's roots and the configured trust anchors (TEKEN_TRUST_ANCHORS), Teken's issuing CAs and TSA
 * units to build paths through, and Teken's CA database for the revocation status of the
 * certificates it issued.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { and, eq } from 'drizzle-orm';
import type { CaRegistry } from '../../authority/ca-registry.js';
import type { Db } from '../../db/open-database.js';
import { certificates } from '../../db/schema.js';
import { TekenError } from '../../errors/teken-error.js';
import type { PadesLimits } from '../pades/open-pdf.js';
import { validatePdf, type ValidatePdfOptions } from './validate-pdf.js';
import type { ValidationReport } from './validation-report.js';

/** The largest PDF the verify endpoints take (base64 makes the body a third larger). */
export const MAX_VERIFY_PDF_BYTES = 20 * 1024 * 1024;

export interface PdfVerifier {
  verify(
    pdf: Uint8Array,
    options?: { password?: string | undefined; fileName?: string | undefined },
  ): Promise<ValidationReport>;
}

/** The certificates of a PEM file (TEKEN_TRUST_ANCHORS); a file without one is a configuration error. */
export function readTrustAnchors(file: string | undefined): Uint8Array[] {
  if (!file) return [];
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new TekenError('ERR_CONFIG_INVALID', `TEKEN_TRUST_ANCHORS: cannot read ${file}.`, { cause: error });
  }
  const out: Uint8Array[] = [];
  for (const m of text.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g)) {
    try {
      out.push(new Uint8Array(new crypto.X509Certificate(m[0]).raw));
    } catch (error) {
      throw new TekenError('ERR_CONFIG_INVALID', `TEKEN_TRUST_ANCHORS: ${file} holds a broken certificate.`, {
        cause: error,
      });
    }
  }
  if (out.length === 0)
    throw new TekenError('ERR_CONFIG_INVALID', `TEKEN_TRUST_ANCHORS: ${file} holds no certificate.`);
  return out;
}

/** validatePdf, or what runs it elsewhere: `teken serve`'s worker pool (PadesPool.validatePdf). */
export type ValidatePdfEngine = (pdf: Uint8Array, options: ValidatePdfOptions) => Promise<ValidationReport>;

/**
 * The verifier over Teken's CAs; `engine` runs the validation (`teken serve`: in its worker pool,
 * bounded in time and memory per document; default: in this thread).
 */
export function createPdfVerifier(
  db: Db,
  registry: CaRegistry,
  extraAnchors: readonly Uint8Array[],
  limits: Partial<PadesLimits> = { maxBytes: MAX_VERIFY_PDF_BYTES },
  engine: ValidatePdfEngine = validatePdf,
): PdfVerifier {
  return {
    async verify(pdf, options = {}) {
      await registry.ensureLoaded();
      const cas = registry.all();
      const roots = cas.filter((ca) => ca.kind === 'root').map((ca) => ca.certificateDer);
      const intermediates = cas.flatMap((ca) => [
        ...(ca.kind === 'issuing' ? [ca.certificateDer] : []),
        ...(ca.tsa ? [ca.tsa.certificateDer] : []),
      ]);
      const byDer = new Map(cas.map((ca) => [Buffer.from(ca.certificateDer).toString('base64'), ca]));
      return engine(pdf, {
        password: options.password,
        fileName: options.fileName,
        trustAnchors: [...roots, ...extraAnchors],
        intermediates,
        limits,
        ownStatus: async (certificate, issuer) => {
          const ca = byDer.get(Buffer.from(issuer).toString('base64'));
          if (!ca) return undefined;
          const serial = new crypto.X509Certificate(certificate).serialNumber
            .toLowerCase()
            .replace(/^(00)+(?=[0-9a-f]{2})/, '');
          const [row] = await db
            .select({ revokedAt: certificates.revokedAt, status: certificates.status })
            .from(certificates)
            .where(and(eq(certificates.authorityId, ca.id), eq(certificates.serial, serial)));
          if (!row) return undefined;
          // An abandoned row may have been signed: treated as revoked (schema.ts).
          if (row.status === 'abandoned') return { revokedAt: new Date(0) };
          return { revokedAt: row.revokedAt };
        },
      });
    },
  };
}
