import crypto from 'node:crypto';
import fs from 'node:fs';
import { generateCrl } from '../../authority/generate-crl.js';
import { issueCertificate, issueFromCsr, type IssuedCertificate } from '../../authority/issue-certificate.js';
import { reasonName, parseRevocationReason, revocationReasons } from '../../authority/revocation-reasons.js';
import {
  findCertificate,
  releaseCertificateHold,
  revokeCertificate,
} from '../../authority/revoke-certificate.js';
import { TekenError } from '../../errors/teken-error.js';
import { generateKeyPair } from '../../keys/software-backend.js';
import { toPem } from '../../pki/certificate-assembly.js';
import { parseDistinguishedName } from '../../pki/distinguished-name.js';
import { parseAltNameList } from '../../pki/general-names.js';
import { encodePkcs12 } from '../../pki/pkcs12.js';
import type { Runtime } from '../../runtime/open-runtime.js';
import { cliActor, withRuntime, write, type CliIo } from '../cli-context.js';

export interface CertIssueOptions {
  ca?: string | undefined;
  profile?: string | undefined;
  csr?: string | undefined;
  subject?: string | undefined;
  san?: string | undefined;
  days?: string | undefined;
  generateKey?: string | undefined;
  p12?: string | undefined;
  p12PassEnv?: string | undefined;
}

function parseDays(days: string | undefined): number | undefined {
  if (days === undefined) return undefined;
  if (!/^\d{1,5}$/.test(days))
    throw new TekenError('ERR_INPUT_INVALID', `--days must be a whole number of days (got "${days}").`);
  return Number(days);
}

export async function certIssue(io: CliIo, o: CertIssueOptions): Promise<number> {
  const usage =
    'Usage: teken cert issue --ca <ca-id> --profile <profile> --csr <file> [--subject "<DN>"] [--san dns:a,ip:b,email:c] [--days N]\n' +
    '       teken cert issue --ca <ca-id> --profile <profile> --subject "<DN>" --generate-key rsa2048|p256 --p12 <file> --p12-pass-env <VAR>';
  if (!o.ca || !o.profile)
    throw new TekenError('ERR_INPUT_INVALID', `--ca and --profile are required.\n${usage}`);
  if (Boolean(o.csr) === Boolean(o.generateKey))
    throw new TekenError('ERR_INPUT_INVALID', `Give either --csr or --generate-key.\n${usage}`);
  const days = parseDays(o.days);
  const subject = o.subject !== undefined ? parseDistinguishedName(o.subject) : undefined;
  const altNames = o.san !== undefined ? parseAltNameList(o.san) : undefined;

  if (o.csr) {
    let csr: Buffer;
    try {
      csr = fs.readFileSync(o.csr === '-' ? 0 : o.csr);
    } catch (error) {
      throw new TekenError(
        'ERR_INPUT_INVALID',
        `Cannot read the CSR file ${o.csr}: ${(error as Error).message}`,
      );
    }
    return withRuntime(io, async (rt) => {
      const issued = await issueFromCsr(rt.authority, {
        caId: o.ca!,
        profile: o.profile!,
        csr,
        ...(subject ? { subject } : {}),
        ...(altNames ? { altNames } : {}),
        ...(days !== undefined ? { days } : {}),
        actor: cliActor(),
      });
      describeIssued(io, issued);
      write(io.stdout, issued.pem);
      return 0;
    });
  }

  // --generate-key: the key is generated here, put in the keystore and never stored.
  const algorithm = o.generateKey;
  if (algorithm !== 'rsa2048' && algorithm !== 'rsa3072' && algorithm !== 'p256' && algorithm !== 'p384') {
    throw new TekenError('ERR_INPUT_INVALID', '--generate-key must be rsa2048, rsa3072, p256 or p384.');
  }
  if (!subject)
    throw new TekenError('ERR_INPUT_INVALID', `--subject is required with --generate-key.\n${usage}`);
  if (!o.p12 || !o.p12PassEnv)
    throw new TekenError(
      'ERR_INPUT_INVALID',
      `--p12 and --p12-pass-env are required with --generate-key.\n${usage}`,
    );
  const password = io.env[o.p12PassEnv];
  if (!password)
    throw new TekenError(
      'ERR_INPUT_INVALID',
      `The environment variable ${o.p12PassEnv} (the keystore password) is not set or empty.`,
    );
  if (password.length < 8)
    throw new TekenError('ERR_INPUT_INVALID', 'The keystore password must have at least 8 characters.');
  return withRuntime(io, async (rt) => {
    const pair = generateKeyPair(algorithm);
    const spkiDer = new Uint8Array(pair.publicKey.export({ type: 'spki', format: 'der' }));
    const issued = await issueCertificate(rt.authority, {
      caId: o.ca!,
      profile: o.profile!,
      subject,
      altNames: altNames ?? [],
      spkiDer,
      ...(days !== undefined ? { days } : {}),
      actor: cliActor(),
    });
    const pkcs8 = pair.privateKey.export({ type: 'pkcs8', format: 'der' });
    try {
      const p12 = await encodePkcs12({
        privateKeyPkcs8: pkcs8,
        certificates: [issued.der, ...chainOf(rt, issued.caId)],
        password,
        friendlyName: subject.find((a) => a.type === 'CN')?.value ?? issued.serialHex,
      });
      fs.writeFileSync(o.p12!, p12, { mode: 0o600 });
    } finally {
      pkcs8.fill(0);
    }
    describeIssued(io, issued);
    write(io.stderr, `keystore ${o.p12} (PKCS#12, AES-256)`);
    write(io.stdout, issued.pem);
    return 0;
  });
}

