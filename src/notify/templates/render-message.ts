import { TekenError } from '../../errors/teken-error.js';
import { accountLocked } from './account-locked.js';
import { renderLayout, type RenderedMessage } from './layout.js';
import { passwordChanged } from './password-changed.js';
import { resetOtpDevice } from './reset-otp-device.js';
import { resetPassword } from './reset-password.js';
import { setupAdmin } from './setup-admin.js';
import type { Locale, MessageTemplate } from './template.js';
import { updatePassword } from './update-password.js';

/** Every message Teken sends, by the name stored in `outbox.template`. */
export const templates = {
  'reset-password': resetPassword,
  'update-password': updatePassword,
  'reset-otp-device': resetOtpDevice,
  'password-changed': passwordChanged,
  'account-locked': accountLocked,
  'setup-admin': setupAdmin,
} as const;

export type TemplateName = keyof typeof templates;

/** The variables of one template, e.g. `{ name, link, expiresInMinutes }` for reset-password. */
export type TemplateData<T extends TemplateName> =
  (typeof templates)[T] extends MessageTemplate<infer V> ? Readonly<Record<V, string>> : never;

export type { Locale, RenderedMessage };

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(templates, name);
}

/**
 * Renders a message in one locale: the subject, a plain-text part and an HTML part in which every
 * variable is escaped. `organisation` (TEKEN_ORGANISATION_NAME) heads the message and signs it.
 * Throws when a variable is missing or a link is not an http(s) URL.
 *
 * @example
 * renderMessage('password-changed', 'id', { name: 'Budi', time: formatWib(new Date(), 'id') }, 'Teken');
 */
export function renderMessage(
  template: TemplateName,
  locale: Locale,
  data: Readonly<Record<string, string>>,
  organisation: string,
): RenderedMessage {
  if (!isTemplateName(template)) {
    throw new TekenError('ERR_SERVER_INTERNAL', `There is no message template "${String(template)}".`);
  }
  const definition = templates[template] as MessageTemplate<string>;
  const missing = definition.variables.filter((name) => typeof data[name] !== 'string');
  if (missing.length > 0) {
    throw new TekenError(
      'ERR_SERVER_INTERNAL',
      `The message template "${template}" needs the variable(s) ${missing.join(', ')}.`,
    );
  }
  const localized = definition[locale === 'en' ? 'en' : 'id'];
  const blocks = localized.body(data, organisation);
  for (const block of blocks) {
    if ('link' in block && !isWebUrl(block.link)) {
      throw new TekenError(
        'ERR_SERVER_INTERNAL',
        `The message template "${template}" got a link that is not http(s).`,
      );
    }
  }
  return renderLayout(locale, localized.subject, blocks, organisation);
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
