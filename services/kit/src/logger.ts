import pino, { type Logger } from 'pino';
import { traceLogFields } from './telemetry/trace-context';

export type { Logger };

/**
 * One structured logger per process; request loggers are children carrying the request id. Inside a
 * trace every line also carries `trace_id` and `span_id`, to jump from a log line to its trace.
 */
export function createLogger(service: string, level = 'info'): Logger {
  return pino({ name: service, level, base: { service }, mixin: traceLogFields });
}
