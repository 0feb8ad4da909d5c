import { transactor } from '@cpb/kit';
import { attachBookingToActivity, releaseBookingForActivity } from '../src/domain';
import { addDays, at, type Federation, mondayInWeeks, refusal, startFederation } from '@cpb/kit/testing';
import { type CommunityFixture, firstCommunity } from '@cpb/demo-world/testing';
import { outboxTypes } from './fixtures';

// Four subgraphs and the gateway start on fresh, seeded databases: seconds, more on a busy machine.

let federation: Federation;
let community: CommunityFixture;
let venue: { id: string; name: string; capacity: number };
/** A Monday ten weeks ahead: past the seeded bookings, and the seeded venues open 08:00-22:00 every weekday. */
const day = mondayInWeeks(10);

const book = `mutation($input: BookResourceInput!) { bookResource(input: $input) { id status startsAt endsAt headcount resource { id } bookedBy { id name } activity { id } } }`;
type Booked = {
  bookResource: {
    id: string;
    status: string;
    startsAt: string;
    endsAt: string;
    activity: { id: string } | null;
    bookedBy: { id: string; name: string };
  };
};

function request(overrides: Record<string, unknown> = {}) {
  return {
    input: {
      resourceId: venue.id,
      bookedById: community.partyOrganization.id,
      purpose: '党员大会',
      startsAt: at(day, '14:00'),
      endsAt: at(day, '16:00'),
      headcount: 20,
      ...overrides,
    },
  };
}

beforeAll(async () => {
  federation = await startFederation();
  community = await firstCommunity(federation);
  const found = await federation.query<{ resources: { edges: { node: typeof venue }[] } }>(
    'query($c: ID) { resources(filter: { kind: VENUE, communityId: $c }, first: 1) { edges { node { id name capacity } } } }',
    { c: community.id },
  );
  venue = found.data!.resources.edges[0].node;
});
afterAll(() => federation?.stop());

