import { TekenError } from '../../errors/teken-error.js';
import { renderLayout, type RenderedMessage } from './layout.js';
import type { Locale, MessageTemplate } from './template.js';

export type { Locale, RenderedMessage };

/**
 * Renders one template in one locale (TemplateRegistry.render names it). Throws when a variable is
 * missing or a link is not an http(s) URL.
 *
 * @example
 * renderTemplate('password-changed', passwordChanged, 'id', { name: 'Budi', time: formatWib(new Date(), 'id') }, 'Teken');
 */
export function renderTemplate(
  name: string,
  definition: MessageTemplate<string>,
  locale: Locale,
  data: Readonly<Record<string, string>>,
  organisation: string,
): RenderedMessage {
  const missing = definition.variables.filter((variable) => typeof data[variable] !== 'string');
  if (missing.length > 0) {
    throw new TekenError(
      'ERR_SERVER_INTERNAL',
      `The message template "${name}" needs the variable(s) ${missing.join(', ')}.`,
    );
  }
  const localized = definition[locale === 'en' ? 'en' : 'id'];
  const blocks = localized.body(data, organisation);
  for (const block of blocks) {
    if ('link' in block && !isWebUrl(block.link)) {
      throw new TekenError(
        'ERR_SERVER_INTERNAL',
        `The message template "${name}" got a link that is not http(s).`,
      );
    }
  }
  // Subjects carry the organisation's prefix, as BSrE's do: "[BSrE] Aktivasi Akun" (seed 000).
  return renderLayout(locale, `[${organisation}] ${localized.subject}`, blocks, organisation);
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
