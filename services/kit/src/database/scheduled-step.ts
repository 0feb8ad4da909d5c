import type { Logger } from '../logger';

/** A step a service runs on a schedule (pruning a table, expiring what lapsed), started with the service. */
export interface ScheduledStep {
  /** Runs the step now (or joins the run in flight) and resolves with how many rows it changed; never rejects. */
  runNow(): Promise<number>;
  /** Stops the schedule and waits for a run in flight (before the pool closes). */
  stop(): Promise<void>;
}

export interface ScheduleOptions {
  /** One run: returns how many rows it changed (0 logs nothing). */
  run: () => Promise<number>;
  logger: Logger;
  /** Names the step in logs (`outbox-archive`, `transfer-letters`). */
  component: string;
  /** Words the log line of a run that changed something. */
  describe: string;
  logFields?: Record<string, unknown>;
  /** Default hourly. */
  intervalMs?: number;
}

/**
 * Runs a step at start and then every `intervalMs`, one run at a time in this process; a failure is
 * logged and tried again at the next tick. Several replicas each run it: a step that must act once per
 * row across replicas claims its rows itself (`FOR UPDATE SKIP LOCKED` and a status change in one
 * transaction), as the transfer-letter expiry does, so the schedule needs no leader.
 */
export function scheduleStep(options: ScheduleOptions): ScheduledStep {
  const log = options.logger.child({ component: options.component });
  let running: Promise<number> | undefined;
  const runNow = () =>
    (running ??= options
      .run()
      .then((count) => {
        if (count) log.info({ count, ...options.logFields }, `${options.component}: ${options.describe}`);
        return count;
      })
      .catch((error: unknown) => {
        log.warn({ err: error }, `${options.component}: failed, will try again`);
        return 0;
      })
      .finally(() => (running = undefined)));
  void runNow();
  const timer = setInterval(() => void runNow(), options.intervalMs ?? 3_600_000);
  timer.unref();
  return {
    runNow,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
