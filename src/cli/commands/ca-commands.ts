import { renewDelegatedSigners, signerSpecs } from '../../authority/delegated-signers.js';
import { certificateFacts } from '../../authority/ca-registry.js';
import { initialiseHierarchy } from '../../authority/initialise-hierarchy.js';
import { reasonLabel } from '../../authority/revocation-reasons.js';
import { toPem } from '../../pki/certificate-assembly.js';
import { nameToString } from '../../pki/distinguished-name.js';
import { TekenError } from '../../errors/teken-error.js';
import { cliActor, withRuntime, write, type CliIo } from '../cli-context.js';

export async function caInit(io: CliIo): Promise<number> {
  return withRuntime(io, async (rt) => {
    const result = await initialiseHierarchy(rt.authority, cliActor());
    if (result.created.length === 0) write(io.stdout, 'The CA hierarchy already exists; nothing to do.');
    for (const item of result.created) write(io.stdout, `created  ${item}`);
    for (const item of result.existing) write(io.stdout, `exists   ${item}`);
    for (const note of result.notes) write(io.stderr, `note: ${note}`);
    return 0;
  });
}

const signerUsage =
  'Usage: teken ca renew-signer <ca-id> <ocsp|tsa>  (ocsp: individual, seal, tls; tsa: seal)';

/** Replaces a delegated signer now, whatever its expiry (`teken serve` renews them when due). */
export async function caRenewSigner(
  io: CliIo,
  caId: string | undefined,
  purpose: string | undefined,
): Promise<number> {
  const spec = signerSpecs.find((s) => s.caId === caId && s.purpose === purpose);
  if (!spec) throw new TekenError('ERR_INPUT_INVALID', signerUsage);
  return withRuntime(io, async (rt) => {
    const report = await renewDelegatedSigners(rt.authority, {
      actor: cliActor(),
      force: true,
      caId: spec.caId,
      purpose: spec.purpose,
    });
    const renewed = report.renewed[0];
    if (!renewed) {
      write(io.stderr, `The ${spec.caId} CA has no ${spec.purpose} signer yet: run \`teken ca init\`.`);
      return 1;
    }
    write(
      io.stdout,
      `renewed  ${renewed.caId} ${renewed.purpose}: serial ${renewed.serial}, until ${renewed.notAfter.toISOString()}`,
    );
    if (renewed.replaced) {
      write(
        io.stderr,
        `note: the old certificate ${renewed.replaced.serial} is no longer used and expires ${renewed.replaced.notAfter.toISOString()}; ` +
          `what it signed stays valid. If its key may be compromised, revoke it: teken cert revoke ${renewed.replaced.serial} --ca ${renewed.caId} --reason keyCompromise`,
      );
    }
    return 0;
  });
}

export async function caList(io: CliIo): Promise<number> {
  return withRuntime(io, async (rt) => {
    await rt.registry.reload();
    const cas = rt.registry.all();
    if (cas.length === 0) {
      write(io.stderr, 'No CA exists yet: run `teken ca init`.');
      return 1;
    }
    for (const ca of cas) {
      write(
        io.stdout,
        [
          `${ca.id}  (${ca.kind}${ca.parentId ? `, issued by ${ca.parentId}` : ''})`,
          `  subject     ${nameToString(ca.subjectDer)}`,
          `  serial      ${certificateFacts(ca.certificateDer).serialHex}`,
          `  key         ${ca.key.algorithm} (${rt.config.keyBackend === 'pkcs11' ? 'backend per key' : 'software'})`,
          `  valid       ${ca.notBefore.toISOString()} to ${ca.notAfter.toISOString()}`,
          ca.revoked
            ? `  REVOKED     ${ca.revoked.at.toISOString()} (${reasonLabel(ca.revoked.reason)}): issues nothing more`
            : undefined,
          ca.ocspResponder
            ? `  ocsp signer serial ${ca.ocspResponder.serial}, until ${ca.ocspResponder.notAfter.toISOString()} (renewed ${rt.config.ca.responderRenewDays} days before)`
            : undefined,
          ca.tsa
            ? `  tsa unit    serial ${ca.tsa.serial}, until ${ca.tsa.notAfter.toISOString()} (renewed ${rt.config.ca.tsaRenewDays} days before)`
            : undefined,
        ]
          .filter(Boolean)
          .join('\n'),
      );
    }
    return 0;
  });
}

export async function caCert(io: CliIo, caId: string | undefined, pem: boolean): Promise<number> {
  if (!caId)
    throw new TekenError(
      'ERR_INPUT_INVALID',
      'Usage: teken ca cert <ca-id> [--pem]  (root, individual, seal, tls)',
    );
  return withRuntime(io, async (rt) => {
    const ca = await rt.registry.get(caId);
    if (pem) write(io.stdout, toPem(ca.certificateDer));
    else {
      if ((io.stdout as NodeJS.WriteStream).isTTY) {
        throw new TekenError(
          'ERR_INPUT_INVALID',
          'Refusing to write DER to a terminal: redirect it to a file or add --pem.',
        );
      }
      io.stdout.write(Buffer.from(ca.certificateDer));
    }
    return 0;
  });
}
