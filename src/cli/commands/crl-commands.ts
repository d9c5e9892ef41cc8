import fs from 'node:fs';
import { generateCrl } from '../../authority/generate-crl.js';
import { TekenError } from '../../errors/teken-error.js';
import { toPem } from '../../pki/certificate-assembly.js';
import { cliActor, withRuntime, write, type CliIo } from '../cli-context.js';

export async function crlGenerate(
  io: CliIo,
  o: { ca?: string | undefined; out?: string | undefined },
): Promise<number> {
  if (!o.ca)
    throw new TekenError('ERR_INPUT_INVALID', 'Usage: teken crl generate --ca <ca-id> [--out <file>]');
  return withRuntime(io, async (rt) => {
    const crl = await generateCrl(rt.authority, o.ca!, cliActor());
    if (o.out) {
      // PEM when the file name says so, DER otherwise (as the distribution point serves it).
      fs.writeFileSync(o.out, /\.pem$/i.test(o.out) ? toPem(crl.der, 'X509 CRL') : crl.der);
    }
    write(
      io.stdout,
      `CRL ${crl.number} for ${crl.caId}: ${crl.entries} entries, next update ${crl.nextUpdate.toISOString()}${o.out ? `, written to ${o.out}` : ''}`,
    );
    return 0;
  });
}
