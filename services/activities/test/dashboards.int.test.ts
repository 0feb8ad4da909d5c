import { mintCallerToken, msg, YEARS, type Actor } from '@cpb/kit';
import { refused } from '@cpb/kit/testing';
import { type Federation } from '@cpb/kit/testing';
import { activitiesSql } from './fixtures';
import { type Neighbourhood, startNeighbourhood } from '@cpb/demo-world/testing';

let federation: Federation;
let place: Neighbourhood;
const DAY = 86_400_000;
const chinaDate = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
// The seeded year: activities run over the past 360 days.
const year = { from: chinaDate(Date.now() - 365 * DAY), to: chinaDate(Date.now()) };
const yearStart = new Date(`${year.from}T00:00:00+08:00`);
const yearEnd = new Date(new Date(`${year.to}T00:00:00+08:00`).getTime() + DAY);

beforeAll(async () => ({ federation, place } = await startNeighbourhood()));
afterAll(() => federation?.stop());

type Stats = { hours: number; participations: number; volunteers: number; activitiesHeld: number };
const STATS = 'from to hours participations volunteers activitiesHeld';

/** The same figures counted straight from participations and activities, not from the ledger the service reads. */
async function countedFromParticipations(communityIds: string[]): Promise<Stats> {
  const [credited] = await activitiesSql<{ hours: number; participations: number; volunteers: number }>(
    federation,
    `SELECT round(coalesce(sum(p.hours), 0), 2)::float8 AS hours, count(*)::int AS participations, count(DISTINCT p.member_id)::int AS volunteers
       FROM participation p JOIN activity a ON a.id = p.activity_id
      WHERE a.community_id = ANY($1::uuid[]) AND p.credited_at IS NOT NULL AND a.starts_at >= $2 AND a.starts_at < $3`,
    [communityIds, yearStart, yearEnd],
  );
  const [held] = await activitiesSql<{ n: number }>(
    federation,
    `SELECT count(*)::int AS n FROM activity WHERE community_id = ANY($1::uuid[]) AND status = 'COMPLETED' AND starts_at >= $2 AND starts_at < $3`,
    [communityIds, yearStart, yearEnd],
  );
  return { ...credited, activitiesHeld: held.n };
}

