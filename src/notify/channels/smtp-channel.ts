import nodemailer from 'nodemailer';
import type { Channel } from './channel.js';

export interface SmtpChannelOptions {
  /** smtp://user:password@host:587 (STARTTLS when offered) or smtps://...:465; nodemailer options may follow as query parameters. */
  url: string;
  /** The From header, e.g. `Teken <no-reply@contoh.go.id>`. */
  from: string;
}

/** Connections kept open to the mail server, and so messages in flight (`?maxConnections=` overrides). */
export const SMTP_MAX_CONNECTIONS = 4;

/**
 * E-mail over SMTP with nodemailer. The outbox id becomes the Message-ID, so a retry after a lost
 * reply carries the same id and receiving systems can recognise the duplicate.
 *
 * The transport is pooled: up to SMTP_MAX_CONNECTIONS connections stay open and each carries up to
 * 100 messages (nodemailer's `maxMessages`) before it is replaced. Opening a connection costs the
 * mail server's greeting (its reverse DNS look-up and banner delay: about 100 ms against the test
 * server, often more in production), so a connection per message limited delivery to about
 * 9 messages/s. A connection the server closes (idle timeout, restart) is dropped from the pool and
 * the next message opens a new one; a message that was on it fails like any transient failure and
 * is retried by the outbox.
 *
 * The URL is nodemailer's connection URL: query parameters become transport options, so
 * `smtp://127.0.0.1:2525?ignoreTLS=true` skips STARTTLS, `?requireTLS=true` insists on it and
 * `?maxConnections=1` is for a server that allows one connection per client. Timeouts are shorter
 * than nodemailer's defaults (minutes) so one stuck server does not hold the delivery job; they too
 * can be set in the URL (`?socketTimeout=60000`).
 */
export function createSmtpChannel(options: SmtpChannelOptions): Channel {
  const maxConnections = positiveInteger(new URL(options.url).searchParams.get('maxConnections'));
  const transport = nodemailer.createTransport({
    url: options.url,
    pool: true,
    maxConnections: maxConnections ?? SMTP_MAX_CONNECTIONS,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    // Messages carry no attachments; never let content point nodemailer at files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const domain = messageIdDomain(options.from);
  return {
    name: 'email',
    keepsPayload: false,
    concurrency: maxConnections ?? SMTP_MAX_CONNECTIONS,
    async send(message) {
      await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.rendered.subject,
        text: message.rendered.text,
        html: message.rendered.html,
        messageId: `<${message.id}@${domain}>`,
        // RFC 3834: automatic mail, so auto-responders stay quiet.
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    },
    close: () => Promise.resolve(transport.close()),
  };
}

function positiveInteger(value: string | null): number | undefined {
  if (value === null || !/^[1-9]\d{0,2}$/.test(value)) return undefined;
  return Number(value);
}

/** The domain of the From address, for Message-IDs; `teken` if there is none. */
function messageIdDomain(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from);
  return match?.[1] ?? 'teken';
}
