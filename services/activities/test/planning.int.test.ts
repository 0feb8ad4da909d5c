import { mintCallerToken, msg, YEARS, type Actor } from '@cpb/kit';
import { refused } from '@cpb/kit/testing';
import { type Federation, hoursFromNow, inEnglish } from '@cpb/kit/testing';
import { activityInput, checkInMutation, createActivityMutation, eventsOf, publishedActivity, signUpMutation } from './fixtures';
import { type Neighbourhood, startNeighbourhood } from '@cpb/demo-world/testing';

let federation: Federation;
let place: Neighbourhood;

// Asked in English: these tests read the refusals' English wording.
beforeAll(async () => {
  ({ federation, place } = await startNeighbourhood());
  federation = inEnglish(federation);
});
afterAll(() => federation?.stop());

const TEAM = 'id name specialty memberCount foundedOn leader { id name } organization { id name } community { id }';
const createTeam = (input: Record<string, unknown>) =>
  federation.query<{
    createVolunteerTeam: {
      id: string;
      name: string;
      memberCount: number;
      leader: { id: string; name: string };
      organization: { id: string; name: string };
      community: { id: string };
    };
  }>(`mutation($input: CreateVolunteerTeamInput!) { createVolunteerTeam(input: $input) { ${TEAM} } }`, { input });
const join = (teamId: string, memberId: string, joinedOn?: string) =>
  federation.query<{ joinVolunteerTeam: { joinedOn: string; leftOn: string | null } }>(
    'mutation($t: ID!, $m: ID!, $on: String) { joinVolunteerTeam(teamId: $t, memberId: $m, joinedOn: $on) { joinedOn leftOn } }',
    { t: teamId, m: memberId, on: joinedOn },
  );
const leave = (teamId: string, memberId: string, leftOn?: string) =>
  federation.query<{ leaveVolunteerTeam: { leftOn: string } }>(
    'mutation($t: ID!, $m: ID!, $on: String) { leaveVolunteerTeam(teamId: $t, memberId: $m, leftOn: $on) { leftOn } }',
    { t: teamId, m: memberId, on: leftOn },
  );
const changeLeader = (teamId: string, memberId: string) =>
  federation.query<{ changeVolunteerTeamLeader: { leader: { id: string } } }>(
    'mutation($t: ID!, $m: ID!) { changeVolunteerTeamLeader(teamId: $t, memberId: $m) { leader { id } } }',
    { t: teamId, m: memberId },
  );

