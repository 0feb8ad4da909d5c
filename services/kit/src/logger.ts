import pino, { type Logger } from 'pino';

export type { Logger };

/** One structured logger per process; request loggers are children carrying the request id. */
export function createLogger(service: string, level = 'info'): Logger {
  return pino({ name: service, level, base: { service } });
}
