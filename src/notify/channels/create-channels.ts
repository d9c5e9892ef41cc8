import type { Config } from '../../config/load-config.js';
import type { Logger } from '../../runtime/logger.js';
import type { Channels } from './channel.js';
import { createLogChannel } from './log-channel.js';
import { createSmtpChannel } from './smtp-channel.js';
import { createWhatsAppChannel } from './whatsapp-channel.js';

/**
 * The channels of this configuration. The log channel is always there, so messages queued while
 * SMTP was not configured are still delivered to the outbox page after it is. WhatsApp messages are
 * only queued when the WhatsApp channel is configured (TEKEN_WHATSAPP_PHONE_NUMBER_ID and token).
 */
export function createChannels(notify: Config['notify'], log: Logger): Channels {
  return {
    log: createLogChannel(log),
    ...(notify.smtpUrl ? { email: createSmtpChannel({ url: notify.smtpUrl, from: notify.mailFrom }) } : {}),
    ...(notify.whatsapp ? { whatsapp: createWhatsAppChannel(notify.whatsapp, log) } : {}),
  };
}

export async function closeChannels(channels: Channels): Promise<void> {
  await Promise.allSettled(
    Object.values(channels).map(async (channel) => {
      await channel.close?.();
    }),
  );
}
