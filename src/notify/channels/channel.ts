import type { Locale, RenderedMessage } from '../templates/render-message.js';

/** The delivery routes an outbox row can name (`outbox.channel`). */
export type ChannelName = 'email' | 'whatsapp' | 'log';

/** One message, decrypted and rendered, on its way out. */
export interface OutboundMessage {
  /** The outbox id: also the idempotency key towards the provider (e-mail Message-ID). */
  id: string;
  template: string;
  locale: Locale;
  /** The address: an e-mail address, or later a phone number for WhatsApp. */
  to: string;
  /** The template variables, for channels that send provider-side templates (WhatsApp). */
  data: Readonly<Record<string, string>>;
  /** Subject, plain text and HTML, for channels that send the text themselves (e-mail). */
  rendered: RenderedMessage;
}

/**
 * A way of delivering messages. `send` resolves once the provider accepted the message and
 * rejects otherwise; the outbox worker retries with backoff. New channels (WhatsApp's Cloud API)
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
  send(message: OutboundMessage): Promise<void>;
  close?(): Promise<void>;
}

export type Channels = Partial<Record<ChannelName, Channel>>;
