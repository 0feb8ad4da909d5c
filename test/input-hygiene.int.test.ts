import type { GraphQLResponse } from '@cpb/kit';
import { operationFor, textSlots, type Slot } from './argument-slots';
import { at, type Federation, mondayInWeeks, refusal, startFederation } from '@cpb/kit/testing';
import { type CommunityFixture, firstCommunity } from '@cpb/demo-world/testing';

// Issue 11, items 8, 10, 11 and 13: hostile text, ids, numbers and date-times are refused with
// BAD_USER_INPUT naming the field, before any SQL, for every argument of every service.
jest.setTimeout(120_000);

let federation: Federation;
let community: CommunityFixture;
let parents: Record<string, { root: string; id: string }>;

/** Fields whose text may span lines (declared with @freeText in the subgraph schemas). */
const FREE_TEXT = new Set([
  'Mutation.requestTransfer(reason)',
  'Mutation.rejectTransfer(reason)',
  'Mutation.extendProbation(reason)',
  'Mutation.recordFeedback(comment)',
  'Mutation.cancelBooking(reason)',
  'Mutation.progressCommitment(note)',
  'Mutation.terminateAgreement(reason)',
  'Mutation.completeProject(outcome)',
  'Mutation.publishResource(description)',
  'Mutation.raiseNeed(description)',
  'Mutation.recordJointMeeting(resolutions[0])',
  'Mutation.recordMeeting(agenda)',
  'Mutation.recordMeeting(resolutions)',
  'Mutation.recordMeeting(summary)',
  'Mutation.correctMeeting(agenda)',
  'Mutation.correctMeeting(resolutions)',
  'Mutation.correctMeeting(summary)',
  'Mutation.reverseDuesPayment(reason)',
  'Mutation.grantDuesReduction(reason)',
]);

const slots = textSlots();
const textOnly = slots.filter((s) => s.scalar === 'String' && !s.cursor);

/** Sends `value` in `slot` and returns the refusal naming that field, if any. */
async function refusalOf(slot: Slot, value: unknown): Promise<{ code?: string; field?: string; message?: string } | undefined> {
  const result: GraphQLResponse<unknown> = await federation.query(operationFor(slot, value, parents));
  const error = result.errors?.find((e) => e.extensions?.field === slot.field) ?? result.errors?.[0];
  return error && { code: error.extensions?.code, field: error.extensions?.field, message: error.message };
}

/**
 * Sends `value` in every slot, one request at a time (a burst of mutations could meet a kept-alive
 * socket the subgraph just closed, which the gateway does not retry), and lists the slots where
 * `accept` fails.
 */
async function failing(
  list: Slot[],
  value: unknown,
  accept: (slot: Slot, got: Awaited<ReturnType<typeof refusalOf>>) => boolean,
): Promise<string[]> {
  const failed: string[] = [];
  for (const slot of list) {
    const got = await refusalOf(slot, value);
    if (!accept(slot, got)) failed.push(`${slot.coordinate}: ${JSON.stringify(got)}`);
  }
  return failed;
}
const refusedNaming = (slot: Slot, got: Awaited<ReturnType<typeof refusalOf>>) =>
  got?.code === 'BAD_USER_INPUT' && got.field === slot.field;

beforeAll(async () => {
  federation = await startFederation();
  community = await firstCommunity(federation);
  const found = await federation.query<{
    members: { edges: { node: { id: string } }[] };
    resources: { edges: { node: { id: string } }[] };
    volunteerTeams: { edges: { node: { id: string } }[] };
    agreements: { edges: { node: { id: string } }[] };
    community: { activities: { edges: { node: { id: string } }[] } };
  }>(
    `query($c: ID!) { members(first: 1) { edges { node { id } } } resources(first: 1) { edges { node { id } } } volunteerTeams(first: 1) { edges { node { id } } }
      agreements(first: 1) { edges { node { id } } } community(id: $c) { activities(first: 1) { edges { node { id } } } } }`,
    { c: community.id },
  );
  expect(found.errors).toBeUndefined();
  const first = (list: { edges: { node: { id: string } }[] }) => list.edges[0].node.id;
  parents = {
    Community: { root: 'community', id: community.id },
    Organization: { root: 'organization', id: community.partyOrganization.id },
    ResidentUnit: { root: 'residentUnit', id: community.residentUnits[0].id },
    Member: { root: 'member', id: first(found.data!.members) },
    Resource: { root: 'resource', id: first(found.data!.resources) },
    VolunteerTeam: { root: 'volunteerTeam', id: first(found.data!.volunteerTeams) },
    Agreement: { root: 'agreement', id: first(found.data!.agreements) },
    Activity: { root: 'activity', id: first(found.data!.community.activities) },
  };
});
afterAll(() => federation?.stop());

