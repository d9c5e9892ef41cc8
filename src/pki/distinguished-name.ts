import { AsnConvert } from '@peculiar/asn1-schema';
import { Name } from '@peculiar/asn1-x509';
import { TekenError } from '../errors/teken-error.js';
import { x509 } from './x509.js';

/** Attribute types we accept in subject names, by the short names operators type. */
export const nameAttributes = {
  CN: '2.5.4.3',
  SN: '2.5.4.4',
  serialNumber: '2.5.4.5',
  C: '2.5.4.6',
  L: '2.5.4.7',
  ST: '2.5.4.8',
  street: '2.5.4.9',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  title: '2.5.4.12',
  GN: '2.5.4.42',
  pseudonym: '2.5.4.65',
  organizationIdentifier: '2.5.4.97',
  E: '1.2.840.113549.1.9.1',
} as const;

const byOid = new Map<string, string>(Object.entries(nameAttributes).map(([k, v]) => [v, k]));
const aliases: Record<string, keyof typeof nameAttributes> = {
  commonname: 'CN',
  surname: 'SN',
  serialnumber: 'serialNumber',
  countryname: 'C',
  localityname: 'L',
  stateorprovincename: 'ST',
  organizationname: 'O',
  organizationalunitname: 'OU',
  givenname: 'GN',
  emailaddress: 'E',
  email: 'E',
  organizationidentifier: 'organizationIdentifier',
};

export interface NameAttribute {
  type: string;
  oid: string;
  value: string;
}

/** Upper bounds from RFC 5280 Appendix A (ub-*). */
const maxLength: Record<string, number> = {
  CN: 64,
  O: 64,
  OU: 64,
  L: 128,
  ST: 128,
  title: 64,
  serialNumber: 64,
  C: 2,
  E: 255,
};

/**
 * Parses a distinguished name as operators write it, in either of the two usual spellings:
 * RFC 4514 "CN=Budi, O=Instansi, C=ID" (most significant last, so C becomes the first RDN) or
 * OpenSSL's "/C=ID/O=Instansi/CN=Budi" (in encoding order). Values may be quoted or escape a
 * separator with a backslash. Returns the attributes in encoding order (first RDN first).
 */
export function parseDistinguishedName(text: string): NameAttribute[] {
  if (typeof text !== 'string' || text.trim() === '')
    throw new TekenError('ERR_INPUT_INVALID', 'The subject name is empty.');
  if (text.length > 2048) throw new TekenError('ERR_INPUT_INVALID', 'The subject name is too long.');
  const slashForm = text.trimStart().startsWith('/');
  const separators = slashForm ? ['/'] : [',', ';'];
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) {
      current += ch + text[++i];
    } else if (ch === '"') {
      quoted = !quoted;
      current += ch;
    } else if (separators.includes(ch) && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (quoted) throw new TekenError('ERR_INPUT_INVALID', 'The subject name has an unterminated quote.');
  parts.push(current);
  const attributes: NameAttribute[] = [];
  for (const raw of parts) {
    const part = raw.trim();
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0)
      throw new TekenError(
        'ERR_INPUT_INVALID',
        `"${part}" in the subject name is not of the form TYPE=value.`,
      );
    const key = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    value = value.replace(/\\(.)/g, '$1');
    const type =
      key in nameAttributes
        ? (key as keyof typeof nameAttributes)
        : (aliases[key.toLowerCase()] ?? (byOid.get(key) as keyof typeof nameAttributes | undefined));
    if (!type) {
      throw new TekenError(
        'ERR_INPUT_INVALID',
        `The name attribute "${key}" is not allowed. Use one of ${Object.keys(nameAttributes).join(', ')}.`,
      );
    }
    if (value === '') throw new TekenError('ERR_INPUT_INVALID', `The name attribute ${type} is empty.`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(value)) {
      throw new TekenError('ERR_INPUT_INVALID', `The name attribute ${type} contains control characters.`);
    }
    const limit = maxLength[type] ?? 128;
    if ([...value].length > limit)
      throw new TekenError(
        'ERR_INPUT_INVALID',
        `The name attribute ${type} is longer than ${limit} characters.`,
      );
    if (type === 'C' && !/^[A-Z]{2}$/.test(value)) {
      throw new TekenError('ERR_INPUT_INVALID', 'The country (C) must be two capital letters (ISO 3166).');
    }
    attributes.push({ type, oid: nameAttributes[type], value });
  }
  if (attributes.length === 0) throw new TekenError('ERR_INPUT_INVALID', 'The subject name is empty.');
  return slashForm ? attributes : attributes.reverse();
}

/**
 * Encodes attributes as a DER Name, one attribute per RDN, in the order given. Strings are
 * UTF8String (RFC 5280 4.1.2.4), except country, serialNumber and e-mail, whose types are fixed.
 */
export function encodeName(attributes: readonly NameAttribute[]): Uint8Array {
  // x509.Name picks PrintableString for C and serialNumber, IA5String for e-mail, UTF8String otherwise.
  return new Uint8Array(new x509.Name(attributes.map((a) => ({ [a.oid]: [a.value] }))).toArrayBuffer());
}

/** RFC 4514 text of a DER Name: last RDN first, as `CN=..., O=..., C=ID` (OpenSSL -nameopt RFC2253). */
export function nameToString(der: Uint8Array): string {
  return decodeName(der)
    .reverse()
    .map(
      (a) =>
        `${a.type}=${a.value
          .replace(/([,+"\\<>;=])/g, '\\$1')
          .replace(/^([ #])/, '\\$1')
          .replace(/ $/, '\\ ')}`,
    )
    .join(', ');
}

/** The attributes of a DER Name, first RDN first. */
export function decodeName(der: Uint8Array): NameAttribute[] {
  const name = AsnConvert.parse(der, Name);
  const attributes: NameAttribute[] = [];
  for (const rdn of name) {
    for (const atv of rdn) {
      const oid = atv.type;
      attributes.push({ type: byOid.get(oid) ?? oid, oid, value: atv.value.toString() });
    }
  }
  return attributes;
}