function chainOf(rt: Runtime, caId: string): Uint8Array[] {
  const chain: Uint8Array[] = [];
  let ca = rt.registry.all().find((c) => c.id === caId);
  while (ca) {
    chain.push(ca.certificateDer);
    const parent = ca.parentId;
    ca = parent ? rt.registry.all().find((c) => c.id === parent) : undefined;
  }
  return chain;
}

function describeIssued(io: CliIo, issued: IssuedCertificate) {
  write(
    io.stderr,
    `issued serial ${issued.serialHex} by ${issued.caId} (${issued.profile}), valid until ${issued.notAfter.toISOString()}`,
  );
}

export async function certRevoke(
  io: CliIo,
  serial: string | undefined,
  o: { reason?: string | undefined; ca?: string | undefined; invalidityDate?: string | undefined },
): Promise<number> {
  if (!serial || !o.reason)
    throw new TekenError(
      'ERR_INPUT_INVALID',
      'Usage: teken cert revoke <serial-hex> --reason <reason> [--invalidity-date <ISO time>] [--ca <ca-id>]',
    );
  const reason = parseRevocationReason(o.reason);
  let invalidityDate: Date | undefined;
  if (o.invalidityDate !== undefined) {
    invalidityDate = new Date(o.invalidityDate);
    if (Number.isNaN(invalidityDate.getTime()))
      throw new TekenError('ERR_INPUT_INVALID', `--invalidity-date "${o.invalidityDate}" is not a date.`);
  }
  return withRuntime(io, async (rt) => {
    const result = await revokeCertificate(rt.authority, {
      serial,
      reason,
      actor: cliActor(),
      ...(o.ca ? { caId: o.ca } : {}),
      ...(invalidityDate ? { invalidityDate } : {}),
    });
    const crl = await generateCrl(rt.authority, result.caId, cliActor());
    write(
      io.stdout,
      `${reason === 'certificateHold' ? 'held' : 'revoked'} ${result.serialHex} (${result.caId}, ${reason}); CRL ${crl.number} published with ${crl.entries} entries`,
    );
    return 0;
  });
}

export async function certRelease(
  io: CliIo,
  serial: string | undefined,
  o: { ca?: string | undefined },
): Promise<number> {
  if (!serial)
    throw new TekenError('ERR_INPUT_INVALID', 'Usage: teken cert release <serial-hex> [--ca <ca-id>]');
  return withRuntime(io, async (rt) => {
    const result = await releaseCertificateHold(rt.authority, {
      serial,
      actor: cliActor(),
      ...(o.ca ? { caId: o.ca } : {}),
    });
    const crl = await generateCrl(rt.authority, result.caId, cliActor());
    write(io.stdout, `released ${result.serialHex} from hold; CRL ${crl.number} published`);
    return 0;
  });
}

export async function certShow(
  io: CliIo,
  serial: string | undefined,
  o: { ca?: string | undefined; pem?: boolean | undefined },
): Promise<number> {
  if (!serial) throw new TekenError('ERR_INPUT_INVALID', 'Usage: teken cert show <serial-hex> [--pem]');
  return withRuntime(io, async (rt) => {
    const row = await findCertificate(rt.authority, serial, o.ca);
    const now = new Date();
    const status =
      row.status !== 'issued'
        ? row.status
        : row.revocationReason === revocationReasons.certificateHold
          ? 'on hold'
          : row.revokedAt
            ? 'revoked'
            : row.notAfter < now
              ? 'expired'
              : 'valid';
    const lines = [
      `serial          ${row.serial}`,
      `ca              ${row.authorityId}`,
      `profile         ${row.profile}`,
      `status          ${status}`,
      `subject         ${row.subjectDn}`,
      `not before      ${row.notBefore.toISOString()}`,
      `not after       ${row.notAfter.toISOString()}`,
      `recorded        ${row.createdAt.toISOString()}`,
    ];
    if (row.issuedAt) lines.push(`issued          ${row.issuedAt.toISOString()}`);
    if (row.der) lines.push(`sha256          ${crypto.createHash('sha256').update(row.der).digest('hex')}`);
    if (row.revokedAt) {
      lines.push(`revoked         ${row.revokedAt.toISOString()}`);
      lines.push(`reason          ${reasonName(row.revocationReason ?? 0) ?? row.revocationReason}`);
      if (row.invalidityDate) lines.push(`invalidity date ${row.invalidityDate.toISOString()}`);
    }
    write(io.stdout, lines.join('\n'));
    if (o.pem && row.der) write(io.stdout, toPem(row.der));
    return 0;
  });
}