describe('every String and ID argument and input field of the composed schema', () => {
  it('covers the fields this test knows to be free text, and a few hundred slots in all', () => {
    expect(slots.length).toBeGreaterThan(250);
    const coordinates = new Set(textOnly.map((s) => s.coordinate));
    expect([...FREE_TEXT].filter((c) => !coordinates.has(c))).toEqual([]);
  });

  it('refuses a NUL character in any of them (BAD_USER_INPUT naming the field), ids and cursors included', async () => {
    expect(await failing(slots, 'a\u0000b', refusedNaming)).toEqual([]);
  });

  it('refuses direction overrides (U+202E) and other control characters (ESC, DEL, C1) in any text', async () => {
    expect(await failing(textOnly, '\u202Egnp.exe', refusedNaming)).toEqual([]);
    expect(
      await failing(
        textOnly.filter((_, i) => i % 3 === 0),
        'a\u001b[31mb',
        refusedNaming,
      ),
    ).toEqual([]);
    expect(
      await failing(
        textOnly.filter((_, i) => i % 3 === 1),
        'a\u007fb',
        refusedNaming,
      ),
    ).toEqual([]);
    expect(
      await failing(
        textOnly.filter((_, i) => i % 3 === 2),
        'a\u0085b',
        refusedNaming,
      ),
    ).toEqual([]);
  });

  it('refuses text with nothing visible: zero-width characters, a Hangul filler, blanks', async () => {
    expect(await failing(textOnly, '\u200B\u200C\u200D\u2060', refusedNaming)).toEqual([]);
    expect(
      await failing(
        textOnly.filter((_, i) => i % 2 === 0),
        '\u3164',
        refusedNaming,
      ),
    ).toEqual([]);
    expect(
      await failing(
        textOnly.filter((_, i) => i % 2 === 1),
        ' \u3000 ',
        refusedNaming,
      ),
    ).toEqual([]);
  });

  it('takes line breaks only in the free-text fields', async () => {
    const singleLine = textOnly.filter((s) => !FREE_TEXT.has(s.coordinate));
    expect(await failing(singleLine, 'line one\nline two', refusedNaming)).toEqual([]);
    const freeText = textOnly.filter((s) => FREE_TEXT.has(s.coordinate));
    expect(await failing(freeText, 'line one\nline two', (slot, got) => got?.field !== slot.field)).toEqual([]);
  });

  it('refuses an id that is not a UUID in any ID argument or input field', async () => {
    expect(
      await failing(
        slots.filter((s) => s.scalar === 'ID'),
        'not-a-uuid',
        refusedNaming,
      ),
    ).toEqual([]);
  });
});

