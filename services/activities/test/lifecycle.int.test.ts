/**
 * Disbanding volunteer teams and rescheduling published activities (issue 17): through the gateway on
 * the real Postgres server, the venue booking asked of resources, events on the mock broker.
 */
import { today } from '@cpb/kit';
import { worldId } from '@cpb/demo-world';
import { onBroker, outboxRows, startOnBroker, type OnBroker } from '@cpb/kit/testing';
import { activityInput, createActivityMutation, moveActivity, publishedActivity, signUpMutation } from './fixtures';
import { daysAgo, hoursFromNow } from '@cpb/kit/testing';
import { codeOf, codesByPersona, headersOf, loadNeighbourhood, type Neighbourhood, outsidersRefused } from '@cpb/demo-world/testing';

let stack: OnBroker;
let place: Neighbourhood;

beforeAll(async () => {
  stack = await startOnBroker('activities');
  place = await loadNeighbourhood(stack.federation);
});
afterAll(() => stack?.stop());

const english = async () => ({ ...(await headersOf('districtAdmin')), 'accept-language': 'en' });
const query = <T = Record<string, unknown>>(text: string, variables: Record<string, unknown>, headers?: Record<string, string>) =>
  stack.federation.query<T>(text, variables, headers);
const message = (result: { errors?: readonly { message: string }[] }) => result.errors?.[0]?.message;

let teamCount = 0;
/** A team of community 0's organisation founded 100 days ago, led by one member with another in it. */
async function team(): Promise<{ id: string; name: string }> {
  const name = `测试服务队${++teamCount}`;
  const created = await query<{ createVolunteerTeam: { id: string } }>(
    'mutation($i: CreateVolunteerTeamInput!) { createVolunteerTeam(input: $i) { id } }',
    {
      i: { name, specialty: 'PATROL', organizationId: worldId('org-community', 0), leaderId: place.memberIds[0], foundedOn: daysAgo(100) },
    },
  );
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const id = created.data!.createVolunteerTeam.id;
  expect(
    (
      await query('mutation($t: ID!, $m: ID!, $on: String) { joinVolunteerTeam(teamId: $t, memberId: $m, joinedOn: $on) { joinedOn } }', {
        t: id,
        m: place.memberIds[1],
        on: daysAgo(50),
      })
    ).errors,
  ).toBeUndefined();
  return { id, name };
}

const disband = 'mutation($t: ID!, $on: String) { disbandVolunteerTeam(teamId: $t, disbandedOn: $on) { id disbandedOn memberCount } }';

