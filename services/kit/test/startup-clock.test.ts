import { Registry } from 'prom-client';
import { StartupClock } from '../src';

describe('start-up phases', () => {
  it('splits the time since the process began into named phases that add up to the whole', () => {
    const clock = new StartupClock();
    clock.mark('database');
    clock.mark('migrations');
    clock.mark('database');
    expect(Object.keys(clock.phases)).toEqual(['load', 'database', 'migrations']);
    for (const seconds of Object.values(clock.phases)) expect(seconds).toBeGreaterThanOrEqual(0);
    const sum = Object.values(clock.phases).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(clock.total(), 6);
    // The first phase is everything before the clock: Node starting and the code loading.
    expect(clock.phases.load).toBeGreaterThan(0);
  });

  it('serves the phases on the metrics registry, one series per phase', async () => {
    const clock = new StartupClock();
    clock.mark('seed');
    const registry = new Registry();
    clock.register(registry);
    clock.register(registry); // a second server in the same process shares the gauge
    const text = await registry.metrics();
    expect(text).toMatch(/^process_startup_phase_seconds\{phase="load"\} [\d.e-]+$/m);
    expect(text).toMatch(/^process_startup_phase_seconds\{phase="seed"\} [\d.e-]+$/m);
  });
});