describe('booking a venue, through the gateway', () => {
  it('books a free time, records booking.confirmed, and shows the booking on the resource', async () => {
    const result = await federation.query<Booked>(book, request());
    expect(result.errors).toBeUndefined();
    const booking = result.data!.bookResource;
    expect(booking).toMatchObject({
      status: 'CONFIRMED',
      startsAt: `${day}T06:00:00.000Z`,
      endsAt: `${day}T08:00:00.000Z`,
      activity: null,
      bookedBy: { id: community.partyOrganization.id },
    });
    expect(booking.bookedBy.name).toMatch(/^中共.+社区/);
    const listed = await federation.query<{ resource: { bookings: { id: string }[] } }>(
      'query($id: ID!, $f: String, $t: String) { resource(id: $id) { bookings(from: $f, to: $t) { id } } }',
      {
        id: venue.id,
        f: at(day, '00:00'),
        t: at(addDays(day, 1), '00:00'),
      },
    );
    expect(listed.data!.resource.bookings.map((b) => b.id)).toEqual([booking.id]);
    expect(await outboxTypes(federation)).toContain('booking.confirmed');
  });

  it('refuses a booking overlapping a confirmed one (CONFLICT) and takes one starting when it ends', async () => {
    const overlapping = await federation.query(
      book,
      request({ startsAt: at(day, '15:00'), endsAt: at(day, '17:00') }),
      await federation.asAdmin({ 'accept-language': 'en' }),
    );
    expect(refusal(overlapping)).toEqual({ code: 'CONFLICT' });
    expect(overlapping.errors![0].message).toBe(`${venue.name} is already booked for part of ${day} 15:00 to ${day} 17:00 (UTC+8)`);
    const backToBack = await federation.query<Booked>(book, request({ startsAt: at(day, '16:00'), endsAt: at(day, '17:00') }));
    expect(backToBack.errors).toBeUndefined();
  });

  it('gives exactly one success and 19 CONFLICT refusals to 20 concurrent overlapping requests', async () => {
    const tuesday = addDays(day, 1);
    // Each request starts a minute later than the one before; all of them cover 14:20-16:00.
    const requests = Array.from({ length: 20 }, (_, i) =>
      request({ startsAt: at(tuesday, `14:${String(i).padStart(2, '0')}`), endsAt: at(tuesday, `16:${String(i).padStart(2, '0')}`) }),
    );
    const results = await Promise.all(requests.map((variables) => federation.query<Booked>(book, variables)));
    const codes = results.map((r) => (r.errors ? r.errors[0].extensions?.code : 'OK'));
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(19);
    const rows: { n: number }[] = await federation.subgraphs.resources.running.database.dataSource.query(
      `SELECT count(*)::int AS n FROM booking WHERE resource_id = $1 AND status = 'CONFIRMED' AND starts_at::date = $2::date`,
      [venue.id, tuesday],
    );
    expect(rows[0].n).toBe(1);
  });

  it('refuses a time outside the opening hours (BAD_USER_INPUT on startsAt)', async () => {
    const late = await federation.query(
      book,
      request({ startsAt: at(day, '21:00'), endsAt: at(day, '23:00') }),
      await federation.asAdmin({ 'accept-language': 'en' }),
    );
    expect(refusal(late)).toEqual({ code: 'BAD_USER_INPUT', field: 'startsAt' });
    expect(late.errors![0].message).toContain('MONDAY 08:00-22:00');
  });

  it("refuses a headcount above the venue's capacity (BAD_USER_INPUT on headcount)", async () => {
    const crowd = await federation.query(
      book,
      request({ startsAt: at(day, '08:00'), endsAt: at(day, '09:00'), headcount: venue.capacity + 1 }),
    );
    expect(refusal(crowd)).toEqual({ code: 'BAD_USER_INPUT', field: 'headcount' });
    const full = await federation.query(book, request({ startsAt: at(day, '08:00'), endsAt: at(day, '09:00'), headcount: venue.capacity }));
    expect(full.errors).toBeUndefined();
  });

  it('refuses to book a resource that is neither a venue nor a facility', async () => {
    const experts = await federation.query<{ resources: { edges: { node: { id: string } }[] } }>(
      '{ resources(filter: { kind: EXPERT }, first: 1) { edges { node { id } } } }',
    );
    const result = await federation.query(book, request({ resourceId: experts.data!.resources.edges[0].node.id }));
    expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'resourceId' });
  });

  it('refuses a past start, an end before the start and a malformed time (BAD_USER_INPUT)', async () => {
    expect(
      refusal(await federation.query(book, request({ startsAt: '2020-01-06T10:00:00+08:00', endsAt: '2020-01-06T11:00:00+08:00' }))),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'startsAt' });
    expect(refusal(await federation.query(book, request({ startsAt: at(day, '12:00'), endsAt: at(day, '11:00') })))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'endsAt',
    });
    expect(refusal(await federation.query(book, request({ startsAt: 'next monday' })))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'startsAt',
    });
  });

  it('refuses an unknown resource, organisation or activity (NOT_FOUND naming the field)', async () => {
    const nobody = '00000000-0000-4000-8000-000000000000';
    expect(refusal(await federation.query(book, request({ resourceId: nobody })))).toEqual({ code: 'NOT_FOUND', field: 'resourceId' });
    expect(refusal(await federation.query(book, request({ bookedById: nobody })))).toEqual({ code: 'NOT_FOUND', field: 'bookedById' });
    expect(refusal(await federation.query(book, request({ activityId: nobody })))).toEqual({ code: 'NOT_FOUND', field: 'activityId' });
  });

  it('books for an activity the activities service knows (one the booking organisation runs), and links the booking to it', async () => {
    const [row]: { activity_id: string }[] = await federation.subgraphs.resources.running.database.dataSource.query(
      'SELECT activity_id FROM booking WHERE activity_id IS NOT NULL AND booked_by_id = $1 LIMIT 1',
      [community.partyOrganization.id],
    );
    const result = await federation.query<Booked>(
      book,
      request({ startsAt: at(day, '19:00'), endsAt: at(day, '21:00'), activityId: row.activity_id }),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.bookResource.activity).toEqual({ id: row.activity_id });
    // Another community's activity (its seeded booking is at a venue there) is not this organisation's to book for.
    const [foreign]: { activity_id: string }[] = await federation.subgraphs.resources.running.database.dataSource.query(
      'SELECT b.activity_id FROM booking b JOIN resource r ON r.id = b.resource_id WHERE b.activity_id IS NOT NULL AND r.community_id <> $1 LIMIT 1',
      [community.id],
    );
    const refused = await federation.query<Booked>(
      book,
      request({ startsAt: at(day, '21:00'), endsAt: at(day, '22:00'), activityId: foreign.activity_id }),
      await federation.asAdmin({ 'accept-language': 'en' }),
    );
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringContaining('organised outside the booking organisation'),
      extensions: { code: 'CONFLICT' },
    });
  });

  it('cancels a booking, which frees its time; cancelling it again is CONFLICT', async () => {
    const wednesday = addDays(day, 2);
    const first = await federation.query<Booked>(book, request({ startsAt: at(wednesday, '10:00'), endsAt: at(wednesday, '12:00') }));
    const cancel =
      'mutation($id: ID!) { cancelBooking(id: $id, reason: "改期", reasonCode: RESCHEDULED) { status cancellationReason cancellationReasonCode cancelledAt } }';
    const cancelled = await federation.query<{ cancelBooking: { status: string; cancellationReason: string } }>(cancel, {
      id: first.data!.bookResource.id,
    });
    expect(cancelled.data!.cancelBooking).toMatchObject({
      status: 'CANCELLED',
      cancellationReason: '改期',
      cancellationReasonCode: 'RESCHEDULED',
    });
    expect(refusal(await federation.query(cancel, { id: first.data!.bookResource.id }))).toEqual({ code: 'CONFLICT' });
    const again = await federation.query<Booked>(book, request({ startsAt: at(wednesday, '10:00'), endsAt: at(wednesday, '12:00') }));
    expect(again.errors).toBeUndefined();
    // The reason's category (v2) and, while booking.cancelled is deprecated, the scrubbed text (v1), both from the one change.
    const [v1, v2]: { payload: Record<string, unknown> }[] = await federation.subgraphs.resources.running.database.dataSource.query(
      `SELECT payload FROM outbox WHERE type IN ('booking.cancelled', 'booking.cancelled.v2') AND payload->>'bookingId' = $1 ORDER BY seq`,
      [first.data!.bookResource.id],
    );
    expect([v1.payload.reason, v1.payload.reasonCode, v2.payload.reason, v2.payload.reasonCode]).toEqual([
      '改期',
      undefined,
      undefined,
      'RESCHEDULED',
    ]);
    const plain = await federation.query<Booked>(book, request({ startsAt: at(wednesday, '14:00'), endsAt: at(wednesday, '15:00') }));
    const uncategorised = await federation.query<{ cancelBooking: { cancellationReason: string | null; cancellationReasonCode: string } }>(
      'mutation($id: ID!) { cancelBooking(id: $id) { cancellationReason cancellationReasonCode } }',
      { id: plain.data!.bookResource.id },
    );
    expect(uncategorised.data!.cancelBooking).toEqual({ cancellationReason: null, cancellationReasonCode: 'OTHER' });
  });
});