describe('disbandVolunteerTeam (解散)', () => {
  it('disbands a team: the day kept, its history kept (members, activities), team.disbanded with the members it had', async () => {
    const { id } = await team();
    const planned = await query<{ createActivity: { id: string } }>(createActivityMutation, {
      input: activityInput(place, { teamId: id }),
    });
    expect(planned.errors).toBeUndefined();
    const result = await query<{ disbandVolunteerTeam: { disbandedOn: string; memberCount: number } }>(disband, { t: id });
    expect(result.errors).toBeUndefined();
    expect(result.data!.disbandVolunteerTeam).toEqual({ id, disbandedOn: today(), memberCount: 2 });
    const read = await query<{
      volunteerTeam: { disbandedOn: string; memberships: { totalCount: number } };
      activity: { team: { id: string } };
    }>(
      'query($t: ID!, $a: ID!) { volunteerTeam(id: $t) { disbandedOn memberships(first: 10) { totalCount } } activity(id: $a) { team { id } } }',
      { t: id, a: planned.data!.createActivity.id },
    );
    expect(read.data).toEqual({ volunteerTeam: { disbandedOn: today(), memberships: { totalCount: 2 } }, activity: { team: { id } } });
    const rows = (await outboxRows(stack.federation, 'activities', 'team.disbanded')).filter((r) => r.aggregate_id === id);
    expect(rows.map((r) => r.payload)).toEqual([
      {
        teamId: id,
        organizationId: worldId('org-community', 0),
        communityId: worldId('community', 0),
        disbandedOn: today(),
        currentMembers: 2,
      },
    ]);
    const [event] = await onBroker(stack.reader, 'team.disbanded', id);
    expect(event.data).toEqual(rows[0].payload);
  });

  it('takes no new activities afterwards, planned or moved to it, nor new members (CONFLICT saying since when)', async () => {
    const { id, name } = await team();
    const draft = await query<{ createActivity: { id: string } }>(createActivityMutation, { input: activityInput(place) });
    expect((await query(disband, { t: id, on: daysAgo(1) })).errors).toBeUndefined();
    const created = await query(createActivityMutation, { input: activityInput(place, { teamId: id }) }, await english());
    expect(codeOf(created)).toBe('CONFLICT');
    expect(message(created)).toBe(`${name} was disbanded on ${daysAgo(1)}: no new activities or members`);
    const moved = await query('mutation($id: ID!, $t: ID) { updateActivity(id: $id, input: { teamId: $t }) { id } }', {
      id: draft.data!.createActivity.id,
      t: id,
    });
    expect(codeOf(moved)).toBe('CONFLICT');
    const joined = await query('mutation($t: ID!, $m: ID!) { joinVolunteerTeam(teamId: $t, memberId: $m) { id } }', {
      t: id,
      m: place.memberIds[2],
    });
    expect(codeOf(joined)).toBe('CONFLICT');
    expect(codeOf(await query(disband, { t: id }))).toBe('CONFLICT');
  });

  it('refuses a day before the team was founded or in the future (BAD_USER_INPUT on disbandedOn)', async () => {
    const { id } = await team();
    expect((await query(disband, { t: id, on: daysAgo(101) })).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'disbandedOn',
    });
    expect((await query(disband, { t: id, on: '2999-01-01' })).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'disbandedOn',
    });
    expect(
      (await query<{ volunteerTeam: { disbandedOn: null } }>('query($t: ID!) { volunteerTeam(id: $t) { disbandedOn } }', { t: id })).data!
        .volunteerTeam.disbandedOn,
    ).toBeNull();
  });

  it('a team being given an activity and disbanded at once: the activity is planned before, or refused; never after', async () => {
    const { id } = await team();
    const [created, disbanded] = await Promise.all([
      query<{ createActivity: { id: string } }>(createActivityMutation, { input: activityInput(place, { teamId: id }) }),
      query(disband, { t: id }),
    ]);
    expect(disbanded.errors).toBeUndefined();
    if (created.errors) expect(codeOf(created)).toBe('CONFLICT');
    else {
      const [row] = await stack.federation.subgraphs.activities.running.database.dataSource.query(
        'SELECT xmin::text::bigint < (SELECT xmin::text::bigint FROM volunteer_team WHERE id = $2) AS before FROM activity WHERE id = $1',
        [created.data!.createActivity.id, id],
      );
      expect(row.before).toBe(true);
    }
  });

  it("is the team's organisation's managers' only", async () => {
    const { id } = await team();
    const expected = { ...outsidersRefused, secretary: undefined, streetAdmin: 'CONFLICT', districtAdmin: 'CONFLICT' };
    expect(await codesByPersona(expected, (headers) => query(disband, { t: id }, headers))).toEqual(expected);
  });
});

const reschedule =
  'mutation($id: ID!, $s: String!, $e: String!) { rescheduleActivity(id: $id, startsAt: $s, endsAt: $e) { id status startsAt endsAt signedUpCount } }';

