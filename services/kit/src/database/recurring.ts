import type { Logger } from '../logger';

export interface Recurring {
  /** Stops the schedule and waits for a run in flight (before the pool closes). */
  stop(): Promise<void>;
}

export interface RecurringOptions {
  /** One run; returns how many things it did (pruned rows, expired agreements), 0 for nothing. */
  run: () => Promise<number>;
  logger: Logger;
  component: string;
  /** Words the log line of a run that did something, e.g. "pruned expired keys". */
  describe: string;
  logFields?: Record<string, unknown>;
  /** Default hourly. */
  intervalMs?: number;
}

/**
 * Runs a step at start and then every `intervalMs`, one run at a time in this process; a failure is
 * logged and tried again at the next tick. Every replica runs it: a step that must happen once per
 * thing (not once per replica) makes that so in the database (a conditional UPDATE, a lock), not here.
 */
export function scheduleRecurring(options: RecurringOptions): Recurring {
  const log = options.logger.child({ component: options.component });
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= options
      .run()
      .then((count) => void (count && log.info({ count, ...options.logFields }, `${options.component}: ${options.describe}`)))
      .catch((error: unknown) => log.warn({ err: error }, `${options.component}: ${options.describe} failed, will try again`))
      .finally(() => (running = undefined));
  };
  tick();
  const timer = setInterval(tick, options.intervalMs ?? 3_600_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