describe('text is stored as one canonical form', () => {
  it('normalises to Unicode NFC (a decomposed é is stored composed)', async () => {
    const result = await federation.query<{ createStreet: { name: string; district: string } }>(
      'mutation($input: CreateStreetInput!) { createStreet(input: $input) { name district } }',
      { input: { name: 'Cafe\u0301街道', district: 'Ame\u0301lie区' } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.createStreet).toEqual({ name: 'Caf\u00e9街道', district: 'Am\u00e9lie区' });
  });

  it('keeps line breaks in free text, written as \\n (CRLF and CR become LF)', async () => {
    const result = await federation.query<{ raiseNeed: { description: string } }>(
      'mutation($input: RaiseNeedInput!) { raiseNeed(input: $input) { description } }',
      {
        input: {
          communityId: community.id,
          title: '楼道照明维修',
          category: 'ENVIRONMENT',
          description: '3号楼楼道灯不亮\r\n4号楼也是\r已报物业',
        },
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.raiseNeed.description).toBe('3号楼楼道灯不亮\n4号楼也是\n已报物业');
  });

  it('refuses a lone surrogate (not Unicode text) sent in variables', async () => {
    const result = await federation.query(
      'mutation($name: String!) { createGrid(communityId: "' + community.id + '", name: $name) { id } }',
      { name: '第\uD800网格' },
    );
    expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('refuses a NUL in a variable as it refuses one in a literal (item 8: name: "a\\u0000b")', async () => {
    const rename = 'mutation($id: ID!, $name: String!) { renameOrganization(id: $id, name: $name) { id } }';
    const result = await federation.query(
      rename,
      { id: community.partyOrganization.id, name: 'a\u0000b' },
      await federation.asAdmin({ 'accept-language': 'en' }),
    );
    expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(result.errors![0].message).toMatch(/control character/);
  });
});

describe('ids and numbers are checked before any SQL (item 10)', () => {
  const create = 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }';
  it.each(['communityId', 'residentUnitId', 'streetId'])(
    'refuses a malformed %s of createOrganization (was INTERNAL_SERVER_ERROR)',
    async (field) => {
      const result = await federation.query(create, {
        input: { name: '第九党支部', kind: 'BRANCH', scope: 'COMMUNITY', parentId: community.partyOrganization.id, [field]: 'not-a-uuid' },
      });
      expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field });
    },
  );

  it.each([-1, 0, 1899, 2101, 2147483647])('refuses jointMeetings(filter: { year: %i }) and answers a year in range', async (year) => {
    const query = 'query($year: Int) { jointMeetings(filter: { year: $year }) { totalCount } }';
    expect(refusal(await federation.query(query, { year }))).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.year' });
    const fine = await federation.query<{ jointMeetings: { totalCount: number } }>(query, { year: 2026 });
    expect(fine.errors).toBeUndefined();
  });
});

describe('date-times are parsed strictly: a zone, a real calendar date, years 1900 to 2100 (item 11)', () => {
  const day = mondayInWeeks(12);
  const book = 'mutation($input: BookResourceInput!) { bookResource(input: $input) { id startsAt } }';
  let venueId: string;
  beforeAll(async () => {
    const found = await federation.query<{ resources: { edges: { node: { id: string } }[] } }>(
      'query($c: ID) { resources(filter: { kind: VENUE, communityId: $c }, first: 1) { edges { node { id } } } }',
      { c: community.id },
    );
    venueId = found.data!.resources.edges[0].node.id;
  });
  const booking = (startsAt: string, endsAt: string) => ({
    input: { resourceId: venueId, bookedById: community.partyOrganization.id, purpose: '党员大会', startsAt, endsAt, headcount: 10 },
  });

  it.each([
    ['an impossible date (30 February), which used to be booked for 2 March', '2027-02-30T10:00:00+08:00', '2027-02-30T12:00:00+08:00'],
    ['a time without a zone, which used to be stored as UTC', `${day}T10:00:00`, `${day}T12:00:00`],
    ['year 0000', '0000-03-01T10:00:00+08:00', '0000-03-01T12:00:00+08:00'],
    ['year 9999', '9999-03-01T10:00:00+08:00', '9999-03-01T12:00:00+08:00'],
    ['hour 24', `${day}T24:00:00+08:00`, `${day}T12:00:00+08:00`],
    ['a zone beyond ±14:00', `${day}T10:00:00+15:00`, `${day}T12:00:00+08:00`],
    ['a date-time with words around it', `on ${day}T10:00:00+08:00`, `${day}T12:00:00+08:00`],
  ])('refuses %s', async (_, startsAt, endsAt) => {
    expect(refusal(await federation.query(book, booking(startsAt, endsAt)))).toEqual({ code: 'BAD_USER_INPUT', field: 'startsAt' });
  });

  it('books the same slot written with its zone, in UTC or with seconds left out', async () => {
    const inZone = await federation.query<{ bookResource: { startsAt: string } }>(book, booking(at(day, '10:00'), at(day, '11:00')));
    expect(inZone.errors).toBeUndefined();
    expect(inZone.data!.bookResource.startsAt).toBe(`${day}T02:00:00.000Z`);
    const utc = await federation.query<{ bookResource: { startsAt: string } }>(book, booking(`${day}T03:00:00.000Z`, `${day}T12:00+08:00`));
    expect(utc.errors).toBeUndefined();
  });

  it('refuses the same in every service: activities, check-ins, booking filters, calendar dates', async () => {
    const noZone = `${day}T10:00:00`;
    const activity = await federation.query('mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }', {
      input: {
        title: '党员奉献日',
        kind: 'VOLUNTEER_SERVICE',
        organizerId: community.partyOrganization.id,
        startsAt: noZone,
        endsAt: at(day, '12:00'),
        capacity: 10,
      },
    });
    expect(refusal(activity)).toEqual({ code: 'BAD_USER_INPUT', field: 'startsAt' });
    const filter = await federation.query('query($f: BookingFilter) { bookings(filter: $f) { totalCount } }', {
      f: { startsFrom: '2027-02-29T00:00:00Z' },
    });
    expect(refusal(filter)).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.startsFrom' });
    const established = await federation.query('mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', {
      input: {
        name: '第十党支部',
        kind: 'BRANCH',
        scope: 'COMMUNITY',
        parentId: community.partyOrganization.id,
        establishedOn: '9999-12-31',
      },
    });
    expect(refusal(established)).toEqual({ code: 'BAD_USER_INPUT', field: 'establishedOn' });
    const stats = await federation.query(
      'query($id: ID!) { community(id: $id) { volunteerStats(from: "1899-12-31", to: "2026-01-01") { hours } } }',
      { id: community.id },
    );
    expect(refusal(stats)).toEqual({ code: 'BAD_USER_INPUT', field: 'from' });
  });
});
