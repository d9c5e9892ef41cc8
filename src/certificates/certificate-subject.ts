/**
 * The subject a certificate of a product will carry, from the verified profile (the user sees it
 * exactly before submitting a request). eSign: CN the full name (entered without titles, seed 004),
 * title the Jabatan, OU the Unit Organisasi, O the institution, ST the province, C ID, and the
 * account's e-mail as an rfc822Name. eSeal: CN and O the institution, ST its province, C ID.
 *
 * The NIK and NIP are never put in a certificate: every signed document carries it, so it would
 * publish them. A value longer than its X.520 upper bound (OU and title: 64 characters) is left
 * out rather than cut, and the attribute is named in `omitted` so the screen can say so.
 */
import { attributesToString, nameAttributes } from '../pki/distinguished-name.js';
import type { CertificateProduct, SubjectAttributeRecord } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';

export interface SubjectSource {
  fullName: string;
  email: string;
  institutionName: string;
  institutionProvince: string | null;
  jabatan: string | null;
  unitOrganisasi: string | null;
  province: string | null;
}

export interface PlannedSubject {
  subject: SubjectAttributeRecord[];
  emails: string[];
  /** Attributes left out because the value exceeds the X.520 bound. */
  omitted: string[];
}

const bounds: Record<string, number> = { CN: 64, O: 64, OU: 64, title: 64, ST: 128 };

/** In encoding order (C first, CN last), as RFC 4514 prints it reversed: "CN=…, O=…, C=ID". */
export function certificateSubject(product: CertificateProduct, source: SubjectSource): PlannedSubject {
  const omitted: string[] = [];
  const subject: SubjectAttributeRecord[] = [];
  const add = (type: keyof typeof nameAttributes, value: string | null, required = false) => {
    const clean = value?.trim().replace(/\s+/g, ' ') ?? '';
    if (clean === '') {
      if (required)
        throw new TekenError('ERR_SUBSCRIBER_NOT_VERIFIED', `The profile has no value for ${type}.`);
      return;
    }
    if ([...clean].length > (bounds[type] ?? 128)) {
      if (required)
        throw new TekenError(
          'ERR_INPUT_INVALID',
          `${type}: "${clean.slice(0, 20)}…" is longer than the ${bounds[type]} characters a certificate allows.`,
        );
      omitted.push(type);
      return;
    }
    subject.push({ type, oid: nameAttributes[type], value: clean });
  };
  add('C', 'ID', true);
  if (product === 'esign') {
    add('ST', source.province ?? source.institutionProvince);
    add('O', source.institutionName, true);
    add('OU', source.unitOrganisasi);
    add('title', source.jabatan);
    add('CN', source.fullName, true);
    return { subject, emails: [source.email.toLowerCase()], omitted };
  }
  add('ST', source.institutionProvince);
  add('O', source.institutionName, true);
  add('CN', source.institutionName, true);
  return { subject, emails: [], omitted };
}

/** "CN=…, title=…, O=…, C=ID" (most significant last), as the console shows it. */
export const subjectText = (subject: readonly SubjectAttributeRecord[]) => attributesToString(subject);
