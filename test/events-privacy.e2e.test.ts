import { eventTopic, graphql, mintCallerToken, type CloudEvent } from '@cpb/kit';
import { startTopicReader, type TopicReader } from '@cpb/kit/testing';
import { worldId } from '@cpb/demo-world';
import { subgraphs } from '../scripts/subgraphs';
import { headersOf } from '@cpb/demo-world/testing';
import { startStackOnBroker, type StackOnBroker } from './stack-on-broker';

/**
 * Issue 24 end to end: staff type personal data into free text through the gateway; none of it
 * reaches any topic, while the graph still shows the text to those allowed to read it.
 */
jest.setTimeout(120_000);

const PHONE = '13812345678';
const ID_NUMBER = '11010519491231002X';
const OTHER_PHONE = '139-8765-4321';
const HOUSEHOLD = '李秀英';
let system: StackOnBroker;
let readers: TopicReader[];
let admin: Record<string, string>;

beforeAll(async () => {
  system = await startStackOnBroker('privacy');
  readers = await Promise.all(subgraphs.map((s) => startTopicReader(system.broker.brokers, eventTopic(s.name))));
  admin = { authorization: `Bearer ${await mintCallerToken({ role: 'DISTRICT_ADMIN', sub: 'e2e-privacy' })}` };
}, 180_000);

afterAll(async () => {
  await Promise.all((readers ?? []).map((reader) => reader.stop()));
  await system?.stop();
});

