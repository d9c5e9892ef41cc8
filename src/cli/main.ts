/**
 * `teken`: the operator CLI. Every command drives the same code as the HTTP API.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isTekenError } from '../errors/teken-error.js';
import { defaultIo, write, type CliIo } from './cli-context.js';
import { adminCreate, adminSetupLink } from './commands/admin-commands.js';
import {
  apiClientCreate,
  apiClientDisable,
  apiClientEnable,
  apiClientList,
  apiClientUpdate,
  apiClientUpdateUsage,
} from './commands/api-client-commands.js';
import { auditVerify } from './commands/audit-commands.js';
import { caCert, caInit, caList, caRenewSigner } from './commands/ca-commands.js';
import { certIssue, certRelease, certRevoke, certShow } from './commands/cert-commands.js';
import { crlGenerate } from './commands/crl-commands.js';
import {
  institutionCreate,
  institutionCreateUsage,
  institutionList,
} from './commands/institution-commands.js';
import { enrollmentImport, enrollmentImportUsage } from './commands/enrollment-commands.js';
import { serve } from './commands/serve-command.js';
import {
  subscriberAdd,
  subscriberAddUsage,
  subscriberIssue,
  subscriberIssueUsage,
} from './commands/subscriber-commands.js';
import { subscriberImport, subscriberImportUsage } from './commands/subscriber-import-command.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | undefined>;

interface Command {
  usage: string;
  summary: string;
  options: Options;
  run(io: CliIo, positionals: string[], values: Values): Promise<number>;
}

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

const commands: Record<string, Command> = {
  'ca init': {
    usage: 'teken ca init',
    summary:
      'Create the root CA, the issuing CAs (individual, seal, tls), OCSP responders and the TSA unit; safe to run again',
    options: {},
    run: (io) => caInit(io),
  },
  'ca list': {
    usage: 'teken ca list',
    summary: 'List the CAs with their names, keys and validity',
    options: {},
    run: (io) => caList(io),
  },
  'ca cert': {
    usage: 'teken ca cert <ca-id> [--pem]',
    summary: 'Print a CA certificate (DER, or PEM with --pem); ca-id is root, individual, seal or tls',
    options: { pem: { type: 'boolean' } },
    run: (io, p, v) => caCert(io, p[0], v.pem === true),
  },
  'ca renew-signer': {
    usage: 'teken ca renew-signer <ca-id> <ocsp|tsa>',
    summary:
      'Replace an OCSP responder or the TSA unit with a new key and certificate now (teken serve does it by itself before they expire)',
    options: {},
    run: (io, p) => caRenewSigner(io, p[0], p[1]),
  },
  'cert issue': {
    usage:
      'teken cert issue --ca <ca-id> --profile <profile> --csr <file> [--subject "<DN>"] [--san dns:a,ip:b,email:c] [--days N]\n' +
      '  teken cert issue --ca <ca-id> --profile <profile> --subject "<DN>" --generate-key rsa2048|p256 --p12 <file> --p12-pass-env <VAR>',
    summary:
      'Issue a certificate from a PKCS#10 request, or with a new key returned in a PKCS#12 keystore (profiles: individual, seal, tls-server)',
    options: {
      ca: { type: 'string' },
      profile: { type: 'string' },
      csr: { type: 'string' },
      subject: { type: 'string' },
      san: { type: 'string' },
      days: { type: 'string' },
      'generate-key': { type: 'string' },
      p12: { type: 'string' },
      'p12-pass-env': { type: 'string' },
    },
    run: (io, _p, v) =>
      certIssue(io, {
        ca: str(v.ca),
        profile: str(v.profile),
        csr: str(v.csr),
        subject: str(v.subject),
        san: str(v.san),
        days: str(v.days),
        generateKey: str(v['generate-key']),
        p12: str(v.p12),
        p12PassEnv: str(v['p12-pass-env']),
      }),
  },
  'cert revoke': {
    usage: 'teken cert revoke <serial-hex> --reason <reason> [--invalidity-date <ISO time>] [--ca <ca-id>]',
    summary:
      "Revoke a certificate (reasons: unspecified, keyCompromise, affiliationChanged, superseded, cessationOfOperation, certificateHold, privilegeWithdrawn; for an issuing CA's certificate, with --ca root: cACompromise and the same but keyCompromise, certificateHold and privilegeWithdrawn; the CA then issues nothing more)",
    options: { reason: { type: 'string' }, ca: { type: 'string' }, 'invalidity-date': { type: 'string' } },
    run: (io, p, v) =>
      certRevoke(io, p[0], {
        reason: str(v.reason),
        ca: str(v.ca),
        invalidityDate: str(v['invalidity-date']),
      }),
  },
  'cert release': {
    usage: 'teken cert release <serial-hex> [--ca <ca-id>]',
    summary: 'Release a certificate from hold (revoked with reason certificateHold)',
    options: { ca: { type: 'string' } },
    run: (io, p, v) => certRelease(io, p[0], { ca: str(v.ca) }),
  },
  'cert show': {
    usage: 'teken cert show <serial-hex> [--pem] [--ca <ca-id>]',
    summary: 'Show a certificate and its status',
    options: { pem: { type: 'boolean' }, ca: { type: 'string' } },
    run: (io, p, v) => certShow(io, p[0], { pem: v.pem === true, ca: str(v.ca) }),
  },
  'crl generate': {
    usage: 'teken crl generate --ca <ca-id> [--out <file>]',
    summary: 'Publish a new CRL now (DER, or PEM when the file ends in .pem)',
    options: { ca: { type: 'string' }, out: { type: 'string' } },
    run: (io, _p, v) => crlGenerate(io, { ca: str(v.ca), out: str(v.out) }),
  },
  serve: {
    usage: 'teken serve [--port N]',
    summary: 'Run the service: API, console, CA certificates, CRLs, OCSP',
    options: { port: { type: 'string' } },
    run: (io, _p, v) => serve(io, { port: str(v.port) }),
  },
  'admin create': {
    usage:
      'teken admin create --username <name> --email <address> --name "<full name>" [--role ca_admin|institution_admin|ra_officer]',
    summary: 'Create an administrator and print a one-time link to set their password and authenticator',
    options: {
      username: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
    },
    run: (io, _p, v) =>
      adminCreate(io, {
        username: str(v.username),
        email: str(v.email),
        name: str(v.name),
        role: str(v.role),
      }),
  },
  'admin setup-link': {
    usage: 'teken admin setup-link [--email <address>] [--username <name> --force]',
    summary:
      'Print a fresh one-time setup link for the first administrator ("admin") while it is not yet set up, voiding the older link; --email gives it a real e-mail address. --force: recovery for a CA administrator who lost both password and authenticator (resets them and ends its sessions)',
    options: {
      username: { type: 'string' },
      email: { type: 'string' },
      force: { type: 'boolean' },
    },
    run: (io, _p, v) =>
      adminSetupLink(io, { username: str(v.username), email: str(v.email), force: v.force === true }),
  },
  'institution create': {
    usage: institutionCreateUsage,
    summary:
      'Create an institution (Instansi) with its allowed e-mail domains; prints its id (with --json, the institution). Policy fields take their defaults (docs/enrollment.md)',
    options: {
      name: { type: 'string' },
      domain: { type: 'string' },
      province: { type: 'string' },
      code: { type: 'string' },
      json: { type: 'boolean' },
    },
    run: (io, _p, v) =>
      institutionCreate(io, {
        name: str(v.name),
        domain: str(v.domain),
        province: str(v.province),
        code: str(v.code),
        json: v.json === true,
      }),
  },
  'enrollment import': {
    usage: enrollmentImportUsage,
    summary:
      'Import registrations from a CSV file (nama,email[,bahasa]) into an institution, with a progress bar; the same file again resumes an unfinished import. --report writes the per-row report (CSV), --json prints the summary as JSON',
    options: { institution: { type: 'string' }, report: { type: 'string' }, json: { type: 'boolean' } },
    run: (io, p, v) =>
      enrollmentImport(io, p[0], {
        institution: str(v.institution),
        report: str(v.report),
        json: v.json === true,
      }),
  },
  'subscriber add': {
    usage: subscriberAddUsage,
    summary:
      'Add a subscriber with their NIK (and NIP, phone) to an institution; --verified: the operator vouches for the data (the registration is verified). Prints the account id (with --json, id and username); no e-mail is sent',
    options: {
      institution: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      nik: { type: 'string' },
      phone: { type: 'string' },
      nip: { type: 'string' },
      verified: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    run: (io, _p, v) =>
      subscriberAdd(io, {
        institution: str(v.institution),
        name: str(v.name),
        email: str(v.email),
        nik: str(v.nik),
        phone: str(v.phone),
        nip: str(v.nip),
        verified: v.verified === true,
        json: v.json === true,
      }),
  },
  'subscriber issue': {
    usage: subscriberIssueUsage,
    summary:
      "Request, approve (as the operator) and issue a verified subscriber's certificate, the key generated and sealed under the passphrase read from the environment variable; prints the certificate as PEM (with --json, its id, serial and PEM)",
    options: {
      email: { type: 'string' },
      product: { type: 'string' },
      'passphrase-env': { type: 'string' },
      json: { type: 'boolean' },
    },
    run: (io, _p, v) =>
      subscriberIssue(io, {
        email: str(v.email),
        product: str(v.product),
        passphraseEnv: str(v['passphrase-env']),
        json: v.json === true,
      }),
  },
  'subscriber import': {
    usage: subscriberImportUsage,
    summary:
      "Add verified subscribers in bulk from a CSV file (nama, email, nik, optional nip and telepon), each as 'subscriber add --verified'; with --issue also each one's eSign certificate under the passphrase in the named column (never printed). One report line per row on stdout, progress on stderr; exit 1 when any row was refused",
    options: {
      institution: { type: 'string' },
      issue: { type: 'boolean' },
      'passphrase-column': { type: 'string' },
      json: { type: 'boolean' },
    },
    run: (io, p, v) =>
      subscriberImport(io, p[0], {
        institution: str(v.institution),
        issue: v.issue === true,
        passphraseColumn: str(v['passphrase-column']),
        json: v.json === true,
      }),
  },
  'institution list': {
    usage: 'teken institution list [--json]',
    summary: 'List the institutions as a table (with --json, as JSON)',
    options: { json: { type: 'boolean' } },
    run: (io, _p, v) => institutionList(io, { json: v.json === true }),
  },
  'api-client create': {
    usage: 'teken api-client create --institution <id> --description "<text>" [--json]',
    summary:
      'Create an API client of an institution (HTTP Basic) and print its username and secret, this once only; --json prints it as JSON',
    options: { institution: { type: 'string' }, description: { type: 'string' }, json: { type: 'boolean' } },
    run: (io, _p, v) =>
      apiClientCreate(io, {
        institution: str(v.institution),
        description: str(v.description),
        json: v.json === true,
      }),
  },
  'api-client list': {
    usage: 'teken api-client list --institution <id> [--json]',
    summary: "List an institution's API clients (never their secrets)",
    options: { institution: { type: 'string' }, json: { type: 'boolean' } },
    run: (io, _p, v) => apiClientList(io, { institution: str(v.institution), json: v.json === true }),
  },
  'api-client disable': {
    usage: 'teken api-client disable <username>',
    summary: 'Disable an API client: its next call is refused',
    options: {},
    run: (io, p) => apiClientDisable(io, p[0]),
  },
  'api-client enable': {
    usage: 'teken api-client enable <username>',
    summary: 'Enable a disabled API client again (with the secret it had)',
    options: {},
    run: (io, p) => apiClientEnable(io, p[0]),
  },
  'api-client update': {
    usage: apiClientUpdateUsage,
    summary:
      'Replace the source-address allowlist (--allow 10.0.0.0/8,192.0.2.7; --allow any clears it) and/or set the rate limit in calls per minute',
    options: { allow: { type: 'string' }, 'rate-limit': { type: 'string' }, json: { type: 'boolean' } },
    run: (io, p, v) =>
      apiClientUpdate(io, p[0], {
        allow: str(v.allow),
        rateLimit: str(v['rate-limit']),
        json: v.json === true,
      }),
  },
  'audit verify': {
    usage: 'teken audit verify',
    summary: 'Check the hash chain of the audit log from the first event to the last',
    options: {},
    run: (io) => auditVerify(io),
  },
};

export function helpText(): string {
  const lines = ['Teken: certificate authority and cloud signing', '', 'Usage:'];
  for (const command of Object.values(commands)) lines.push(`  ${command.usage}`, `      ${command.summary}`);
  lines.push(
    '',
    'Configuration comes from TEKEN_* environment variables: see docs/configuration.md.',
    'Run `teken <command> --help` for one command.',
  );
  return lines.join('\n');
}

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    write(io.stdout, helpText());
    return argv.length === 0 ? 2 : 0;
  }
  const name = commands[`${argv[0]} ${argv[1] ?? ''}`] ? `${argv[0]} ${argv[1]}` : argv[0]!;
  const command = commands[name];
  if (!command) {
    write(io.stderr, `teken: unknown command "${argv.slice(0, 2).join(' ')}".\n\n${helpText()}`);
    return 2;
  }
  const rest = argv.slice(name.split(' ').length);
  if (rest.includes('--help') || rest.includes('-h')) {
    write(io.stdout, `Usage: ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({
      args: rest,
      options: command.options,
      allowPositionals: true,
      strict: true,
    }) as typeof parsed;
  } catch (error) {
    write(io.stderr, `teken ${name}: ${(error as Error).message}\nUsage: ${command.usage}`);
    return 2;
  }
  try {
    return await command.run(io, parsed.positionals, parsed.values);
  } catch (error) {
    if (isTekenError(error)) {
      write(io.stderr, `teken ${name}: ${error.message} [${error.code}]`);
      return error.code === 'ERR_INPUT_INVALID' ? 2 : 1;
    }
    write(io.stderr, `teken ${name}: unexpected error: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}
