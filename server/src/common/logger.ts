import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config/config';

export type { Logger };

/** Structured JSON logs on stdout; secrets are redacted wherever they appear. */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'placewise' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'password',
        '*.password',
        'variables.password',
        'token',
      ],
      censor: '[redacted]',
    },
  });
}
