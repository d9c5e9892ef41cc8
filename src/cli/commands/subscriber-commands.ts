/**
 * `teken subscriber add | issue`: onboarding without the browser (institutions migrating thousands
 * of staff, and tests). `add` makes a subscriber's account and registration; `issue` makes an eSign
 * (or eSeal) request for them, approves it as the operator and sets the passphrase from an
 * environment variable (never an argument: arguments show in `ps` and shell history), printing the
 * certificate as PEM, as `teken cert issue` does.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { approveCertificateRequest } from '../../certificates/decide-certificate-request.js';
import { requestCertificate } from '../../certificates/request-certificate.js';
import type { CertificatesContext } from '../../certificates/certificates-context.js';
import {
  setPassphraseAsOperator,
  subscriberAgreement,
  type IssuedSubscriberCertificate,
} from '../../certificates/set-passphrase.js';
import { productOf } from '../../certificates/products.js';
import { accounts, certificateRequests, type CertificateProduct } from '../../db/schema.js';
import { addSubscriber } from '../../enrollment/add-subscriber.js';
import { TekenError } from '../../errors/teken-error.js';
import type { AccountRow } from '../../identity/accounts.js';
import { certificatesContextOf } from '../../runtime/certificates-context-of.js';
import { enrollmentContextOf } from '../../runtime/enrollment-context-of.js';
import { cliActor, withRuntime, write, type CliIo } from '../cli-context.js';

export const subscriberAddUsage =
  'teken subscriber add --institution <id> --name "<name>" --email <e> --nik <nik> [--phone <p>] [--nip <nip>] [--verified] [--json]';
export const subscriberIssueUsage =
  'teken subscriber issue --email <e> --product esign|eseal --passphrase-env <VAR> [--json]';

export async function subscriberAdd(
  io: CliIo,
  o: {
    institution?: string | undefined;
    name?: string | undefined;
    email?: string | undefined;
    nik?: string | undefined;
    phone?: string | undefined;
    nip?: string | undefined;
    verified: boolean;
    json: boolean;
  },
): Promise<number> {
  if (!o.institution || !o.name || !o.email || !o.nik)
    throw new TekenError('ERR_INPUT_INVALID', `Usage: ${subscriberAddUsage}`);
  return withRuntime(io, async (rt) => {
    const added = await addSubscriber(enrollmentContextOf(rt), cliActor(), {
      institutionId: o.institution,
      fullName: o.name,
      email: o.email,
      nik: o.nik,
      ...(o.phone !== undefined ? { phone: o.phone } : {}),
      ...(o.nip !== undefined ? { nip: o.nip } : {}),
      verified: o.verified,
    });
    write(
      io.stdout,
      o.json ? JSON.stringify({ id: added.accountId, username: added.username }) : added.accountId,
    );
    return 0;
  });
}

export async function subscriberIssue(
  io: CliIo,
  o: {
    email?: string | undefined;
    product?: string | undefined;
    passphraseEnv?: string | undefined;
    json: boolean;
  },
): Promise<number> {
  if (!o.email || !o.product || !o.passphraseEnv)
    throw new TekenError('ERR_INPUT_INVALID', `Usage: ${subscriberIssueUsage}`);
  const passphrase = io.env[o.passphraseEnv];
  if (!passphrase)
    throw new TekenError(
      'ERR_INPUT_INVALID',
      `The environment variable ${o.passphraseEnv} (the passphrase) is not set or empty.`,
    );
  const product = productOf(o.product);
  return withRuntime(io, async (rt) => {
    const ctx = certificatesContextOf(rt);
    const operator = cliActor();
    const [holder] = await rt.db
      .select()
      .from(accounts)
      .where(sql`lower(${accounts.email}) = ${o.email!.trim().toLowerCase()}`);
    if (!holder) throw new TekenError('ERR_ACCOUNT_NOT_FOUND', 'No account has this e-mail address.');
    const { requestId, issued } = await issueAsOperator(ctx, operator, holder, product.id, passphrase);
    write(
      io.stdout,
      o.json
        ? JSON.stringify({
            id: issued.id,
            requestId,
            serial: issued.certificate.serialHex,
            subject: issued.certificate.subject,
            notAfter: issued.certificate.notAfter.toISOString(),
            pem: issued.certificate.pem,
          })
        : issued.certificate.pem,
    );
    return 0;
  });
}

/**
 * Requests, approves as the operator and issues `product` for `holder` with `passphrase`: an open
 * request of the product is taken up (approved if still submitted), else a new one is made.
 */
export async function issueAsOperator(
  ctx: CertificatesContext,
  operator: string,
  holder: AccountRow,
  product: CertificateProduct,
  passphrase: string,
): Promise<{ requestId: string; issued: IssuedSubscriberCertificate }> {
  const [open] = await ctx.db
    .select({ id: certificateRequests.id, status: certificateRequests.status })
    .from(certificateRequests)
    .where(
      and(
        eq(certificateRequests.accountId, holder.id),
        eq(certificateRequests.product, product),
        inArray(certificateRequests.status, ['submitted', 'approved']),
      ),
    );
  const requestId = open?.id ?? (await requestCertificate(ctx, holder, { product, onBehalfBy: operator })).id;
  if (open?.status !== 'approved') await approveCertificateRequest(ctx, { operator }, requestId);
  const issued = await setPassphraseAsOperator(ctx, operator, requestId, {
    passphrase,
    agreementVersion: subscriberAgreement().version,
  });
  return { requestId, issued };
}
