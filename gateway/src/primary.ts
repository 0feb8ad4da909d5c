import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '@cpb/kit/core';

/**
 * The cluster primary: forks `workers` gateway processes, replaces one that dies, and on SIGTERM or
 * SIGINT passes the signal on, waits for every worker to drain and exit, then exits 0 (1 if a worker
 * failed to stop cleanly).
 */
export function runPrimary(logger: Logger, workers: number): void {
  let stopping = false;
  let failed = false;
  const alive = new Set<Worker>();
  const fork = () => alive.add(cluster.fork());
  cluster.on('exit', (worker, code, signal) => {
    alive.delete(worker);
    if (stopping) {
      if (code !== 0) failed = true;
      if (alive.size === 0) process.exit(failed ? 1 : 0);
      return;
    }
    logger.error({ pid: worker.process.pid, code, signal }, 'gateway worker died; starting another');
    fork();
  });
  for (let i = 0; i < workers; i++) fork();
  logger.info({ workers }, 'gateway primary started');

  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down workers');
    if (alive.size === 0) process.exit(0);
    for (const worker of alive) worker.process.kill(signal);
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}
