import { graphql, mintCallerToken } from '@cpb/kit';
import { worldId } from '@cpb/demo-world';
import { startStackOnBroker, type StackOnBroker } from './stack-on-broker';

let system: StackOnBroker;
let authorization: string;

beforeAll(async () => {
  system = await startStackOnBroker('rel');
  authorization = `Bearer ${await mintCallerToken({ role: 'DISTRICT_ADMIN', sub: 'e2e' })}`;
});

afterAll(async () => {
  await system?.stop();
});

async function call<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await graphql<T>(system.stack.gatewayUrl, query, variables, { authorization });
  if (result.errors || !result.data) throw new Error(`failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** Polls the booking through the gateway until `done`, as a dashboard would see the reaction land. */
async function waitForBooking(
  id: string,
  done: (b: { status: string; activity: { id: string } | null }) => boolean,
): Promise<{ status: string; activity: { id: string } | null }> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const { booking } = await call<{ booking: { status: string; activity: { id: string } | null } }>(
      'query($id: ID!) { booking(id: $id) { status activity { id } } }',
      { id },
    );
    if (done(booking) || Date.now() > deadline) return booking;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('co-building follows volunteering through Kafka', () => {
  it('attaches a published activity to its booking, and releases the venue when the activity is cancelled', async () => {
    const weekdays = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
    const { publishResource: venue } = await call<{ publishResource: { id: string } }>(
      'mutation($input: PublishResourceInput!) { publishResource(input: $input) { id } }',
      {
        input: {
          providerId: worldId('unit', 0),
          kind: 'VENUE',
          name: '释放测试会议室',
          capacity: 50,
          openingHours: weekdays.map((weekday) => ({ weekday, opensAt: '00:00', closesAt: '24:00' })),
        },
      },
    );
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const startsAt = `${day}T10:00:00+08:00`;
    const endsAt = `${day}T12:00:00+08:00`;
    const { bookResource: booking } = await call<{ bookResource: { id: string } }>(
      'mutation($input: BookResourceInput!) { bookResource(input: $input) { id } }',
      {
        input: { resourceId: venue.id, bookedById: worldId('org-community', 0), purpose: '党员奉献日', startsAt, endsAt, headcount: 20 },
      },
    );
    const { createActivity: activity } = await call<{ createActivity: { id: string } }>(
      'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }',
      {
        input: {
          title: '党员奉献日',
          kind: 'DEDICATION_DAY',
          organizerId: worldId('org-community', 0),
          venueBookingId: booking.id,
          startsAt,
          endsAt,
          capacity: 20,
        },
      },
    );
    await call('mutation($id: ID!) { publishActivity(id: $id) { id } }', { id: activity.id });
    expect((await waitForBooking(booking.id, (b) => b.activity !== null)).activity).toEqual({ id: activity.id });

    await call('mutation($id: ID!) { cancelActivity(id: $id) { id } }', { id: activity.id });
    expect((await waitForBooking(booking.id, (b) => b.status === 'CANCELLED')).status).toBe('CANCELLED');
  });
});
