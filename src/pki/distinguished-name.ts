import { TekenError } from '../errors/teken-error.js';
import { der, derReader, oidDer, oidIsValid, oidText, tag } from './der.js';

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
    checkAttributeValue(type, value);
    attributes.push({ type, oid: nameAttributes[type], value });
  }
  if (attributes.length === 0) throw new TekenError('ERR_INPUT_INVALID', 'The subject name is empty.');
  return slashForm ? attributes : attributes.reverse();
}

/**
 * The rules every attribute value meets, typed by an operator or read from a request: not empty, no
 * control characters (a NUL in a name is the classic way to make two names look alike), within the
 * RFC 5280 upper bound, and a two-letter country.
 */
export function checkAttributeValue(type: string, value: string): void {
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
}

const stringTag = {
  utf8: 0x0c,
  printable: 0x13,
  teletex: 0x14,
  ia5: 0x16,
  universal: 0x1c,
  bmp: 0x1e,
} as const;
const printable = /^[A-Za-z0-9 '()+,\-./:=?]*$/;
/** X.520 fixes the string type of these (RFC 5280 Appendix A); every other attribute is UTF8String. */
const fixedStringType = new Map<string, number>([
  [nameAttributes.C, stringTag.printable],
  [nameAttributes.serialNumber, stringTag.printable],
  [nameAttributes.E, stringTag.ia5],
  ['0.9.2342.19200300.100.1.25', stringTag.ia5], // domainComponent
]);
const attributeTypeDer = new Map<string, Uint8Array>();

function attributeValueDer(attribute: NameAttribute): Uint8Array {
  const type = fixedStringType.get(attribute.oid) ?? stringTag.utf8;
  const value = attribute.value;
  if (type === stringTag.printable && !printable.test(value))
    throw new TekenError(
      'ERR_INPUT_INVALID',
      `The name attribute ${attribute.type} may only hold letters, digits, spaces and '()+,-./:=?.`,
    );
  // eslint-disable-next-line no-control-regex
  if (type === stringTag.ia5 && !/^[\u0000-\u007f]*$/.test(value))
    throw new TekenError('ERR_INPUT_INVALID', `The name attribute ${attribute.type} must be ASCII.`);
  return der(type, new Uint8Array(Buffer.from(value, type === stringTag.utf8 ? 'utf8' : 'latin1')));
}

/**
 * Encodes attributes as a DER Name, one attribute per RDN, in the order given. Strings are
 * UTF8String (RFC 5280 4.1.2.4), except country and serialNumber (PrintableString) and e-mail
 * (IA5String), whose types X.520 fixes. Values are written as they are: no escapes, no "#hex".
 */
export function encodeName(attributes: readonly NameAttribute[]): Uint8Array {
  return der(
    tag.sequence,
    ...attributes.map((attribute) => {
      let typeDer = attributeTypeDer.get(attribute.oid);
      if (!typeDer) attributeTypeDer.set(attribute.oid, (typeDer = oidDer(attribute.oid)));
      return der(tag.set, der(tag.sequence, typeDer, attributeValueDer(attribute)));
    }),
  );
}

/** RFC 4514 text of attributes in encoding order: last RDN first, as `CN=..., O=..., C=ID`. */
export function attributesToString(attributes: readonly NameAttribute[]): string {
  return [...attributes]
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

/** RFC 4514 text of a DER Name: last RDN first, as `CN=..., O=..., C=ID` (OpenSSL -nameopt RFC2253). */
export function nameToString(der: Uint8Array): string {
  return attributesToString(decodeName(der));
}

const nameError = (message: string): never => {
  throw new TekenError('ERR_INPUT_INVALID', `The name is not valid: ${message}.`);
};
const reader = derReader(nameError);
const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeString(bytes: Uint8Array, stringType: number, what: string): string {
  switch (stringType) {
    case stringTag.utf8:
      try {
        return utf8.decode(bytes);
      } catch {
        return nameError(`${what} is not UTF-8`);
      }
    case stringTag.printable:
    case stringTag.ia5:
    case stringTag.teletex: {
      // TeletexString is read as Latin-1, as OpenSSL and browsers show it.
      const text = Buffer.from(bytes).toString('latin1');
      if (stringType === stringTag.printable && !printable.test(text))
        nameError(`${what} is not a PrintableString`);
      // eslint-disable-next-line no-control-regex
      if (stringType === stringTag.ia5 && !/^[\u0000-\u007f]*$/.test(text)) nameError(`${what} is not ASCII`);
      return text;
    }
    case stringTag.bmp:
      if (bytes.length % 2 !== 0) nameError(`${what} is not a BMPString`);
      return Buffer.from(bytes).swap16().toString('utf16le');
    case stringTag.universal: {
      if (bytes.length % 4 !== 0) nameError(`${what} is not a UniversalString`);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      let text = '';
      for (let i = 0; i < bytes.length; i += 4) {
        const code = view.getUint32(i);
        if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
          nameError(`${what} is not a UniversalString`);
        text += String.fromCodePoint(code);
      }
      return text;
    }
    default:
      return nameError(`${what} is not a directory string`);
  }
}

/** The attributes of a DER Name, first RDN first (every attribute of a multi-valued RDN in turn). */
export function decodeName(bytes: Uint8Array): NameAttribute[] {
  const name = reader.expect(bytes, 0, bytes.length, tag.sequence, 'the name');
  if (name.end !== bytes.length) nameError('it has trailing data');
  const attributes: NameAttribute[] = [];
  for (let pos = name.contentStart; pos < name.end;) {
    const rdn = reader.expect(bytes, pos, name.end, tag.set, 'a relative distinguished name');
    if (rdn.contentStart === rdn.end) nameError('a relative distinguished name is empty');
    pos = rdn.end;
    for (let at = rdn.contentStart; at < rdn.end;) {
      const atv = reader.expect(bytes, at, rdn.end, tag.sequence, 'an attribute');
      at = atv.end;
      const typeTlv = reader.expect(bytes, atv.contentStart, atv.end, tag.oid, 'an attribute type');
      if (!oidIsValid(bytes, typeTlv)) nameError('an attribute type is not a valid OID');
      const oid = oidText(bytes, typeTlv);
      const type = byOid.get(oid) ?? oid;
      const value = reader.read(bytes, typeTlv.end, atv.end, `the ${type} value`);
      if (value.end !== atv.end) nameError(`the ${type} attribute has unexpected data`);
      attributes.push({
        type,
        oid,
        value: decodeString(bytes.subarray(value.contentStart, value.end), value.tag, `the ${type} value`),
      });
    }
  }
  return attributes;
}