/** A Monday about `weeks` weeks ahead (past the seeded bookings), at a China time, when seeded venues are open. */
function mondayAt(weeks: number) {
  const base = new Date(Date.now() + weeks * 7 * 86_400_000);
  const day = new Date(base.getTime() + ((8 - base.getUTCDay()) % 7) * 86_400_000).toISOString().slice(0, 10);
  return (hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
}

describe('rescheduleActivity (改期)', () => {
  it('moves a published activity: members signed up stay signed up, activity.rescheduled tells consumers, and a member may still withdraw', async () => {
    const id = await publishedActivity(stack.federation, place);
    for (const m of place.memberIds.slice(0, 2)) expect((await query(signUpMutation, { a: id, m })).errors).toBeUndefined();
    const [startsAt, endsAt] = [hoursFromNow(96).toISOString(), hoursFromNow(99).toISOString()];
    const result = await query<{ rescheduleActivity: Record<string, unknown> }>(reschedule, { id, s: startsAt, e: endsAt });
    expect(result.errors).toBeUndefined();
    expect(result.data!.rescheduleActivity).toEqual({ id, status: 'PUBLISHED', startsAt, endsAt, signedUpCount: 2 });
    const participants = await query<{ activity: { participants: { edges: { node: { status: string } }[] } } }>(
      'query($id: ID!) { activity(id: $id) { participants(first: 10) { edges { node { status } } } } }',
      { id },
    );
    expect(participants.data!.activity.participants.edges.map((e) => e.node.status)).toEqual(['SIGNED_UP', 'SIGNED_UP']);
    const rows = (await outboxRows(stack.federation, 'activities', 'activity.rescheduled')).filter((r) => r.aggregate_id === id);
    expect(rows).toHaveLength(1);
    expect(rows[0].payload).toMatchObject({
      activityId: id,
      communityId: place.communityId,
      organizerId: place.organizationId,
      venueBookingId: null,
      startsAt,
      endsAt,
      signedUp: 2,
    });
    const [event] = await onBroker(stack.reader, 'activity.rescheduled', id);
    expect(event.data).toEqual(rows[0].payload);
    expect(
      (
        await query('mutation($a: ID!, $m: ID!) { cancelSignUp(activityId: $a, memberId: $m) { status } }', {
          a: id,
          m: place.memberIds[0],
        })
      ).errors,
    ).toBeUndefined();
  });

  it('keeps to its venue booking: a new time within it is accepted, one outside it refused (CONFLICT), as is a cancelled booking', async () => {
    const time = mondayAt(11);
    const venues = await query<{ resources: { edges: { node: { id: string } }[] } }>(
      'query($c: ID) { resources(filter: { kind: VENUE, communityId: $c }, first: 1) { edges { node { id } } } }',
      { c: place.communityId },
    );
    const booked = await query<{ bookResource: { id: string } }>(
      'mutation($input: BookResourceInput!) { bookResource(input: $input) { id } }',
      {
        input: {
          resourceId: venues.data!.resources.edges[0].node.id,
          bookedById: place.organizationId,
          purpose: '党课',
          startsAt: time('13:00'),
          endsAt: time('17:00'),
          headcount: 20,
        },
      },
    );
    expect(booked.errors).toBeUndefined();
    const booking = booked.data!.bookResource.id;
    const id = await publishedActivity(stack.federation, place, {
      venueBookingId: booking,
      startsAt: time('14:00'),
      endsAt: time('16:00'),
    });
    expect((await query(reschedule, { id, s: time('13:00'), e: time('15:00') })).errors).toBeUndefined();
    const outside = await query(reschedule, { id, s: time('16:00'), e: time('18:00') }, await english());
    expect(codeOf(outside)).toBe('CONFLICT');
    expect(message(outside)).toContain('does not cover');
    await query('mutation($id: ID!) { cancelBooking(id: $id, reason: "场地维修", reasonCode: VENUE_UNAVAILABLE) { id } }', { id: booking });
    expect(codeOf(await query(reschedule, { id, s: time('14:00'), e: time('16:00') }))).toBe('CONFLICT');
    const kept = await query<{ activity: { startsAt: string } }>('query($id: ID!) { activity(id: $id) { startsAt } }', { id });
    expect(kept.data!.activity.startsAt).toBe(time('13:00'));
  });

  it('refuses a draft, a cancelled or a started activity (CONFLICT), a start that has passed and an end before the start (BAD_USER_INPUT)', async () => {
    const [s, e] = [hoursFromNow(120).toISOString(), hoursFromNow(122).toISOString()];
    const draft = await query<{ createActivity: { id: string } }>(createActivityMutation, { input: activityInput(place) });
    const refusedDraft = await query(reschedule, { id: draft.data!.createActivity.id, s, e }, await english());
    expect(codeOf(refusedDraft)).toBe('CONFLICT');
    expect(message(refusedDraft)).toContain("only a published activity is rescheduled (a draft's times are edited)");
    const cancelled = await publishedActivity(stack.federation, place);
    await query('mutation($id: ID!) { cancelActivity(id: $id) { id } }', { id: cancelled });
    expect(codeOf(await query(reschedule, { id: cancelled, s, e }))).toBe('CONFLICT');
    const started = await publishedActivity(stack.federation, place);
    await moveActivity(stack.federation, started, hoursFromNow(-1), hoursFromNow(1));
    expect(codeOf(await query(reschedule, { id: started, s, e }))).toBe('CONFLICT');
    const id = await publishedActivity(stack.federation, place);
    expect(
      (await query(reschedule, { id, s: hoursFromNow(-2).toISOString(), e: hoursFromNow(2).toISOString() })).errors![0].extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsAt' });
    expect((await query(reschedule, { id, s: e, e: s })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsAt' });
    expect(
      (await outboxRows(stack.federation, 'activities', 'activity.rescheduled')).filter((r) =>
        [id, started, cancelled].includes(r.aggregate_id),
      ),
    ).toHaveLength(0);
  });

  it("is the organiser's managers' only", async () => {
    // Organised by community 0's organisation: the demo managers' scope.
    const id = await publishedActivity(stack.federation, place, { organizerId: worldId('org-community', 0) });
    const expected = { ...outsidersRefused, secretary: undefined, streetAdmin: undefined, districtAdmin: undefined };
    let hours = 130;
    const seen = await codesByPersona(expected, (headers) => {
      hours += 3;
      return query(reschedule, { id, s: hoursFromNow(hours).toISOString(), e: hoursFromNow(hours + 1).toISOString() }, headers);
    });
    expect(seen).toEqual(expected);
  });
});
