import type { Logger } from '../../runtime/logger.js';
import { maskRecipient } from '../mask-recipient.js';
import type { Channel } from './channel.js';

/**
 * The development default: nothing is sent. One log line says a message is waiting, without its
 * content or the full address (a link in it may be a live credential), and the message stays
 * readable on the administrator's outbox page (`readOutboxMessage`).
 */
export function createLogChannel(log: Logger): Channel {
  return {
    name: 'log',
    keepsPayload: true,
    send(message) {
      log.info(
        { outboxId: message.id, template: message.template, recipient: maskRecipient(message.to) },
        'message not sent (no TEKEN_SMTP_URL): read it on the outbox page',
      );
      return Promise.resolve();
    },
  };
}
