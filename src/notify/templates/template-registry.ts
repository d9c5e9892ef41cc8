/**
 * The messages Teken can send, by the name stored in `outbox.template`. Each module owns its
 * templates and the runtime registers them (identity now; enrollment and certificates next), so a
 * module adds messages without touching another. A name is registered once.
 */
import { TekenError } from '../../errors/teken-error.js';
import type { RenderedMessage } from './layout.js';
import { renderTemplate } from './render-message.js';
import type { Locale, MessageTemplate, WhatsAppMapping } from './template.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any variable set
export type TemplateSet = Readonly<Record<string, MessageTemplate<any>>>;

/** The variables of one template, e.g. `{ name, link, expiresInMinutes }` for reset-password. */
export type TemplateData<Tpl> = Tpl extends MessageTemplate<infer V> ? Readonly<Record<V, string>> : never;

/** A message to queue for one of a set's templates, with exactly its variables. */
export type MessageOf<S extends TemplateSet> = {
  [K in keyof S & string]: {
    template: K;
    locale: Locale;
    /** The recipient's e-mail address, or an E.164 number for `channel: 'whatsapp'`. */
    to: string;
    /** E-mail (the default) or WhatsApp (the template must have a WhatsApp mapping). */
    channel?: 'email' | 'whatsapp';
    /** The template's variables; times preformatted with `formatWib`. */
    data: TemplateData<S[K]>;
    /**
     * Names the message so that a retried request does not send it twice, e.g.
     * `reset-password:<action token id>`. A second message with the same key is dropped.
     */
    idempotencyKey: string;
    accountId?: string;
  };
}[keyof S & string];

export class TemplateRegistry {
  readonly #templates = new Map<string, MessageTemplate<string>>();

  /** Adds a module's templates; a name that is already taken is a programming error. */
  register(set: TemplateSet): this {
    for (const [name, template] of Object.entries(set)) {
      if (this.#templates.has(name)) throw new Error(`The message template "${name}" is registered twice.`);
      this.#templates.set(name, template as MessageTemplate<string>);
    }
    return this;
  }

  has(name: string): boolean {
    return this.#templates.has(name);
  }

  /** The WhatsApp template of a message, if it has one. */
  whatsapp(name: string): WhatsAppMapping<string> | undefined {
    return this.#templates.get(name)?.whatsapp;
  }

  names(): string[] {
    return [...this.#templates.keys()].sort();
  }

  /**
   * Renders a message in one locale: the subject, a plain-text part and an HTML part in which every
   * variable is escaped. `organisation` (TEKEN_ORGANISATION_NAME) heads the message and signs it.
   * Throws when the template is unknown, a variable is missing or a link is not an http(s) URL.
   */
  render(
    name: string,
    locale: Locale,
    data: Readonly<Record<string, string>>,
    organisation: string,
  ): RenderedMessage {
    const template = this.#templates.get(name);
    if (!template) throw new TekenError('ERR_SERVER_INTERNAL', `There is no message template "${name}".`);
    return renderTemplate(name, template, locale, data, organisation);
  }
}