describe('volunteer teams (党员志愿者服务队), through the gateway', () => {
  it('sets up a team under an organisation, led by a member who is its first member', async () => {
    const [leader] = place.memberIds;
    const result = await createTeam({
      name: '法律服务先锋队',
      specialty: 'LEGAL',
      organizationId: place.organizationId,
      leaderId: leader,
      foundedOn: '2026-01-05',
    });
    expect(result.errors).toBeUndefined();
    const team = result.data!.createVolunteerTeam;
    expect(team).toMatchObject({
      name: '法律服务先锋队',
      memberCount: 1,
      leader: { id: leader },
      organization: { id: place.organizationId },
      community: { id: place.communityId },
    });
    expect(team.leader.name.length).toBeGreaterThan(0);
    expect(await eventsOf(federation, team.id)).toEqual(['team.created', 'team.member-joined']);

    const duplicate = await createTeam({
      name: '法律服务先锋队',
      specialty: 'CARE',
      organizationId: place.organizationId,
      leaderId: leader,
    });
    expect(duplicate.errors?.[0]).toMatchObject({
      message: expect.stringContaining('already has a volunteer team'),
      extensions: { code: 'CONFLICT' },
    });
    const nobody = '00000000-0000-4000-8000-000000000000';
    const noLeader = refused('NOT_FOUND', 'leaderId', msg('record.notFound', { entity: 'Member', id: nobody }));
    expect(
      (await createTeam({ name: '新队', specialty: 'IT', organizationId: place.organizationId, leaderId: nobody })).errors?.[0].extensions,
    ).toEqual(noLeader);
    const noOrganization = refused('NOT_FOUND', 'organizationId', msg('record.notFound', { entity: 'Organization', id: nobody }));
    expect((await createTeam({ name: '新队', specialty: 'IT', organizationId: nobody, leaderId: leader })).errors?.[0].extensions).toEqual(
      noOrganization,
    );
    const blank = refused('BAD_USER_INPUT', 'name', msg('input.invisible', { field: 'name' }));
    expect(
      (await createTeam({ name: ' ', specialty: 'IT', organizationId: place.organizationId, leaderId: leader })).errors?.[0].extensions,
    ).toEqual(blank);
  });

  it('keeps memberships with join and leave dates; the leader hands over before leaving', async () => {
    const [leader, second, outsider] = place.memberIds.slice(5);
    const team = (
      await createTeam({
        name: '义诊服务队',
        specialty: 'MEDICAL',
        organizationId: place.organizationId,
        leaderId: leader,
        foundedOn: '2026-02-01',
      })
    ).data!.createVolunteerTeam;

    expect((await join(team.id, second, '2026-01-01')).errors?.[0].extensions).toEqual(
      refused('BAD_USER_INPUT', 'joinedOn', msg('team.joinedBeforeFounded', { team: '义诊服务队', foundedOn: '2026-02-01' })),
    );
    expect((await join(team.id, second, '2026-03-01')).data!.joinVolunteerTeam).toEqual({ joinedOn: '2026-03-01', leftOn: null });
    expect((await join(team.id, second)).errors?.[0]).toMatchObject({
      message: expect.stringContaining('already belongs'),
      extensions: { code: 'CONFLICT' },
    });

    const teamsOf = await federation.query<{ member: { teams: { id: string }[] } }>(
      'query($id: ID!) { member(id: $id) { teams { id } } }',
      { id: second },
    );
    expect(teamsOf.data!.member.teams.map((t) => t.id)).toContain(team.id);

    expect((await leave(team.id, leader)).errors?.[0]).toMatchObject({
      message: expect.stringContaining('hand the leadership'),
      extensions: { code: 'CONFLICT' },
    });
    expect((await changeLeader(team.id, outsider)).errors?.[0]).toMatchObject({
      message: expect.stringContaining('current member'),
      extensions: { code: 'CONFLICT' },
    });
    expect((await changeLeader(team.id, second)).data!.changeVolunteerTeamLeader.leader.id).toBe(second);
    expect((await leave(team.id, leader, '2026-01-15')).errors?.[0].extensions).toEqual(
      refused('BAD_USER_INPUT', 'leftOn', msg('team.leftBeforeJoined', { joinedOn: '2026-02-01' })),
    );
    expect((await leave(team.id, leader, '2026-04-30')).data!.leaveVolunteerTeam.leftOn).toBe('2026-04-30');
    expect((await leave(team.id, leader)).errors?.[0].extensions?.code).toBe('CONFLICT');

    const read = await federation.query<{
      volunteerTeam: {
        memberCount: number;
        current: { totalCount: number };
        all: { edges: { node: { member: { id: string }; joinedOn: string; leftOn: string | null } }[] };
      };
    }>(
      `query($id: ID!) { volunteerTeam(id: $id) { memberCount current: memberships { totalCount } all: memberships(includeFormer: true) { edges { node { member { id } joinedOn leftOn } } } } }`,
      { id: team.id },
    );
    expect(read.data!.volunteerTeam.memberCount).toBe(1);
    expect(read.data!.volunteerTeam.current.totalCount).toBe(1);
    expect(read.data!.volunteerTeam.all.edges.map((e) => e.node)).toEqual([
      { member: { id: leader }, joinedOn: '2026-02-01', leftOn: '2026-04-30' },
      { member: { id: second }, joinedOn: '2026-03-01', leftOn: null },
    ]);
    expect(await eventsOf(federation, team.id)).toEqual([
      'team.created',
      'team.member-joined',
      'team.member-joined',
      'team.leader-changed',
      'team.member-left',
    ]);
  });

  it('lists teams by community and specialty, and names the team running an activity', async () => {
    const teams = await federation.query<{
      volunteerTeams: { totalCount: number; edges: { node: { specialty: string; community: { id: string } } }[] };
    }>(
      'query($c: ID!) { volunteerTeams(filter: { communityId: $c, specialty: LEGAL }, first: 50) { totalCount edges { node { specialty community { id } } } } }',
      { c: place.communityId },
    );
    expect(teams.data!.volunteerTeams.totalCount).toBeGreaterThan(0);
    for (const e of teams.data!.volunteerTeams.edges) expect(e.node).toEqual({ specialty: 'LEGAL', community: { id: place.communityId } });

    const team = (
      await createTeam({ name: '平安巡逻队', specialty: 'PATROL', organizationId: place.organizationId, leaderId: place.memberIds[9] })
    ).data!.createVolunteerTeam;
    const created = await federation.query<{ createActivity: { id: string } }>(createActivityMutation, {
      input: activityInput(place, { kind: 'PATROL', teamId: team.id }),
    });
    const activity = await federation.query<{ activity: { team: { name: string } } }>(
      'query($id: ID!) { activity(id: $id) { team { name } } }',
      { id: created.data!.createActivity.id },
    );
    expect(activity.data!.activity.team.name).toBe('平安巡逻队');

    const ofOrganization = await federation.query<{ volunteerTeams: { edges: { node: { id: string; organization: { id: string } } }[] } }>(
      'query($o: ID!) { volunteerTeams(filter: { organizationId: $o }, first: 100) { edges { node { id organization { id } } } } }',
      { o: place.organizationId },
    );
    const listed = ofOrganization.data!.volunteerTeams.edges.map((e) => e.node);
    expect(listed.map((t) => t.id)).toContain(team.id);
    for (const t of listed) expect(t.organization.id).toBe(place.organizationId);
    // The organisation filter is served by an index in the list's order (the planner told to avoid a table scan finds it).
    const runner = federation.subgraphs.activities.running.database.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SET enable_seqscan = off');
      const plan: { 'QUERY PLAN': string }[] = await runner.query(
        'EXPLAIN SELECT t.id FROM volunteer_team t WHERE t.organization_id = $1::uuid ORDER BY t.name, t.id LIMIT 21',
        [place.organizationId],
      );
      expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('volunteer_team_organization_idx');
    } finally {
      await runner.query('RESET enable_seqscan');
      await runner.release();
    }
  });
});