describe('volunteering dashboards, through the gateway', () => {
  it("shows a community's year: hours, participations (人次), volunteers, activities held, top volunteers by name", async () => {
    const result = await federation.query<{
      community: {
        volunteerStats: Stats & {
          from: string;
          topVolunteers: { hours: number; participations: number; member: { id: string; name: string } }[];
        };
      };
    }>(
      `query($id: ID!, $from: String!, $to: String!) { community(id: $id) { volunteerStats(from: $from, to: $to) { ${STATS} topVolunteers(first: 3) { hours participations member { id name } } } } }`,
      { id: place.communityId, ...year },
    );
    expect(result.errors).toBeUndefined();
    const stats = result.data!.community.volunteerStats;
    const expected = await countedFromParticipations([place.communityId]);
    expect(stats).toMatchObject({ ...expected, from: year.from });
    expect(expected.participations).toBeGreaterThan(100);
    expect(stats.topVolunteers).toHaveLength(3);
    const hours = stats.topVolunteers.map((v) => v.hours);
    expect([...hours].sort((a, b) => b - a)).toEqual(hours);
    for (const v of stats.topVolunteers) expect(v.member.name.length).toBeGreaterThan(0);
    const [best] = await activitiesSql<{ hours: number }>(
      federation,
      `SELECT round(sum(p.hours), 2)::float8 AS hours FROM participation p JOIN activity a ON a.id = p.activity_id
        WHERE a.community_id = $1 AND p.credited_at IS NOT NULL AND a.starts_at >= $2 AND a.starts_at < $3 GROUP BY p.member_id ORDER BY 1 DESC LIMIT 1`,
      [place.communityId, yearStart, yearEnd],
    );
    expect(hours[0]).toBe(best.hours);
  });

  it("counts an organisation's subtree: the street working committee's year is the sum of its communities'", async () => {
    const result = await federation.query<{
      streets: { workingCommittee: { volunteerStats: Stats }; communities: { id: string; volunteerStats: Stats }[] }[];
    }>(
      `query($from: String!, $to: String!) { streets { workingCommittee { volunteerStats(from: $from, to: $to) { ${STATS} } } communities { id volunteerStats(from: $from, to: $to) { ${STATS} } } } }`,
      year,
    );
    expect(result.errors).toBeUndefined();
    for (const street of result.data!.streets) {
      const sum = (key: keyof Stats) => street.communities.reduce((total, c) => total + c.volunteerStats[key], 0);
      expect(street.workingCommittee.volunteerStats).toMatchObject({
        participations: sum('participations'),
        volunteers: sum('volunteers'),
        activitiesHeld: sum('activitiesHeld'),
      });
      expect(street.workingCommittee.volunteerStats.hours).toBeCloseTo(sum('hours'), 2);
      expect(street.workingCommittee.volunteerStats).toMatchObject(await countedFromParticipations(street.communities.map((c) => c.id)));
    }
  });

  it("gives a member's hours, participations and teams, and a team's own figures", async () => {
    const [member] = await activitiesSql<{ member_id: string }>(
      federation,
      'SELECT member_id FROM service_hours GROUP BY member_id ORDER BY count(*) DESC, member_id LIMIT 1',
    );
    const result = await federation.query<{
      member: {
        volunteerHours: number;
        lastYear: number;
        participations: { totalCount: number; edges: { node: { hours: number | null; activity: { startsAt: string } } }[] };
        teams: { id: string }[];
      };
    }>(
      `query($id: ID!, $from: String!, $to: String!) { member(id: $id) { volunteerHours lastYear: volunteerHours(from: $from, to: $to)
         participations(first: 100) { totalCount edges { node { hours activity { startsAt } } } } teams { id } } }`,
      { id: member.member_id, ...year },
    );
    expect(result.errors).toBeUndefined();
    const { volunteerHours, lastYear, participations } = result.data!.member;
    const sum = participations.edges.reduce((total, e) => total + (e.node.hours ?? 0), 0);
    expect(volunteerHours).toBeCloseTo(sum, 2);
    expect(lastYear).toBe(volunteerHours);
    const starts = participations.edges.map((e) => Date.parse(e.node.activity.startsAt));
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);

    const team = await federation.query<{ volunteerTeams: { edges: { node: { memberCount: number; stats: Stats } }[] } }>(
      `query($c: ID!, $from: String!, $to: String!) { volunteerTeams(filter: { communityId: $c }, first: 1) { edges { node { memberCount stats(from: $from, to: $to) { ${STATS} } } } } }`,
      { c: place.communityId, ...year },
    );
    const node = team.data!.volunteerTeams.edges[0].node;
    expect(node.memberCount).toBeGreaterThan(3);
    expect(node.stats.participations).toBeGreaterThan(0);
  });

  it("filters a community's activities by status, kind and dates", async () => {
    const count = async (filter: Record<string, unknown>) =>
      (
        await federation.query<{ community: { activities: { totalCount: number } } }>(
          'query($id: ID!, $f: ActivityFilter) { community(id: $id) { activities(filter: $f) { totalCount } } }',
          { id: place.communityId, f: filter },
        )
      ).data!.community.activities.totalCount;
    const [sql] = await activitiesSql<{ completed: number; upcoming: number; patrols: number }>(
      federation,
      `SELECT count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed, count(*) FILTER (WHERE status = 'PUBLISHED' AND starts_at > now())::int AS upcoming,
              count(*) FILTER (WHERE kind = 'PATROL')::int AS patrols FROM activity WHERE community_id = $1`,
      [place.communityId],
    );
    expect(await count({ status: 'COMPLETED' })).toBe(sql.completed);
    expect(await count({ status: 'PUBLISHED' })).toBe(sql.upcoming);
    expect(await count({ status: 'ONGOING' })).toBe(0);
    expect(await count({ kind: 'PATROL' })).toBe(sql.patrols);
    expect(sql.patrols).toBeGreaterThan(0);
    expect(await count({ from: chinaDate(Date.now() + DAY) })).toBe(sql.upcoming);
    expect(await count({ status: 'COMPLETED', ...year })).toBe(sql.completed);
  });

  it("shows a member's volunteer record and an activity's roster only to the member and the managers in scope", async () => {
    const [{ member_id: memberId, activity_id: activityId }] = await activitiesSql<{ member_id: string; activity_id: string }>(
      federation,
      "SELECT member_id, activity_id FROM participation WHERE status = 'ATTENDED' ORDER BY member_id LIMIT 1",
    );
    type Node = { id: string; community: { id: string } | null };
    const holder = await federation.query<{ member: { organization: Node & { ancestors: Node[] } } }>(
      'query($id: ID!) { member(id: $id) { organization { id community { id } ancestors { id community { id } } } } }',
      { id: memberId },
    );
    const { ancestors, ...own } = holder.data!.member.organization;
    const communityOrg = [...ancestors, own].find((o) => o.community)!.id;
    const [{ organizer_id: organizerId }] = await activitiesSql<{ organizer_id: string }>(
      federation,
      'SELECT organizer_id FROM activity WHERE id = $1',
      [activityId],
    );
    const others = await federation.query<{ communities: { edges: { node: { partyOrganization: { id: string } } }[] } }>(
      '{ communities(first: 6) { edges { node { partyOrganization { id } } } } }',
    );
    const elsewhere = others
      .data!.communities.edges.map((e) => e.node.partyOrganization.id)
      .find((id) => id !== communityOrg && !organizerId.includes(id))!;
    const as = async (actor: Actor) => ({ authorization: `Bearer ${await mintCallerToken(actor)}` });
    const record = 'query($id: ID!) { member(id: $id) { name volunteerHours participations(first: 5) { totalCount } } }';
    const code = (r: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;

    expect((await federation.query(record, { id: memberId }, await as({ role: 'MEMBER', sub: 'self', memberId }))).errors).toBeUndefined();
    expect(
      (
        await federation.query(
          record,
          { id: memberId },
          await as({ role: 'COMMUNITY_SECRETARY', sub: 'own-secretary', orgId: communityOrg }),
        )
      ).errors,
    ).toBeUndefined();
    for (const outsider of [
      { role: 'MEMBER', sub: 'another-member', memberId: place.memberIds.find((id) => id !== memberId) },
      { role: 'UNIT_LIAISON', sub: 'liaison', unitId: place.unitIds[0] },
      { role: 'COMMUNITY_SECRETARY', sub: 'secretary-elsewhere', orgId: elsewhere },
    ] as Actor[]) {
      const refused = await federation.query<{ member: { name: string } }>(record, { id: memberId }, await as(outsider));
      expect([outsider.sub, code(refused), refused.data?.member.name.length]).toEqual([outsider.sub, 'FORBIDDEN', expect.any(Number)]);
    }
    const roster = 'query($id: ID!) { activity(id: $id) { title participants(first: 5) { totalCount } } }';
    expect(code(await federation.query(roster, { id: activityId }, await as({ role: 'MEMBER', sub: 'self', memberId })))).toBe('FORBIDDEN');
    expect(
      code(
        await federation.query(
          roster,
          { id: activityId },
          await as({ role: 'COMMUNITY_SECRETARY', sub: 'secretary-elsewhere', orgId: elsewhere }),
        ),
      ),
    ).toBe('FORBIDDEN');
    const organizers = await as({ role: 'COMMUNITY_SECRETARY', sub: 'organiser', orgId: organizerId });
    expect((await federation.query(roster, { id: activityId }, organizers)).errors).toBeUndefined();
  });

  it('refuses malformed periods, naming the argument', async () => {
    const ask = (from: string, to: string) =>
      federation.query(
        'query($id: ID!, $from: String!, $to: String!) { community(id: $id) { volunteerStats(from: $from, to: $to) { hours } } }',
        { id: place.communityId, from, to },
      );
    expect((await ask('2026-13-01', '2026-12-31')).errors?.[0].extensions).toEqual(
      refused('BAD_USER_INPUT', 'from', msg('input.date', { field: 'from', ...YEARS })),
    );
    expect((await ask('2026-06-01', '2026-05-31')).errors?.[0].extensions).toEqual(
      refused('BAD_USER_INPUT', 'to', msg('date.notBeforeField', { field: 'to', other: 'from' })),
    );
  });

  it('sends as many SQL statements to each service for 1 activity as for 100 (no N+1)', async () => {
    const query = `query($id: ID!, $first: Int!) { community(id: $id) { activities(first: $first) { edges { node {
      organizer { name } team { name } participants(first: 5) { edges { node { member { name } } } } } } } } }`;
    const sizes: Record<number, number> = {};
    const run = async (first: number) => {
      let edges = 0;
      const statements = await federation.statementsPerService(async () => {
        const result = await federation.query<{
          community: { activities: { edges: { node: { team: unknown; participants: { edges: unknown[] } } }[] } };
        }>(query, { id: place.communityId, first });
        expect(result.errors).toBeUndefined();
        edges = result.data!.community.activities.edges.length;
        sizes[first] = result.data!.community.activities.edges.reduce((n, e) => n + e.node.participants.edges.length, 0);
      });
      return { statements, edges };
    };
    const small = await run(1);
    const large = await run(100);
    expect(small.edges).toBe(1);
    expect(large.edges).toBeGreaterThan(15);
    expect(sizes[100]).toBeGreaterThan(50);
    expect(large.statements).toEqual(small.statements);
    console.log(
      `statements per service, first: 1 -> ${JSON.stringify(small.statements)}; first: 100 (${large.edges} activities, ${sizes[100]} participants) -> ${JSON.stringify(large.statements)}`,
    );
  });
});
