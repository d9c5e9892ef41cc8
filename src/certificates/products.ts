/**
 * The products of "Permohonan Baru" (seed 003): eSign, a person's signing certificate; eSeal, the
 * institution's seal certificate; SSL is shown "Segera Hadir" and cannot be requested yet. Each
 * product names its certificate profile and CA (authority/profiles.ts) and the key pair Teken
 * generates for it (TEKEN_ESIGN_KEY, TEKEN_ESEAL_KEY).
 */
import type { CaId, ProfileId } from '../authority/profiles.js';
import type { Config } from '../config/load-config.js';
import type { SubscriberKeyAlgorithm } from '../config/options.js';
import type { CertificateProduct } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';

export interface Product {
  id: CertificateProduct;
  /** "Jenis Sertifikat Elektronik". */
  label: { id: string; en: string };
  profile: ProfileId;
  caId: CaId;
  key(config: Config): SubscriberKeyAlgorithm;
}

export const products: Readonly<Record<CertificateProduct, Product>> = {
  esign: {
    id: 'esign',
    label: { id: 'eSign (Individu)', en: 'eSign (individual)' },
    profile: 'individual',
    caId: 'individual',
    key: (c) => c.certificates.esignKey,
  },
  eseal: {
    id: 'eseal',
    label: { id: 'eSeal (Instansi)', en: 'eSeal (institution)' },
    profile: 'seal',
    caId: 'seal',
    key: (c) => c.certificates.esealKey,
  },
};

export const productIds = Object.keys(products) as CertificateProduct[];

export function productOf(id: unknown): Product {
  if (typeof id === 'string' && Object.hasOwn(products, id)) return products[id as CertificateProduct];
  throw new TekenError(
    'ERR_INPUT_INVALID',
    `product: one of ${productIds.join(', ')} (SSL certificates are not offered yet).`,
    { details: { field: 'product' } },
  );
}
