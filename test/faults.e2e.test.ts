import { runFaults, type FaultRow } from '../scripts/faults/run';
import { faultTable } from '../scripts/faults/table';

/**
 * Issue 20, the fault suite's short variant (`npm run faults -- --quick`, each fault 2 s under load):
 * the invariants, not the timings. `npm run faults` is the full run whose table is in docs/reliability.md.
 */
jest.setTimeout(900_000);

/**
 * Opt-in (`FAULTS=1 npm run test:e2e -- test/faults.e2e.test.ts`): it takes about three minutes on a quiet
 * machine and two of its checks (the relay killed with a backlog mid-batch, the slow peer's refusals) do not
 * hold yet (issue 20, open); it joins the default run when they do.
 */
const enabled = process.env.FAULTS === '1';

let rows: FaultRow[];

beforeAll(async () => {
  if (!enabled) return;
  rows = await runFaults({ quick: true, log: () => undefined });
  console.info(faultTable(rows));
});

const row = (name: string) => rows.find((r) => r.fault === name)!;

(enabled ? describe : describe.skip)('faults one at a time under a steady load of reads and writes through the gateway', () => {
  it.each([
    'baseline',
    'subgraph-sigkill',
    'postgres-restart',
    'relay-kill-broker-outage',
    'consumer-kill',
    'slow-peer',
    'gateway-sigterm',
  ])('%s: every check holds', (name) => {
    const r = row(name);
    expect(r).toBeDefined();
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('loses no acknowledged write and no event, anywhere, and never answers INTERNAL_SERVER_ERROR', () => {
    for (const r of rows) {
      expect([r.fault, r.writesFound]).toEqual([r.fault, r.writesAcknowledged]);
      expect([r.fault, r.events.delivered]).toEqual([r.fault, r.events.produced]);
      expect([r.fault, r.events.differing]).toEqual([r.fault, 0]);
      expect([r.fault, r.failedByCode.INTERNAL_SERVER_ERROR ?? 0]).toEqual([r.fault, 0]);
    }
    // The load did write and produce events in every window (a row of zeros would prove nothing).
    for (const r of rows.filter((x) => x.fault !== 'gateway-sigterm'))
      expect([r.fault, r.writesAcknowledged > 0, r.events.produced > 0]).toEqual([r.fault, true, true]);
  });
});