describe('utilisation and withdrawal of a venue', () => {
  let fresh: { id: string };
  const publish = `mutation($input: PublishResourceInput!) { publishResource(input: $input) { id community { id } openingHours { weekday opensAt closesAt } } }`;

  beforeAll(async () => {
    const unit = community.residentUnits[0];
    const result = await federation.query<{ publishResource: typeof fresh }>(publish, {
      input: {
        providerId: unit.id,
        kind: 'VENUE',
        name: '测试活动室',
        capacity: 30,
        openingHours: [
          { weekday: 'WEDNESDAY', opensAt: '09:00', closesAt: '13:00' },
          { weekday: 'MONDAY', opensAt: '09:00', closesAt: '17:00' },
        ],
      },
    });
    expect(result.errors).toBeUndefined();
    fresh = result.data!.publishResource;
  });

  it('reports booked hours over open hours for a period (cancelled bookings not counted)', async () => {
    const ids: string[] = [];
    for (const [date, from, to] of [
      [day, '10:00', '12:00'],
      [addDays(day, 2), '09:00', '10:30'],
      [day, '14:00', '15:00'],
    ]) {
      const result = await federation.query<Booked>(
        book,
        request({ resourceId: fresh.id, startsAt: at(date, from), endsAt: at(date, to) }),
      );
      expect(result.errors).toBeUndefined();
      ids.push(result.data!.bookResource.id);
    }
    await federation.query('mutation($id: ID!) { cancelBooking(id: $id) { status } }', { id: ids[2] });
    const result = await federation.query<{ resource: { utilization: { bookedHours: number; openHours: number; rate: number } } }>(
      'query($id: ID!, $f: String!, $t: String!) { resource(id: $id) { utilization(from: $f, to: $t) { bookedHours openHours rate } } }',
      { id: fresh.id, f: day, t: addDays(day, 7) },
    );
    expect(result.data!.resource.utilization).toEqual({ bookedHours: 3.5, openHours: 12, rate: 0.2917 });
  });

  it('refuses to withdraw a venue with bookings still to come (CONFLICT), and withdraws it once they are cancelled', async () => {
    const withdraw = 'mutation($id: ID!) { withdrawResource(id: $id) { status withdrawnOn } }';
    const refused = await federation.query(withdraw, { id: fresh.id }, await federation.asAdmin({ 'accept-language': 'en' }));
    expect(refusal(refused)).toEqual({ code: 'CONFLICT' });
    expect(refused.errors![0].message).toContain('2 confirmed booking(s) to come');
    const upcoming = await federation.query<{ resource: { bookings: { id: string }[] } }>(
      'query($id: ID!, $f: String) { resource(id: $id) { bookings(from: $f) { id } } }',
      { id: fresh.id, f: at(day, '00:00') },
    );
    for (const b of upcoming.data!.resource.bookings)
      await federation.query('mutation($id: ID!) { cancelBooking(id: $id) { status } }', { id: b.id });
    const withdrawn = await federation.query<{ withdrawResource: { status: string } }>(withdraw, { id: fresh.id });
    expect(withdrawn.data!.withdrawResource.status).toBe('WITHDRAWN');
    expect(
      refusal(await federation.query(book, request({ resourceId: fresh.id, startsAt: at(day, '10:00'), endsAt: at(day, '11:00') }))),
    ).toEqual({ code: 'CONFLICT' });
    expect(await outboxTypes(federation)).toEqual(
      expect.arrayContaining(['resource.published', 'resource.opening-hours-set', 'resource.withdrawn']),
    );
  });
});

