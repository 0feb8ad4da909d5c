import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findViolations, type Databases, type Query } from '../scripts/reconcile/checks';
import { type Federation, startFederation } from '@cpb/kit/testing';

/**
 * `npm run reconcile` (scripts/reconcile): nothing to report on the demo district; each rule broken
 * by writing straight into a service's database is found, by the check and by the command.
 */
let federation: Federation;
let databases: Databases;
const run = promisify(execFile);
const root = join(__dirname, '..');

beforeAll(async () => {
  federation = await startFederation();
  const query =
    (name: keyof Federation['subgraphs']): Query =>
    (sql, params) =>
      federation.subgraphs[name].running.database.dataSource.query(sql, params);
  databases = {
    organizations: query('organizations'),
    members: query('members'),
    resources: query('resources'),
    activities: query('activities'),
  };
});
afterAll(() => federation?.stop());

/** Runs the command against the federation's four databases; its exit code, output and metrics file. */
async function reconcile(): Promise<{ code: number; output: string; metrics: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'reconcile-')), 'integrity.prom');
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '' };
  for (const [name, subgraph] of Object.entries(federation.subgraphs))
    env[`${name.toUpperCase()}_DATABASE_URL`] = subgraph.running.config.DATABASE_URL;
  try {
    const { stdout } = await run(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/reconcile/index.ts', '--metrics-file', file], {
      cwd: root,
      env,
    });
    return { code: 0, output: stdout, metrics: readFileSync(file, 'utf8') };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr, metrics: readFileSync(file, 'utf8') };
  }
}

const sql = (name: keyof Federation['subgraphs'], statement: string, params: unknown[] = []) =>
  federation.subgraphs[name].running.database.dataSource.query(statement, params);

describe('npm run reconcile', () => {
  it('finds nothing wrong in the demo district, and says so in its output and its gauges', async () => {
    expect(await findViolations(databases)).toEqual([]);
    const { code, output, metrics } = await reconcile();
    expect([code, output.split('\n')[0]]).toEqual([0, 'no violations']);
    expect(metrics).toContain('cpb_integrity_violations{check="member_in_inactive_organization",service="reconcile"} 0');
    expect(metrics).toMatch(/cpb_integrity_last_check_timestamp_seconds\{service="reconcile"\} \d+/);
  });

  it('finds each violation planted straight in the databases', async () => {
    // A branch holding members, dissolved behind the members service's back.
    const [{ id: holder, n }] = await sql(
      'members',
      'SELECT organization_id AS id, count(*)::int AS n FROM member GROUP BY organization_id ORDER BY organization_id LIMIT 1',
    );
    await sql('organizations', `UPDATE organization SET status = 'DISSOLVED', dissolved_on = current_date WHERE id = $1`, [holder]);
    // An empty organisation left closing by an interrupted dissolve.
    const [{ id: empty }] = await sql(
      'organizations',
      `SELECT id FROM organization WHERE kind = 'PARTY_GROUP' OR scope = 'LAID_OFF' ORDER BY id LIMIT 1`,
    );
    await sql('organizations', `UPDATE organization SET status = 'CLOSING', closing_since = now() - interval '2 minutes' WHERE id = $1`, [
      empty,
    ]);
    // Activities name the venue bookings made for them (the demo links them from the booking's side only): still clean.
    const links: { id: string; activity_id: string; booked_by_id: string }[] = await sql(
      'resources',
      `SELECT id, activity_id, booked_by_id FROM booking WHERE activity_id IS NOT NULL AND status = 'CONFIRMED' ORDER BY id LIMIT 3`,
    );
    for (const link of links)
      await sql('activities', 'UPDATE activity SET venue_booking_id = $2 WHERE id = $1', [link.activity_id, link.id]);
    expect((await findViolations(databases)).filter((v) => v.check.includes('booking'))).toEqual([]);
    // Then one activity points at a booking another organisation made, and another's booking is cancelled.
    const [used, cancelled, stranger] = links.map((l) => l.activity_id);
    const [foreign] = await sql(
      'resources',
      `SELECT id FROM booking WHERE activity_id IS NULL AND booked_by_id <> $1 AND status = 'CONFIRMED' ORDER BY id LIMIT 1`,
      [links[0].booked_by_id],
    );
    await sql('activities', 'UPDATE activity SET venue_booking_id = $2 WHERE id = $1', [used, foreign.id]);
    await sql(
      'resources',
      `UPDATE booking SET status = 'CANCELLED', cancelled_at = now(), cancellation_reason_code = 'OTHER' WHERE id = $1`,
      [links[1].id],
    );
    // And a booking is attached to an activity its booker does not run.
    const [spare] = await sql(
      'resources',
      `SELECT id FROM booking WHERE activity_id IS NULL AND status = 'CONFIRMED' AND booked_by_id <> $1 AND id <> $2 ORDER BY id DESC LIMIT 1`,
      [links[2].booked_by_id, foreign.id],
    );
    await sql('resources', 'UPDATE booking SET activity_id = $2 WHERE id = $1', [spare.id, stranger]);

    const found = (await findViolations(databases)).map((v) => [v.check, v.subject]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['member_in_inactive_organization', holder],
        ['dissolve_interrupted', empty],
        ['activity_booking_not_owned', used],
        ['activity_booking_not_confirmed', cancelled],
        ['booking_serves_foreign_activity', spare.id],
      ]),
    );
    expect(found).toHaveLength(5);
    const detail = (await findViolations(databases)).find((v) => v.subject === holder)!.detail;
    expect(detail).toBe(`${n} member(s) held by an organisation that is dissolved`);

    const { code, output, metrics } = await reconcile();
    expect(code).toBe(1);
    expect(output.split('\n')[0]).toBe('5 violation(s):');
    expect(output).toContain(`member_in_inactive_organization  ${holder}`);
    expect(metrics).toContain('cpb_integrity_violations{check="activity_booking_not_owned",service="reconcile"} 1');
    expect(metrics).toContain('cpb_integrity_violations{check="activity_booking_not_covering",service="reconcile"} 0');
  });
});
