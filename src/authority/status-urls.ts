/** Where certificates point relying parties to: one scheme, used by issuance and by the HTTP routes. */
export const statusPaths = {
  ocsp: '/ocsp',
  caCertificate: (caId: string) => `/ca/${caId}.crt`,
  caCertificatePem: (caId: string) => `/ca/${caId}.pem`,
  caChainPem: (caId: string) => `/ca/${caId}/chain.pem`,
  crl: (caId: string) => `/crl/${caId}.crl`,
  cps: '/cps',
  /** RFC 3161 time-stamping (POST), and the TSA unit certificate its tokens are signed with. */
  tsa: '/tsa',
  tsaCertificate: '/ca/tsa.crt',
  tsaCertificatePem: '/ca/tsa.pem',
};

export function statusUrls(
  publicUrl: string,
  issuerCaId: string,
  parentCaId: string | null,
  cpsUrl = publicUrl + statusPaths.cps,
) {
  return {
    ocsp: publicUrl + statusPaths.ocsp,
    caIssuers: publicUrl + statusPaths.caCertificate(issuerCaId),
    crl: publicUrl + statusPaths.crl(issuerCaId),
    parentCrl: parentCaId ? publicUrl + statusPaths.crl(parentCaId) : undefined,
    cps: cpsUrl,
  };
}
