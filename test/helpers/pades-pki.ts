/**
 * A small PKI made with OpenSSL for the PAdES tests and the benchmark: a root, an issuing CA, a
 * subscriber certificate for an RSA-2048 and for a P-256 key, a TSA certificate (critical
 * extendedKeyUsage timeStamping), an OCSP response and a CRL for the subscribers; and an NSS
 * database that trusts the root, for pdfsig. Made by the tests, so the signing code is judged by
 * certificates it did not build.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openssl, runTool } from './run-tool.js';
import { tmpDir } from './tmp-dir.js';

export interface PadesIdentity {
  key: crypto.KeyObject;
  keyFile: string;
  certFile: string;
  certificate: Uint8Array;
}

export interface PadesPki {
  dir: string;
  root: PadesIdentity;
  ca: PadesIdentity;
  rsa: PadesIdentity;
  ec: PadesIdentity;
  tsa: PadesIdentity;
  /** root + ca in one PEM file (openssl -CAfile). */
  bundleFile: string;
  /** sql: NSS database that trusts the root. */
  nssDir: string;
  /** OCSP responses (good) for rsa and ec, signed by the CA, DER. */
  ocsp: { rsa: Uint8Array; ec: Uint8Array };
  /** The CA's CRL, DER. */
  crl: Uint8Array;
}

const der = (pemFile: string) => new Uint8Array(new crypto.X509Certificate(fs.readFileSync(pemFile)).raw);

function identity(dir: string, name: string, keyArgs: string[]): Omit<PadesIdentity, 'certificate'> {
  const keyFile = path.join(dir, `${name}.key`);
  openssl(['genpkey', ...keyArgs, '-out', keyFile]);
  return {
    key: crypto.createPrivateKey(fs.readFileSync(keyFile)),
    keyFile,
    certFile: path.join(dir, `${name}.pem`),
  };
}

const rsaKey = ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'];
const ecKey = ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'];

function issue(
  dir: string,
  subject: Omit<PadesIdentity, 'certificate'>,
  issuer: PadesIdentity,
  dn: string,
  extensions: string,
  serial: string,
): PadesIdentity {
  const csr = path.join(dir, `${path.basename(subject.certFile)}.csr`);
  const ext = path.join(dir, `${path.basename(subject.certFile)}.ext`);
  fs.writeFileSync(ext, extensions);
  openssl(['req', '-new', '-key', subject.keyFile, '-subj', dn, '-out', csr]);
  openssl([
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    issuer.certFile,
    '-CAkey',
    issuer.keyFile,
    '-set_serial',
    serial,
    '-days',
    '365',
    '-sha256',
    '-extfile',
    ext,
    '-out',
    subject.certFile,
  ]);
  return { ...subject, certificate: der(subject.certFile) };
}

export function makePadesPki(): PadesPki {
  const dir = tmpDir();
  const rootBase = identity(dir, 'root', ecKey);
  openssl([
    'req',
    '-x509',
    '-new',
    '-key',
    rootBase.keyFile,
    '-subj',
    '/C=ID/O=Teken Uji/CN=Teken Uji Root CA',
    '-days',
    '3650',
    '-sha256',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-out',
    rootBase.certFile,
  ]);
  const root = { ...rootBase, certificate: der(rootBase.certFile) };
  const caExt =
    'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n';
  const ca = issue(
    dir,
    identity(dir, 'ca', rsaKey),
    root,
    '/C=ID/O=Teken Uji/CN=Teken Uji Individu CA',
    caExt,
    '0x1001',
  );
  const leafExt =
    'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nextendedKeyUsage=emailProtection\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n';
  const rsa = issue(
    dir,
    identity(dir, 'rsa', rsaKey),
    ca,
    '/C=ID/O=Contoh/CN=Penanda Tangan RSA',
    leafExt,
    '0x2001',
  );
  const ec = issue(
    dir,
    identity(dir, 'ec', ecKey),
    ca,
    '/C=ID/O=Contoh/CN=Penanda Tangan EC',
    leafExt,
    '0x2002',
  );
  const tsa = issue(
    dir,
    identity(dir, 'tsa', rsaKey),
    ca,
    '/C=ID/O=Teken Uji/CN=Teken Uji TSA',
    'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n',
    '0x3001',
  );
  const bundleFile = path.join(dir, 'bundle.pem');
  fs.writeFileSync(bundleFile, fs.readFileSync(root.certFile, 'utf8') + fs.readFileSync(ca.certFile, 'utf8'));

  // OCSP responses and a CRL from `openssl ca`'s index, as a CA publishes them.
  const index = path.join(dir, 'index.txt');
  const expiry = '301231000000Z';
  fs.writeFileSync(
    index,
    `V\t${expiry}\t\t2001\tunknown\t/C=ID/O=Contoh/CN=Penanda Tangan RSA\n` +
      `V\t${expiry}\t\t2002\tunknown\t/C=ID/O=Contoh/CN=Penanda Tangan EC\n` +
      `V\t${expiry}\t\t3001\tunknown\t/C=ID/O=Teken Uji/CN=Teken Uji TSA\n`,
  );
  const ocspFor = (leaf: PadesIdentity, name: string) => {
    const out = path.join(dir, `${name}.ocsp`);
    const req = path.join(dir, `${name}.ocspreq`);
    openssl(['ocsp', '-issuer', ca.certFile, '-cert', leaf.certFile, '-no_nonce', '-reqout', req]);
    openssl([
      'ocsp',
      '-index',
      index,
      '-CA',
      ca.certFile,
      '-rsigner',
      ca.certFile,
      '-rkey',
      ca.keyFile,
      '-reqin',
      req,
      '-respout',
      out,
      '-ndays',
      '7',
    ]);
    return new Uint8Array(fs.readFileSync(out));
  };
  const caConf = path.join(dir, 'ca.cnf');
  fs.writeFileSync(path.join(dir, 'crlnumber'), '01\n');
  fs.writeFileSync(
    caConf,
    `[ca]\ndefault_ca=d\n[d]\ndatabase=${index}\ncrlnumber=${path.join(dir, 'crlnumber')}\ndefault_md=sha256\ndefault_crl_days=7\n`,
  );
  const crlPem = path.join(dir, 'ca.crl.pem');
  openssl(['ca', '-gencrl', '-config', caConf, '-cert', ca.certFile, '-keyfile', ca.keyFile, '-out', crlPem]);
  const crlDer = path.join(dir, 'ca.crl');
  openssl(['crl', '-in', crlPem, '-outform', 'DER', '-out', crlDer]);

  const nssDir = path.join(dir, 'nss');
  fs.mkdirSync(nssDir);
  const certutil = (args: string[]) => {
    const r = runTool('certutil', args);
    if (r.status !== 0) throw new Error(`certutil ${args.join(' ')}: ${r.stderr}`);
  };
  certutil(['-N', '-d', `sql:${nssDir}`, '--empty-password']);
  certutil(['-A', '-d', `sql:${nssDir}`, '-n', 'teken-uji-root', '-t', 'CT,C,C', '-i', root.certFile]);
  return {
    dir,
    root,
    ca,
    rsa,
    ec,
    tsa,
    bundleFile,
    nssDir: `sql:${nssDir}`,
    ocsp: { rsa: ocspFor(rsa, 'rsa'), ec: ocspFor(ec, 'ec') },
    crl: new Uint8Array(fs.readFileSync(crlDer)),
  };
}
