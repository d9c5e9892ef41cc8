import type { Locale, RenderedMessage } from '../templates/render-message.js';
import type { WhatsAppMapping } from '../templates/template.js';

/** The delivery routes an outbox row can name (`outbox.channel`). */
export type ChannelName = 'email' | 'whatsapp' | 'log';

/** One message, decrypted and rendered, on its way out. */
export interface OutboundMessage {
  /** The outbox id: also the idempotency key towards the provider (e-mail Message-ID). */
  id: string;
  template: string;
  locale: Locale;
  /** The address: an e-mail address, or an E.164 phone number for WhatsApp. */
  to: string;
  /** The message's WhatsApp template (template.ts), for the WhatsApp channel. */
  whatsapp?: WhatsAppMapping<string>;
  /** The template variables, for channels that send provider-side templates (WhatsApp). */
  data: Readonly<Record<string, string>>;
  /** Subject, plain text and HTML, for channels that send the text themselves (e-mail). */
  rendered: RenderedMessage;
}

/**
 * A delivery failure a channel has classified. `permanent`: no retry can succeed (the recipient
 * has no WhatsApp, the template is missing at the provider), so the outbox dead-letters the message
 * at once; otherwise it retries with backoff. Any other error a channel throws is transient.
 * The message must hold no address, code or link (it is stored as `outbox.last_error`).
 */
export class ChannelError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

/** Whether an error from `send` dead-letters the message at once. */
export const isPermanentFailure = (error: unknown): boolean =>
  error instanceof ChannelError && error.permanent;

/**
 * A way of delivering messages. `send` resolves once the provider accepted the message and
 * rejects otherwise (a `ChannelError` says whether a retry can help); the outbox worker retries
 * transient failures with backoff. New channels (WhatsApp's Cloud API)
 * implement this and are added in `createChannels`.
 */
export interface Channel {
  readonly name: ChannelName;
  /**
   * Whether the sealed payload stays in the outbox after delivery. Only the log channel keeps it
   * (the message is read on the admin outbox page instead of being sent); others drop it, so a
   * delivered link no longer sits in the database.
   */
  readonly keepsPayload: boolean;
  /**
   * How many messages the outbox worker hands it at once (default 1): the SMTP channel's pooled
   * connections. Messages to one recipient are still sent one after the other, in order.
   */
  readonly concurrency?: number;
  send(message: OutboundMessage): Promise<void>;
  close?(): Promise<void>;
}

export type Channels = Partial<Record<ChannelName, Channel>>;