type Planned = {
  id: string;
  status: string;
  title: string;
  place: string | null;
  community: { id: string };
  coOrganizers: { id: string; name: string }[];
  venueBooking: { id: string } | null;
};
const PLANNED = 'id status title place community { id } coOrganizers { id name } venueBooking { id }';
const plan = (overrides: Record<string, unknown>) =>
  federation.query<{ createActivity: Planned }>(`mutation($input: CreateActivityInput!) { createActivity(input: $input) { ${PLANNED} } }`, {
    input: activityInput(place, overrides),
  });
const update = (id: string, input: Record<string, unknown>) =>
  federation.query<{ updateActivity: Planned }>(
    `mutation($id: ID!, $input: UpdateActivityInput!) { updateActivity(id: $id, input: $input) { ${PLANNED} } }`,
    { id, input },
  );
const publish = (id: string) =>
  federation.query<{ publishActivity: { status: string } }>('mutation($id: ID!) { publishActivity(id: $id) { status } }', { id });

describe('planning activities, through the gateway', () => {
  it("plans a draft in the organiser's community, co-organised with resident units (活动共办) in a booked venue", async () => {
    // A Monday about ten weeks ahead (past the seeded bookings), 14:00-16:00 China time, when seeded venues are open.
    const base = new Date(Date.now() + 63 * 86_400_000);
    const day = new Date(base.getTime() + ((8 - base.getUTCDay()) % 7) * 86_400_000).toISOString().slice(0, 10);
    const time = (hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
    const venues = await federation.query<{ resources: { edges: { node: { id: string } }[] } }>(
      'query($c: ID) { resources(filter: { kind: VENUE, communityId: $c }, first: 1) { edges { node { id } } } }',
      { c: place.communityId },
    );
    const booked = await federation.query<{ bookResource: { id: string } }>(
      'mutation($input: BookResourceInput!) { bookResource(input: $input) { id } }',
      {
        input: {
          resourceId: venues.data!.resources.edges[0].node.id,
          bookedById: place.organizationId,
          purpose: '邻里文化节',
          startsAt: time('13:30'),
          endsAt: time('16:30'),
          headcount: 30,
        },
      },
    );
    expect(booked.errors).toBeUndefined();
    const booking = booked.data!.bookResource.id;
    const when = { startsAt: time('14:00'), endsAt: time('16:00') };

    const result = await plan({
      kind: 'CULTURE_SPORTS',
      coOrganizerIds: place.unitIds.slice(0, 2),
      venueBookingId: booking,
      place: '社区文化广场',
      ...when,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createActivity).toMatchObject({
      status: 'DRAFT',
      place: '社区文化广场',
      community: { id: place.communityId },
      venueBooking: { id: booking },
    });
    expect(result.data!.createActivity.coOrganizers.map((u) => u.id)).toEqual(place.unitIds.slice(0, 2));
    expect(result.data!.createActivity.coOrganizers[0].name.length).toBeGreaterThan(0);

    const again = await plan({ venueBookingId: booking, ...when });
    expect(again.errors?.[0]).toMatchObject({
      message: expect.stringContaining('already serves another activity'),
      extensions: { code: 'CONFLICT' },
    });
    const longer = await plan({ venueBookingId: booking, startsAt: time('14:00'), endsAt: time('17:00') });
    expect(longer.errors?.[0]).toMatchObject({ message: expect.stringContaining('does not cover'), extensions: { code: 'CONFLICT' } });
    const unknown = await plan({ venueBookingId: '00000000-0000-4000-8000-000000000000', ...when });
    expect(unknown.errors?.[0].extensions).toEqual(
      refused('NOT_FOUND', 'venueBookingId', msg('record.notFound', { entity: 'Booking', id: '00000000-0000-4000-8000-000000000000' })),
    );
  });

  it('uses a venue booking only of its own organisation (or one above it), only one activity per booking, and re-checks it on publishing', async () => {
    // A Monday about twelve weeks ahead, past the seeded bookings and the test above.
    const base = new Date(Date.now() + 84 * 86_400_000);
    const day = new Date(base.getTime() + ((8 - base.getUTCDay()) % 7) * 86_400_000).toISOString().slice(0, 10);
    const time = (hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
    const communities = await federation.query<{
      communities: { edges: { node: { id: string; partyOrganization: { id: string; children: { id: string }[] } } }[] };
    }>('{ communities(first: 2) { edges { node { id partyOrganization { id children { id } } } } } }');
    const [own, other] = communities.data!.communities.edges.map((e) => e.node);
    expect(own.id).toBe(place.communityId);
    const venueOf = async (communityId: string) =>
      (
        await federation.query<{ resources: { edges: { node: { id: string } }[] } }>(
          'query($c: ID) { resources(filter: { kind: VENUE, communityId: $c }, first: 1) { edges { node { id } } } }',
          { c: communityId },
        )
      ).data!.resources.edges[0].node.id;
    const book = async (communityId: string, bookedById: string, from: string, to: string, activityId?: string) => {
      const booked = await federation.query<{ bookResource: { id: string } }>(
        'mutation($input: BookResourceInput!) { bookResource(input: $input) { id } }',
        {
          input: {
            resourceId: await venueOf(communityId),
            bookedById,
            purpose: '党员活动',
            startsAt: time(from),
            endsAt: time(to),
            headcount: 10,
            activityId,
          },
        },
      );
      expect(booked.errors).toBeUndefined();
      return booked.data!.bookResource.id;
    };
    const when = (from: string, to: string) => ({ startsAt: time(from), endsAt: time(to) });

    // Another community's booking: refused, and nothing is planned with it.
    const foreign = await book(other.id, other.partyOrganization.id, '09:00', '11:00');
    const claimed = await plan({ venueBookingId: foreign, ...when('09:30', '10:30') });
    expect(claimed.errors?.[0]).toMatchObject({
      message: expect.stringContaining('booked by another organisation'),
      extensions: { code: 'CONFLICT' },
    });

    // The community organisation's booking serves an activity of one of its branches.
    const ownBooking = await book(own.id, own.partyOrganization.id, '14:00', '16:00');
    const branch = await plan({ organizerId: own.partyOrganization.children[0].id, venueBookingId: ownBooking, ...when('14:00', '16:00') });
    expect(branch.errors).toBeUndefined();
    // ...but not a branch's booking an activity of the community organisation above it.
    const branchBooking = await book(own.id, own.partyOrganization.children[0].id, '17:00', '18:00');
    expect((await plan({ venueBookingId: branchBooking, ...when('17:00', '18:00') })).errors?.[0].extensions?.code).toBe('CONFLICT');

    // A booking made for one activity serves no other.
    const first = (await plan(when('19:00', '20:00'))).data!.createActivity.id;
    const forFirst = await book(own.id, own.partyOrganization.id, '19:00', '20:00', first);
    const second = await plan({ venueBookingId: forFirst, ...when('19:00', '20:00') });
    expect(second.errors?.[0]).toMatchObject({
      message: expect.stringContaining('already serves another activity'),
      extensions: { code: 'CONFLICT' },
    });

    // Publishing asks again: a booking cancelled since the draft was planned is refused.
    const later = await book(own.id, own.partyOrganization.id, '20:00', '21:00');
    const draft = (await plan({ venueBookingId: later, ...when('20:00', '21:00') })).data!.createActivity.id;
    expect((await federation.query('mutation($id: ID!) { cancelBooking(id: $id) { status } }', { id: later })).errors).toBeUndefined();
    expect((await publish(draft)).errors?.[0]).toMatchObject({
      message: expect.stringContaining('cancelled'),
      extensions: { code: 'CONFLICT' },
    });
  });

  it('refuses bad plans, each with a code naming the argument', async () => {
    const nobody = '00000000-0000-4000-8000-000000000000';
    const refusal = async (overrides: Record<string, unknown>) => (await plan(overrides)).errors?.[0].extensions;
    expect(await refusal({ endsAt: hoursFromNow(47).toISOString() })).toEqual(
      refused('BAD_USER_INPUT', 'endsAt', msg('date.after', { field: 'endsAt', other: 'startsAt' })),
    );
    expect(await refusal({ startsAt: 'tomorrow' })).toEqual(
      refused('BAD_USER_INPUT', 'startsAt', msg('input.dateTime', { field: 'startsAt', ...YEARS })),
    );
    expect(await refusal({ capacity: 0 })).toEqual(refused('BAD_USER_INPUT', 'capacity', msg('activity.capacityRange', { max: 10_000 })));
    expect(await refusal({ title: '' })).toEqual(refused('BAD_USER_INPUT', 'title', msg('input.length', { field: 'title', max: 100 })));
    expect(await refusal({ organizerId: nobody })).toEqual(
      refused('NOT_FOUND', 'organizerId', msg('record.notFound', { entity: 'Organization', id: nobody })),
    );
    expect(await refusal({ communityId: nobody })).toEqual(refused('BAD_USER_INPUT', 'communityId', msg('activity.inOrganizersCommunity')));
    expect(await refusal({ teamId: nobody })).toEqual(
      refused('NOT_FOUND', 'teamId', msg('record.notFound', { entity: 'VolunteerTeam', id: nobody })),
    );
    expect(await refusal({ coOrganizerIds: [nobody] })).toEqual(
      refused('NOT_FOUND', 'coOrganizerIds', msg('record.notFound', { entity: 'ResidentUnit', id: nobody })),
    );
  });

  it('changes a draft freely, publishes it once, then refuses other changes', async () => {
    const id = (await plan({})).data!.createActivity.id;
    const changed = await update(id, { title: '垃圾分类宣传', place: '小区东门' });
    expect(changed.data!.updateActivity).toMatchObject({ title: '垃圾分类宣传', place: '小区东门', status: 'DRAFT' });
    expect((await update(id, { place: null })).data!.updateActivity.place).toBeNull();
    expect((await update(id, { endsAt: hoursFromNow(1).toISOString() })).errors?.[0].extensions).toEqual(
      refused('BAD_USER_INPUT', 'endsAt', msg('date.after', { field: 'endsAt', other: 'startsAt' })),
    );
    expect((await publish(id)).data!.publishActivity.status).toBe('PUBLISHED');
    expect((await publish(id)).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await update(id, { title: '改名' })).errors?.[0]).toMatchObject({
      message: expect.stringContaining('only a draft'),
      extensions: { code: 'CONFLICT' },
    });
    expect(await eventsOf(federation, id)).toEqual(['activity.published']);

    const past = (await plan({ startsAt: hoursFromNow(-5).toISOString(), endsAt: hoursFromNow(-3).toISOString() })).data!.createActivity.id;
    expect((await publish(past)).errors?.[0]).toMatchObject({
      message: expect.stringContaining('starts in the past'),
      extensions: { code: 'CONFLICT' },
    });
  });
});

describe('who may do what (docs/decisions/0004)', () => {
  const as = async (actor: Actor) => ({ authorization: `Bearer ${await mintCallerToken(actor)}` });
  const anonymous = {};

  it('lets managers plan only within their subtree, and nobody anonymous', async () => {
    const other = await federation.query<{ communities: { edges: { node: { partyOrganization: { id: string } } }[] } }>(
      '{ communities(first: 2) { edges { node { partyOrganization { id } } } } }',
    );
    const otherOrganization = other.data!.communities.edges[1].node.partyOrganization.id;
    const input = { input: activityInput(place) };
    expect((await federation.query(createActivityMutation, input, anonymous)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const outsider = await as({ role: 'COMMUNITY_SECRETARY', sub: 'secretary-elsewhere', orgId: otherOrganization });
    expect((await federation.query(createActivityMutation, input, outsider)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const secretary = await as({ role: 'COMMUNITY_SECRETARY', sub: 'secretary-here', orgId: place.organizationId });
    expect((await federation.query(createActivityMutation, input, secretary)).errors).toBeUndefined();
    const member = await as({ role: 'MEMBER', sub: 'member', memberId: place.memberIds[0] });
    expect((await federation.query(createActivityMutation, input, member)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lets a member sign up and join only as themselves; organisers check members in', async () => {
    const [self, other] = place.memberIds.slice(60);
    const member = await as({ role: 'MEMBER', sub: 'member-self', memberId: self });
    const id = await publishedActivity(federation, place);
    expect((await federation.query(signUpMutation, { a: id, m: self }, member)).errors).toBeUndefined();
    expect((await federation.query(signUpMutation, { a: id, m: other }, member)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await federation.query(signUpMutation, { a: id, m: other }, anonymous)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await federation.query(checkInMutation, { a: id, m: self }, member)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const team = (await createTeam({ name: '课业辅导队', specialty: 'TUTORING', organizationId: place.organizationId, leaderId: other }))
      .data!.createVolunteerTeam;
    const joinSelf = 'mutation($t: ID!, $m: ID!) { joinVolunteerTeam(teamId: $t, memberId: $m) { joinedOn } }';
    expect((await federation.query(joinSelf, { t: team.id, m: self }, member)).errors).toBeUndefined();

    const trail = 'query($id: ID!) { activitiesAuditTrail(targetId: $id) { edges { node { action actorSub actorRole } } } }';
    const audit = await federation.query<{
      activitiesAuditTrail: { edges: { node: { action: string; actorSub: string; actorRole: string } }[] };
    }>(trail, { id });
    expect(audit.data!.activitiesAuditTrail.edges.map((e) => e.node)).toEqual([
      { action: 'participation.signed-up', actorSub: 'member-self', actorRole: 'MEMBER' },
      { action: 'activity.published', actorSub: 'test-district-admin', actorRole: 'DISTRICT_ADMIN' },
    ]);
    expect((await federation.query(trail, { id }, member)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("shows a draft only to its organiser's managers: by id, as a reference and in the community's list", async () => {
    const created = await federation.query<{ createActivity: { id: string } }>(createActivityMutation, {
      input: activityInput(place, { title: '内部筹备中的活动' }),
    });
    const id = created.data!.createActivity.id;
    const read =
      'query($id: ID!, $c: ID!) { activity(id: $id) { id } community(id: $c) { activities(first: 100, filter: { status: DRAFT }) { edges { node { id } } } } }';
    const seen = async (headers: Record<string, string>) => {
      const result = await federation.query<{
        activity: { id: string } | null;
        community: { activities: { edges: { node: { id: string } }[] } };
      }>(read, { id, c: place.communityId }, headers);
      expect(result.errors).toBeUndefined();
      return [result.data!.activity?.id ?? null, result.data!.community.activities.edges.some((e) => e.node.id === id)];
    };
    const other = await federation.query<{ communities: { edges: { node: { partyOrganization: { id: string } } }[] } }>(
      '{ communities(first: 2) { edges { node { partyOrganization { id } } } } }',
    );
    expect(await seen(await as({ role: 'COMMUNITY_SECRETARY', sub: 'secretary-here', orgId: place.organizationId }))).toEqual([id, true]);
    for (const outsider of [
      anonymous,
      await as({ role: 'MEMBER', sub: 'member', memberId: place.memberIds[0] }),
      await as({ role: 'COMMUNITY_SECRETARY', sub: 'elsewhere', orgId: other.data!.communities.edges[1].node.partyOrganization.id }),
    ]) {
      expect(await seen(outsider)).toEqual([null, false]);
    }
    await publish(id);
    expect(await seen(anonymous)).toEqual([id, false]);
  });

  it('shows aggregates to analysts, but not the people behind them', async () => {
    const analyst = await as({ role: 'ANALYST', sub: 'analyst' });
    const stats = (selection: string, headers: Record<string, string>) =>
      federation.query<{ community: { volunteerStats: { hours: number } | null } }>(
        `query($id: ID!) { community(id: $id) { volunteerStats(from: "2025-01-01", to: "2026-12-31") { ${selection} } } }`,
        { id: place.communityId },
        headers,
      );
    const figures = await stats('hours participations', analyst);
    expect(figures.errors).toBeUndefined();
    expect(figures.data!.community.volunteerStats!.hours).toBeGreaterThan(0);
    expect((await stats('topVolunteers { hours }', analyst)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await stats('hours', anonymous)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const id = await publishedActivity(federation, place);
    const participants = await federation.query(
      'query($id: ID!) { activity(id: $id) { title participants { totalCount } } }',
      { id },
      analyst,
    );
    expect(participants.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
