import { Gauge } from 'prom-client';
import { createMetrics } from '@cpb/kit';
import { CHECKS, type Check, type Violation } from './checks';

/**
 * The reconciliation's Prometheus gauges, on a registry of the kit's metrics module: violations
 * per check (0 when the rule holds) and when the last check finished, so an alert can fire on
 * either `cpb_integrity_violations > 0` or a check that stopped running.
 */
export function integrityMetrics() {
  const metrics = createMetrics('reconcile', false);
  const violations = new Gauge({
    name: 'cpb_integrity_violations',
    help: 'Rows breaking a rule that spans two services, per check (npm run reconcile)',
    labelNames: ['check'],
    registers: [metrics.registry],
  });
  const lastCheck = new Gauge({
    name: 'cpb_integrity_last_check_timestamp_seconds',
    help: 'When the integrity checks last completed (Unix time)',
    registers: [metrics.registry],
  });
  return {
    registry: metrics.registry,
    metrics,
    record(found: readonly Violation[], at = new Date()): void {
      const counts = Object.fromEntries(Object.keys(CHECKS).map((check) => [check, 0])) as Record<Check, number>;
      for (const violation of found) counts[violation.check]++;
      for (const [check, count] of Object.entries(counts)) violations.set({ check }, count);
      lastCheck.set(at.getTime() / 1000);
    },
  };
}
