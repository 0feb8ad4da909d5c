import { mintCallerToken } from '@cpb/kit';
import { type Federation, startFederation } from '@cpb/kit/testing';
import { idNumberFor } from '@cpb/demo-world/testing';

/**
 * One clock (issue 12): every service takes "today" from the kit, in the district's time zone
 * (Asia/Shanghai). At 00:30 Beijing time the UTC date is still yesterday; a service on UTC would stamp
 * yesterday's date, or refuse today's as "in the future". Only `Date` is set back to 00:30 here (timers,
 * sockets and Postgres run as they are), and it keeps moving from there.
 */
let federation: Federation;
let beijingDate: string;
/** A district administrator's token, minted at 00:30: a token's lifetime counts from the (moved) clock. */
let admin: Record<string, string>;

const DAY_MS = 86_400_000;
const beijingDateOf = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  federation = await startFederation();
  // The last 00:30 in Beijing (16:30 UTC of the day before): in the past, as the seeded data expects.
  const now = Date.now();
  let at = Date.parse(`${beijingDateOf(now)}T00:30:00+08:00`);
  if (at > now) at -= DAY_MS;
  beijingDate = beijingDateOf(at);
  jest.useFakeTimers({
    now: at,
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
  admin = { authorization: `Bearer ${await mintCallerToken({ role: 'DISTRICT_ADMIN', sub: 'clock-test' })}` };
});

afterAll(async () => {
  jest.useRealTimers();
  await federation?.stop();
});

describe("one clock: at 00:30 Beijing time every service stamps the same date, Beijing's", () => {
  it('dates an organisation, an application, a need and a volunteer team alike', async () => {
    expect(new Date().toISOString().slice(0, 10)).not.toBe(beijingDate);
    const places = await federation.query<{
      communities: { edges: { node: { id: string; partyOrganization: { id: string } } }[] };
      members: { edges: { node: { id: string } }[] };
    }>(
      '{ communities(first: 1) { edges { node { id partyOrganization { id } } } } members(first: 1) { edges { node { id } } } }',
      undefined,
      admin,
    );
    expect(places.errors).toBeUndefined();
    const community = places.data!.communities.edges[0].node;
    const memberId = places.data!.members.edges[0].node.id;

    const organization = await federation.query<{ createOrganization: { establishedOn: string } }>(
      'mutation($p: ID!) { createOrganization(input: { name: "零点半支部", kind: BRANCH, scope: COMMUNITY, parentId: $p }) { establishedOn } }',
      { p: community.partyOrganization.id },
      admin,
    );
    const applicant = await federation.query<{ recordApplicant: { appliedOn: string } }>(
      'mutation($i: RecordApplicantInput!) { recordApplicant(input: $i) { appliedOn } }',
      {
        i: {
          name: '零点半',
          gender: 'FEMALE',
          birthDate: '1990-05-05',
          ethnicity: '汉族',
          idNumber: idNumberFor('1990-05-05'),
          category: 'EMPLOYED',
          organizationId: community.partyOrganization.id,
        },
      },
      admin,
    );
    const need = await federation.query<{ raiseNeed: { raisedOn: string } }>(
      'mutation($c: ID!) { raiseNeed(input: { communityId: $c, title: "零点半的需求", category: ELDERLY_CARE }) { raisedOn } }',
      { c: community.id },
      admin,
    );
    const team = await federation.query<{ createVolunteerTeam: { foundedOn: string } }>(
      'mutation($o: ID!, $m: ID!) { createVolunteerTeam(input: { name: "零点半服务队", specialty: IT, organizationId: $o, leaderId: $m }) { foundedOn } }',
      { o: community.partyOrganization.id, m: memberId },
      admin,
    );
    for (const answer of [organization, applicant, need, team]) expect(answer.errors).toBeUndefined();
    expect({
      organizations: organization.data!.createOrganization.establishedOn,
      members: applicant.data!.recordApplicant.appliedOn,
      resources: need.data!.raiseNeed.raisedOn,
      activities: team.data!.createVolunteerTeam.foundedOn,
    }).toEqual({ organizations: beijingDate, members: beijingDate, resources: beijingDate, activities: beijingDate });
  });

  it("accepts Beijing's date given explicitly, which is tomorrow in UTC (members refused it as in the future)", async () => {
    const places = await federation.query<{ communities: { edges: { node: { partyOrganization: { id: string } } }[] } }>(
      '{ communities(first: 1) { edges { node { partyOrganization { id } } } } }',
      undefined,
      admin,
    );
    const applied = await federation.query<{ recordApplicant: { appliedOn: string } }>(
      'mutation($i: RecordApplicantInput!) { recordApplicant(input: $i) { appliedOn } }',
      {
        i: {
          name: '零点半二',
          gender: 'MALE',
          birthDate: '1991-06-06',
          ethnicity: '汉族',
          idNumber: idNumberFor('1991-06-06'),
          category: 'RETIRED',
          organizationId: places.data!.communities.edges[0].node.partyOrganization.id,
          appliedOn: beijingDate,
        },
      },
      admin,
    );
    expect(applied.errors).toBeUndefined();
    expect(applied.data!.recordApplicant.appliedOn).toBe(beijingDate);
  });
});