describe('the use cases the activities consumer calls', () => {
  const activityId = '6f1c2a8e-0000-4000-8000-00000000a001';
  const transact = () => transactor(federation.subgraphs.resources.running.database.dataSource);

  it('attaches a booking to an activity once (idempotent), and refuses a second activity', async () => {
    const thursday = addDays(day, 3);
    const booked = await federation.query<Booked>(book, request({ startsAt: at(thursday, '09:00'), endsAt: at(thursday, '11:00') }));
    const bookingId = booked.data!.bookResource.id;
    const attached = await transact()((unit) => attachBookingToActivity(unit, bookingId, activityId));
    expect(attached.activityId).toBe(activityId);
    const eventsBefore = (await outboxTypes(federation)).length;
    await transact()((unit) => attachBookingToActivity(unit, bookingId, activityId));
    expect(await outboxTypes(federation)).toHaveLength(eventsBefore);
    await expect(
      transact()((unit) => attachBookingToActivity(unit, bookingId, '6f1c2a8e-0000-4000-8000-00000000a002')),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const read = await federation.query<{ booking: { activity: { id: string } } }>(
      'query($id: ID!) { booking(id: $id) { activity { id } } }',
      { id: bookingId },
    );
    expect(read.data!.booking.activity.id).toBe(activityId);
  });

  it("releases an activity's confirmed bookings (booking.cancelled each) and does nothing the second time", async () => {
    const released = await transact()((unit) => releaseBookingForActivity(unit, activityId));
    expect(released.map((b) => [b.status, b.cancellationReasonCode])).toEqual([['CANCELLED', 'ACTIVITY_CANCELLED']]);
    const types = await outboxTypes(federation);
    expect(types.slice(-2)).toEqual(['booking.cancelled', 'booking.cancelled.v2']);
    expect(await transact()((unit) => releaseBookingForActivity(unit, activityId))).toEqual([]);
    expect(await outboxTypes(federation)).toHaveLength(types.length);
    const slotFree = await federation.query<Booked>(
      book,
      request({ startsAt: at(addDays(day, 3), '09:00'), endsAt: at(addDays(day, 3), '11:00') }),
    );
    expect(slotFree.errors).toBeUndefined();
  });
});