async function call<T>(query: string, variables: Record<string, unknown>, headers = admin): Promise<T> {
  const result = await graphql<T>(system.stack.gatewayUrl, query, variables, headers);
  if (result.errors || !result.data) throw new Error(`failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** Every record on every topic so far, as the raw value a consumer stores. */
const everything = () => readers.flatMap((reader) => reader.messages.map((m) => m.value));
const eventsOf = (type: string, subject: string) =>
  everything()
    .map((value) => JSON.parse(value) as CloudEvent)
    .filter((event) => event.type === `cn.cpb.${type}` && event.subject === subject);

async function eventOf(type: string, subject: string): Promise<CloudEvent> {
  const deadline = Date.now() + 45_000;
  while (eventsOf(type, subject).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  const [event] = eventsOf(type, subject);
  if (!event) throw new Error(`no ${type} for ${subject} on the topics within 45 s`);
  return event;
}

const day = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
const createActivity = (title: string, kind: string) =>
  call<{ createActivity: { id: string } }>('mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }', {
    input: {
      title,
      kind,
      organizerId: worldId('org-community', 0),
      startsAt: `${day}T09:00:00+08:00`,
      endsAt: `${day}T11:00:00+08:00`,
      capacity: 20,
    },
  }).then(async ({ createActivity: { id } }) => {
    await call('mutation($id: ID!) { publishActivity(id: $id) { id } }', { id });
    return id;
  });

describe('free text with personal data, typed through the gateway', () => {
  const activityTitle = `周末助老 联系电话${PHONE} 身份证${ID_NUMBER}`;
  const pairedTitle = `结对帮扶困难户${HOUSEHOLD}家`;
  const cancelReason = `场地漏水，改期请联系王师傅 ${OTHER_PHONE}`;
  let activityId: string;
  let pairedId: string;
  let venueId: string;
  let bookingId: string;
  let agreementId: string;
  let liaisonName: string;
  let terminationReason: string;

  beforeAll(async () => {
    activityId = await createActivity(activityTitle, 'VOLUNTEER_SERVICE');
    pairedId = await createActivity(pairedTitle, 'PAIRED_ASSISTANCE');

    const weekdays = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
    ({
      publishResource: { id: venueId },
    } = await call<{ publishResource: { id: string } }>(
      'mutation($input: PublishResourceInput!) { publishResource(input: $input) { id } }',
      {
        input: {
          providerId: worldId('unit', 0),
          kind: 'VENUE',
          name: '隐私测试会议室',
          capacity: 50,
          openingHours: weekdays.map((weekday) => ({ weekday, opensAt: '00:00', closesAt: '24:00' })),
        },
      },
    ));
    ({
      bookResource: { id: bookingId },
    } = await call<{ bookResource: { id: string } }>('mutation($input: BookResourceInput!) { bookResource(input: $input) { id } }', {
      input: {
        resourceId: venueId,
        bookedById: worldId('org-community', 0),
        purpose: '党员学习',
        startsAt: `${day}T14:00:00+08:00`,
        endsAt: `${day}T16:00:00+08:00`,
        headcount: 20,
      },
    }));
    await call('mutation($id: ID!, $reason: String) { cancelBooking(id: $id, reason: $reason, reasonCode: VENUE_UNAVAILABLE) { id } }', {
      id: bookingId,
      reason: cancelReason,
    });

    const { agreements } = await call<{ agreements: { edges: { node: { id: string; unitLiaison: { name: string } } }[] } }>(
      'query($c: ID!) { agreements(filter: { communityId: $c, status: ACTIVE }, first: 1) { edges { node { id unitLiaison { name } } } } }',
      { c: worldId('community', 0) },
    );
    ({
      id: agreementId,
      unitLiaison: { name: liaisonName },
    } = agreements.edges[0].node);
    terminationReason = `联络员${liaisonName}调离，单位无人对接`;
    await call('mutation($id: ID!, $reason: String!) { terminateAgreement(id: $id, reason: $reason, reasonCode: UNIT_RELOCATED) { id } }', {
      id: agreementId,
      reason: terminationReason,
    });
  }, 120_000);

  it('publishes the events, the text scrubbed or withheld, the reasons as categories beside it', async () => {
    expect((await eventOf('activity.published', activityId)).data.title).toBe('周末助老 联系电话[PHONE] 身份证[ID_NUMBER]');
    expect((await eventOf('activity.published', pairedId)).data.title).toBe('[WITHHELD]');
    expect((await eventOf('booking.cancelled', venueId)).data).toMatchObject({ bookingId, reason: '场地漏水，改期请联系王师傅 [PHONE]' });
    expect((await eventOf('booking.cancelled.v2', venueId)).data).toMatchObject({ bookingId, reasonCode: 'VENUE_UNAVAILABLE' });
    expect((await eventOf('agreement.terminated', agreementId)).data.reason).toBe('联络员[NAME]调离，单位无人对接');
    const v2 = await eventOf('agreement.terminated.v2', agreementId);
    expect(v2.data).toEqual({
      agreementId,
      communityId: worldId('community', 0),
      partnerUnitId: expect.any(String),
      terminatedOn: expect.any(String),
      reasonCode: 'UNIT_RELOCATED',
    });
  });

  it('leaves none of the personal data in any event on any topic', () => {
    const records = everything();
    expect(records.length).toBeGreaterThanOrEqual(8);
    const planted = [PHONE, ID_NUMBER, OTHER_PHONE, HOUSEHOLD, liaisonName];
    expect(planted.filter((text) => records.some((value) => value.includes(text)))).toEqual([]);
  });

  it('still shows the text through the graph to those allowed to read it, and the category to analysts', async () => {
    const read = `query($a: ID!, $p: ID!, $b: ID!, $g: ID!) {
      a: activity(id: $a) { title } p: activity(id: $p) { title }
      booking(id: $b) { cancellationReason cancellationReasonCode }
      agreement(id: $g) { terminationReason terminationReasonCode }
    }`;
    const ids = { a: activityId, p: pairedId, b: bookingId, g: agreementId };
    const allowed = {
      a: { title: activityTitle },
      p: { title: pairedTitle },
      booking: { cancellationReason: cancelReason, cancellationReasonCode: 'VENUE_UNAVAILABLE' },
      agreement: { terminationReason, terminationReasonCode: 'UNIT_RELOCATED' },
    };
    expect(await call(read, ids)).toEqual(allowed);
    expect(await call(read, ids, await headersOf('secretary'))).toEqual(allowed);
    expect(await call(read, ids, await headersOf('analyst'))).toEqual({
      ...allowed,
      booking: { cancellationReason: null, cancellationReasonCode: 'VENUE_UNAVAILABLE' },
      agreement: { terminationReason: null, terminationReasonCode: 'UNIT_RELOCATED' },
    });
  });
});
