import { pino, type Logger } from 'pino';
import type { Config } from '../config/load-config.js';

/**
 * Structured JSON logs. Paths that could carry secrets are redacted as a second line of defence;
 * the first is never to put secrets, keys, OTPs or personal data into a log call at all.
 */
export function createLogger(level: Config['logLevel'], destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'teken' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          '*.password',
          '*.passphrase',
          '*.pin',
          '*.otp',
          '*.totp',
          '*.secret',
          '*.privateKey',
          '*.masterKey',
          '*.nik',
        ],
        censor: '[redacted]',
      },
    },
    destination as pino.DestinationStream | undefined,
  );
}

export type { Logger };
