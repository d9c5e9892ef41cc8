/**
 * WhatsApp over Meta's WhatsApp Business Cloud API: `POST {base}/{version}/{phone number id}/messages`
 * with a Bearer token. WhatsApp only delivers templates registered at Meta, so each message names
 * its provider-side template (template.ts `whatsapp`, renamed by TEKEN_WHATSAPP_TEMPLATE_NAMES) and
 * sends its variables as parameters: an authentication template carries the code in the body and
 * in the copy-code button (sub_type `url`, index 0), a utility template its body parameters in
 * order. docs/notifications.md lists the templates to register.
 *
 * The Cloud API has no idempotency key of its own: the outbox id goes along as `biz_opaque_callback_data`
 * (echoed in status webhooks), and the outbox's claim makes sure one worker sends a message once.
 *
 * Errors are classified by the Graph API's `error.code` (docs/notifications.md "Errors"): rate limits,
 * 5xx and an expired token are retried with backoff (the token logged loudly, as every message fails
 * until an operator replaces it); a recipient without WhatsApp, a missing template or an invalid
 * parameter are dead-lettered at once, since no retry can succeed.
 */
import type { WhatsAppConfig } from '../../config/load-config.js';
import type { Logger } from '../../runtime/logger.js';
import { ChannelError, type Channel, type OutboundMessage } from './channel.js';

/** Graph API error codes that no retry can fix. */
const PERMANENT_CODES = new Set([
  100, // invalid parameter
  131008, // required parameter missing
  131009, // parameter value not valid
  131021, // recipient is the sender
  131026, // message undeliverable: the number is not on WhatsApp
  131030, // recipient not in the allowed list (test numbers)
  131051, // unsupported message type
  132000, // template parameter count mismatch
  132001, // template does not exist (in this language)
  132005, // translated text too long
  132007, // template format policy
  132012, // template parameter format mismatch
  132015, // template paused
  132016, // template disabled
]);

/** Rate limits: retried after the backoff. */
const RATE_LIMIT_CODES = new Set([4, 80007, 130429, 131048, 131056]);

/** Authentication failures: retried, as a new token fixes them, but logged as errors. */
const TOKEN_CODES = new Set([0, 190]);

const TIMEOUT_MS = 15_000;

interface GraphError {
  code?: number;
  message?: string;
  error_data?: { details?: string };
}

export function createWhatsAppChannel(config: WhatsAppConfig, log: Logger): Channel {
  const endpoint = `${config.apiUrl}/${config.version}/${encodeURIComponent(config.phoneNumberId)}/messages`;
  return {
    name: 'whatsapp',
    keepsPayload: false,
    // Messages in flight at once (the Cloud API allows far more); one recipient's still go in order.
    concurrency: 4,
    async send(message) {
      const body = JSON.stringify(whatsAppRequest(config, message));
      let response: Response;
      try {
        response = await fetch(endpoint, {
          method: 'POST',
          headers: { authorization: `Bearer ${config.token}`, 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(TIMEOUT_MS),
          redirect: 'error',
        });
      } catch (error) {
        throw new ChannelError(`WhatsApp Cloud API not reachable: ${(error as Error).name}`, false);
      }
      if (response.ok) {
        await response.body?.cancel();
        return;
      }
      const error = await graphError(response);
      const code = error.code;
      const what = `WhatsApp Cloud API HTTP ${response.status}${code === undefined ? '' : `, code ${code}`}`;
      const details = (error.error_data?.details ?? error.message ?? '').slice(0, 200);
      if (response.status === 401 || (code !== undefined && TOKEN_CODES.has(code))) {
        log.error(
          { outboxId: message.id, status: response.status, code },
          'the WhatsApp access token was refused (expired or revoked): replace TEKEN_WHATSAPP_TOKEN; messages are retried',
        );
        throw new ChannelError(`${what}: access token refused`, false);
      }
      if (response.status === 429 || (code !== undefined && RATE_LIMIT_CODES.has(code)))
        throw new ChannelError(`${what}: rate limited`, false);
      if (code !== undefined && PERMANENT_CODES.has(code))
        throw new ChannelError(`${what}: ${details}`, true);
      if (response.status >= 500) throw new ChannelError(`${what}: ${details}`, false);
      // Other 4xx: a request the API will keep refusing (permissions, a deleted number id).
      throw new ChannelError(`${what}: ${details}`, response.status >= 400 && response.status < 500);
    },
  };
}

/** The Cloud API request body of one message. */
export function whatsAppRequest(config: WhatsAppConfig, message: OutboundMessage): unknown {
  const mapping = message.whatsapp;
  if (!mapping)
    throw new ChannelError(`The message template "${message.template}" has no WhatsApp template.`, true);
  const value = (variable: string) => {
    const text = message.data[variable];
    if (text === undefined) throw new ChannelError(`The WhatsApp parameter "${variable}" is missing.`, true);
    return text;
  };
  const components =
    mapping.category === 'authentication'
      ? [
          { type: 'body', parameters: [{ type: 'text', text: value(mapping.code) }] },
          {
            type: 'button',
            sub_type: 'url',
            index: '0',
            parameters: [{ type: 'text', text: value(mapping.code) }],
          },
        ]
      : [
          {
            type: 'body',
            parameters: mapping.parameters.map((variable) => ({ type: 'text', text: value(variable) })),
          },
        ];
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: message.to.replace(/^\+/, ''),
    type: 'template',
    biz_opaque_callback_data: message.id,
    template: {
      name: config.templateNames[message.template] ?? mapping.name,
      language: { code: config.language },
      components,
    },
  };
}

async function graphError(response: Response): Promise<GraphError> {
  try {
    const parsed = (await response.json()) as { error?: GraphError };
    return parsed.error ?? {};
  } catch {
    return {};
  }
}
