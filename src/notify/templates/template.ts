/**
 * How a message is written: a static subject (it is stored in clear, so it never carries a
 * variable) and a body of blocks. One body feeds both the plain-text and the HTML part, so the two
 * never drift apart, and the HTML layout escapes every block (see layout.ts).
 */
export type Block =
  /** A paragraph of plain text. */
  | { p: string }
  /** A call-to-action link (an http(s) URL), shown as a button and spelled out for copying. */
  | { link: string; label: string };

export type Variables<V extends string> = Readonly<Record<V, string>>;

export interface LocalizedTemplate<V extends string> {
  subject: string;
  /** `organisation` is TEKEN_ORGANISATION_NAME: who sends the message and whom to contact. */
  body(v: Variables<V>, organisation: string): Block[];
}

export interface MessageTemplate<V extends string> {
  /** Every variable the body uses; rendering fails when one is missing. */
  variables: readonly V[];
  /** Bahasa Indonesia, the default. */
  id: LocalizedTemplate<V>;
  en: LocalizedTemplate<V>;
  /** How the message goes out over WhatsApp (a provider-side template); none: e-mail only. */
  whatsapp?: WhatsAppMapping<V>;
}

/**
 * A message's WhatsApp Business template (docs/notifications.md "Templates"). WhatsApp only sends
 * templates registered and approved at Meta, so Teken names the template and the order of its
 * parameters; the text is the one registered there. `name` is the default provider-side name
 * (TEKEN_WHATSAPP_TEMPLATE_NAMES can rename it).
 * - `authentication`: a code, with the copy-code button (body parameter and URL button 0 both carry it).
 * - `utility`: body parameters `{{1}}`, `{{2}}`, … from these variables, in this order.
 */
export type WhatsAppMapping<V extends string> =
  | { category: 'authentication'; name: string; code: V }
  | { category: 'utility'; name: string; parameters: readonly V[] };

export type Locale = 'id' | 'en';

/** Identity function that lets TypeScript infer the variable names from the list. */
export function defineTemplate<const V extends string>(template: MessageTemplate<V>): MessageTemplate<V> {
  return template;
}

/** "1 minute" / "5 minutes" for English; Indonesian nouns do not take a plural. */
export function plural(count: string, one: string, many: string): string {
  return `${count} ${count.trim() === '1' ? one : many}`;
}
