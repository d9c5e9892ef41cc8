import type { SigningContext } from '../signing/sign-documents.js';
import { openTotpKeyOfCertificate } from '../signing/totp-authorisation.js';
import { certificatesContextOf } from './certificates-context-of.js';
import type { Runtime } from './open-runtime.js';

/**
 * The signing use cases' view of the runtime: the certificates context (keys, passphrases, the
 * guard), Teken's TSA, the TOTP authorisations' key opener, and the PAdES engine (in process unless `signPdf` is given, e.g. a worker
 * pool).
 */
export function signingContextOf(
  rt: Runtime,
  options: {
    now?: () => number;
    signPdf?: SigningContext['signPdf'];
    signConcurrency?: number;
  } = {},
): SigningContext {
  const certificates = certificatesContextOf(rt, options.now ? { now: options.now } : {});
  return {
    ...certificates,
    tsa: rt.tsa,
    // v2 signing with `totp`/`otp`: the code of a TOTP authorisation the holder approved; the
    // seal's `seal/pdf`: a batch code made from the seal's activation.
    openTotpKey: (input) =>
      openTotpKeyOfCertificate(certificates, {
        certificate: input.certificate,
        kind: input.kind,
        code: input.code,
        documents: input.documents,
        ...(input.address ? { address: input.address } : {}),
      }),
    ...(options.signPdf ? { signPdf: options.signPdf } : {}),
    ...(options.signConcurrency ? { signConcurrency: options.signConcurrency } : {}),
  };
}
