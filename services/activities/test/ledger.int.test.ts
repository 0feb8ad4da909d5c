import { startTestSubgraph, type TestSubgraph } from '@cpb/kit/testing';
import type { DataSource } from 'typeorm';
import { ParticipationStore } from '../src/data/participation-store';
import { ACTIVITY_COLUMNS, toActivity } from '../src/data/rows';
import { creditHours } from '../src/domain/completion';
import { activities } from '../src/server';

let subgraph: TestSubgraph;
let db: DataSource;

beforeAll(async () => {
  subgraph = await startTestSubgraph(activities, { seedDemo: true });
  db = subgraph.running.database.dataSource;
});
afterAll(() => subgraph?.stop());

/** The database itself refuses what the use cases never do: these hold even against a buggy caller. */
describe('the invariants in the activities database', () => {
  it('seeds a consistent ledger: one row per credited participation, counts matching the rows', async () => {
    const [row] =
      await db.query(`SELECT (SELECT count(*) FROM service_hours)::int AS ledger, (SELECT count(*) FROM participation WHERE credited_at IS NOT NULL)::int AS credited,
      (SELECT count(*) FROM activity a WHERE signed_up_count <> (SELECT count(*) FROM participation p WHERE p.activity_id = a.id AND p.status <> 'CANCELLED'))::int AS miscounted,
      (SELECT count(*) FROM volunteer_team)::int AS teams, (SELECT count(*) FROM participation WHERE status = 'NO_SHOW')::int AS no_shows`);
    expect(row.ledger).toBe(row.credited);
    expect(row.ledger).toBeGreaterThan(1000);
    expect(row.miscounted).toBe(0);
    expect(row.teams).toBe(18);
    expect(row.no_shows).toBeGreaterThan(0);
  });

  it('credits nothing twice: crediting a completed activity again writes no row', async () => {
    const [raw] = await db.query(`SELECT ${ACTIVITY_COLUMNS('a')} FROM activity a WHERE a.status = 'COMPLETED' LIMIT 1`);
    const activity = toActivity(raw);
    const before = await db.query('SELECT count(*)::int AS n FROM service_hours WHERE activity_id = $1', [activity.id]);
    // Even with the status guard bypassed, only rows still uncredited are touched.
    await db.query(`UPDATE activity SET status = 'PUBLISHED', completed_at = NULL WHERE id = $1`, [activity.id]);
    const credited = await db.transaction((tx) => creditHours(new ParticipationStore(tx), activity, new Date()));
    expect(credited).toEqual([]);
    const after = await db.query('SELECT count(*)::int AS n FROM service_hours WHERE activity_id = $1', [activity.id]);
    expect(after).toEqual(before);
  });

  it('refuses a second ledger row for a participation, hours without a crediting, and more sign-ups than places', async () => {
    const [ledger] = await db.query('SELECT * FROM service_hours LIMIT 1');
    await expect(
      db.query(
        'INSERT INTO service_hours (participation_id, activity_id, member_id, community_id, organizer_id, team_id, served_at, hours) VALUES ($1, $2, $3, $4, $5, $6, $7, 1)',
        [
          ledger.participation_id,
          ledger.activity_id,
          ledger.member_id,
          ledger.community_id,
          ledger.organizer_id,
          ledger.team_id,
          ledger.served_at,
        ],
      ),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23505' }) });
    await expect(db.query('UPDATE participation SET credited_at = NULL WHERE id = $1', [ledger.participation_id])).rejects.toMatchObject({
      driverError: expect.objectContaining({ code: '23514' }),
    });
    await expect(db.query('UPDATE activity SET signed_up_count = capacity + 1 WHERE id = $1', [ledger.activity_id])).rejects.toMatchObject({
      driverError: expect.objectContaining({ constraint: 'activity_within_capacity' }),
    });
    const [p] = await db.query('SELECT activity_id, member_id FROM participation LIMIT 1');
    await expect(
      db.query(`INSERT INTO participation (activity_id, member_id) VALUES ($1, $2)`, [p.activity_id, p.member_id]),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ constraint: 'participation_once_key' }) });
  });
});
