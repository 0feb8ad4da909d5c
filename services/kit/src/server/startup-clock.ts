import { performance } from 'node:perf_hooks';
import type { Registry } from 'prom-client';
import { sharedGauge } from '../telemetry/registry';

/**
 * How long each start-up phase of this process took, in seconds. The first phase, `load`, runs from
 * the process's own start (Node's time origin) to the clock's creation: booting Node and loading the
 * code. Served on /metrics as `process_startup_phase_seconds`, so `npm run start:measure` (and an
 * operator) can see where a slow start went without raising the log level.
 */
export class StartupClock {
  readonly phases: Record<string, number> = {};
  private last: number;

  constructor() {
    this.last = performance.now();
    this.phases.load = this.last / 1000;
  }

  /** Ends the current phase under `phase`: the time since the previous mark. */
  mark(phase: string): void {
    const now = performance.now();
    this.phases[phase] = (this.phases[phase] ?? 0) + (now - this.last) / 1000;
    this.last = now;
  }

  /** Seconds since the process started. */
  total(): number {
    return this.last / 1000;
  }

  register(registry: Registry): void {
    const phases = this.phases;
    sharedGauge(registry, {
      name: 'process_startup_phase_seconds',
      help: 'How long each start-up phase took (load: Node and the code; database; migrations; seed; listen)',
      labelNames: ['phase'],
      collect() {
        for (const [phase, seconds] of Object.entries(phases)) this.set({ phase }, seconds);
      },
    });
  }
}
