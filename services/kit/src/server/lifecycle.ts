import type { Logger } from '../logger';
import { stopTracing } from '../telemetry/tracing';

/**
 * Runs a process's start-up; a failure is logged and exits 1. On SIGTERM or SIGINT the returned
 * stop function runs once (drain requests, close pools) and the process exits 0.
 */
export function runProcess(logger: Logger, start: () => Promise<() => Promise<void>>): void {
  let stopping = false;
  start().then(
    (stop) => {
      const shutdown = (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, 'shutting down');
        stop().then(
          // The spans of the last requests go out before the process does.
          () => stopTracing().finally(() => process.exit(0)),
          (error: unknown) => {
            logger.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.on('SIGTERM', () => shutdown('SIGTERM'));
      process.on('SIGINT', () => shutdown('SIGINT'));
    },
    (error: unknown) => {
      logger.fatal({ err: error }, 'start-up failed');
      void stopTracing().finally(() => process.exit(1));
    },
  );
}
