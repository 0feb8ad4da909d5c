/**
 * A secretary's to-do list (待办, issue 17) through the gateway: organizations returns `ToDoList`, each
 * owning service answers its section. A history is constructed in community 0 (the demo secretary's) and
 * a new branch of it; each kind appears inside its window and not one day outside, and disappears when
 * done. Every role: secretaries and administrators of the subtree read items, analysts counts only,
 * members, liaisons and other subtrees' managers are refused.
 */
import { addDays, addYears, mintCallerToken, today } from '@cpb/kit';
import { type Federation, startFederation } from '@cpb/kit/testing';
import { headersOf, person, type PersonaName, personas } from '@cpb/demo-world/testing';

let federation: Federation;
let communityOrg: string;
let communityId: string;
let branch: string;

interface Item {
  kind: string;
  action: string;
  subjectId: string;
  dueOn: string;
}
interface Section {
  total: number;
  counts: { kind: string; count: number }[];
  items?: Item[];
}
interface List {
  organizationId: string;
  members: Section | null;
  meetings: Section | null;
  coBuilding: Section | null;
}

const SECTION = 'total counts { kind count } items(first: 50) { kind action subjectId dueOn }';
const LIST = `query($o: ID!) { toDoList(organizationId: $o) { organizationId members { ${SECTION} } meetings { ${SECTION} } coBuilding { ${SECTION} } } }`;
const COUNTS = `query($o: ID!) { toDoList(organizationId: $o) { members { total counts { kind count } } meetings { total counts { kind count } } coBuilding { total counts { kind count } } } }`;

const on = today();
const resources = () => federation.subgraphs.resources.running.database.dataSource;

async function ok<T>(query: string, variables: Record<string, unknown>, headers?: Record<string, string>): Promise<T> {
  const result = await federation.query<T>(query, variables, headers);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

async function listOf(organizationId: string, headers?: Record<string, string>): Promise<List> {
  const result = await federation.query<{ toDoList: List }>(LIST, { o: organizationId }, headers);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.toDoList;
}

/** Every kind's count in a list (zero when absent). */
async function countsOf(organizationId: string): Promise<Record<string, number>> {
  const result = await federation.query<{ toDoList: List }>(COUNTS, { o: organizationId });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  const list = result.data!.toDoList;
  return Object.fromEntries([list.members, list.meetings, list.coBuilding].flatMap((s) => s!.counts.map((c) => [c.kind, c.count])));
}

const itemsOf = (list: List, kind: string) =>
  [list.members, list.meetings, list.coBuilding].flatMap((s) => s?.items ?? []).filter((i) => i.kind === kind);

async function newMember(overrides: Record<string, unknown>): Promise<string> {
  const data = await ok<{ createMember: { id: string } }>('mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }', {
    input: { ...person({ category: 'RETIRED' }), joinedOn: '2010-07-01', organizationId: branch, ...overrides },
  });
  return data.createMember.id;
}

beforeAll(async () => {
  federation = await startFederation();
  communityOrg = personas.secretary.orgId!;
  const org = await ok<{ organization: { community: { id: string } } }>('query($id: ID!) { organization(id: $id) { community { id } } }', {
    id: communityOrg,
  });
  communityId = org.organization.community.id;
  const created = await ok<{ createOrganization: { id: string } }>(
    'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
    {
      input: { name: '待办测试支部', kind: 'BRANCH', scope: 'COMMUNITY', parentId: communityOrg, establishedOn: addYears(on, -2) },
    },
  );
  branch = created.createOrganization.id;
});
afterAll(() => federation?.stop());

describe('the demo district', () => {
  it("shows the demo street administrator's list items of every service (what `npm start` shows)", async () => {
    const counts = await countsOf(personas.streetAdmin.orgId!);
    // Seen: 27 arrears, 32 registrations, 573 windows overdue, 3 needs, 1 letter lapsing; none of the demo's probations or agreements fall due.
    const shown = (kind: string) => counts[kind] > 0;
    expect(
      ['DUES_ARREARS', 'REGISTRATION_NOT_APPRAISED', 'MEETING_OVERDUE', 'NEED_OPEN', 'TRANSFER_LETTER_LAPSING'].filter(
        (kind) => !shown(kind),
      ),
    ).toEqual([]);
  });
});

describe('members: probations, transfer letters, dues arrears, registrations', () => {
  it('lists a probation ending within 30 days (or ended, not converted), not one ending in 31, and drops it once converted', async () => {
    const in30 = await newMember({ joinedOn: addYears(addDays(on, 30), -1), category: 'EMPLOYED' });
    const in31 = await newMember({ joinedOn: addYears(addDays(on, 31), -1), category: 'EMPLOYED' });
    const ended = await newMember({ joinedOn: addYears(addDays(on, -1), -1), category: 'EMPLOYED', status: 'PROBATIONARY' });
    const items = itemsOf(await listOf(branch, await federation.asAdmin({ 'accept-language': 'en' })), 'PROBATION_ENDING');
    expect(items).toEqual([
      {
        kind: 'PROBATION_ENDING',
        subjectId: ended,
        dueOn: addDays(on, -1),
        action: `Probation ends on ${addDays(on, -1)}: hold the branch meeting that decides on full membership`,
      },
      { kind: 'PROBATION_ENDING', subjectId: in30, dueOn: addDays(on, 30), action: expect.stringContaining(addDays(on, 30)) },
    ]);
    expect(items.some((i) => i.subjectId === in31)).toBe(false);
    await ok('mutation($id: ID!) { convertToFullMember(memberId: $id) { id } }', { id: ended });
    expect(itemsOf(await listOf(branch), 'PROBATION_ENDING').map((i) => i.subjectId)).toEqual([in30]);
  });

  it('lists an approved transfer whose letter lapses within 3 days, not 4, worded in Chinese by default, and drops it once completed', async () => {
    const to = (
      await ok<{ organization: { children: { id: string; kind: string }[] } }>(
        'query($id: ID!) { organization(id: $id) { children { id kind } } }',
        { id: personas.otherSecretary.orgId },
      )
    ).organization.children[0].id;
    const approved = async (validDays: number) => {
      const memberId = await newMember({});
      const requested = await ok<{ requestTransfer: { id: string } }>(
        'mutation($m: ID!, $to: ID!) { requestTransfer(memberId: $m, toOrganizationId: $to, reason: "迁居") { id } }',
        { m: memberId, to },
      );
      await ok('mutation($id: ID!, $d: Int) { approveTransfer(id: $id, letter: { reach: OUTSIDE_CITY, validDays: $d }) { id } }', {
        id: requested.requestTransfer.id,
        d: validDays,
      });
      return requested.requestTransfer.id;
    };
    const in3 = await approved(3);
    const in4 = await approved(4);
    const items = itemsOf(await listOf(branch), 'TRANSFER_LETTER_LAPSING');
    expect(items).toEqual([
      {
        kind: 'TRANSFER_LETTER_LAPSING',
        subjectId: in3,
        dueOn: addDays(on, 3),
        action: `组织关系介绍信有效期至 ${addDays(on, 3)}：请督促党员按时到接收党组织报到`,
      },
    ]);
    expect(items.some((i) => i.subjectId === in4)).toBe(false);
    // The receiving side sees it too: its list covers transfers into its subtree.
    expect(itemsOf(await listOf(personas.otherSecretary.orgId!), 'TRANSFER_LETTER_LAPSING').map((i) => i.subjectId)).toContain(in3);
    await ok('mutation($id: ID!) { completeTransfer(id: $id) { id } }', { id: in3 });
    expect(itemsOf(await listOf(branch), 'TRANSFER_LETTER_LAPSING')).toEqual([]);
  });

  it('lists a member owing dues for 3 months or more, not 2: the secretary reads the item, the street administrator only its count', async () => {
    const memberId = await newMember({});
    const year = Number(on.slice(0, 4)) - 1;
    // Dues are the member's and their secretaries' business only (PIPL): the demo secretary of community 0 keeps them.
    const secretary = await headersOf('secretary');
    await ok(
      'mutation($input: DeclareDuesBaseInput!) { declareDuesBase(input: $input) { id } }',
      { input: { memberId, year, basis: 'RETIRED', baseFen: 400_000 } },
      secretary,
    );
    const dues = await ok<{ member: { dues: { months: { month: string; dueFen: number }[] } } }>(
      'query($id: ID!, $y: Int!) { member(id: $id) { dues(year: $y) { months { month dueFen } } } }',
      { id: memberId, y: year },
      secretary,
    );
    const months = dues.member.dues.months;
    expect(months).toHaveLength(12);
    const pay = (paid: { month: string; dueFen: number }[], key: string) =>
      ok(
        'mutation($input: RecordDuesPaymentInput!) { recordDuesPayment(input: $input) { id } }',
        {
          input: {
            memberId,
            idempotencyKey: key,
            months: paid.map((m) => m.month),
            amountFen: paid.reduce((s, m) => s + m.dueFen, 0),
            channel: 'CASH',
          },
        },
        secretary,
      );
    const arrearsOf = async (headers: Record<string, string>) => itemsOf(await listOf(branch, headers), 'DUES_ARREARS');
    expect(await arrearsOf(secretary)).toEqual([
      {
        kind: 'DUES_ARREARS',
        subjectId: memberId,
        dueOn: `${year}-01-31`,
        action: `已有 12 个月未交党费（自 ${year}-01 起）：请提醒并督促交纳`,
      },
    ]);

    await pay(months.slice(0, 9), `todo-${memberId}-1`);
    expect(await arrearsOf(secretary)).toEqual([expect.objectContaining({ subjectId: memberId, dueOn: `${year}-10-31` })]);
    // Arrears are personal: a street administrator counts them, never sees whose.
    const street = await listOf(branch, await headersOf('streetAdmin'));
    expect(street.members!.counts).toContainEqual({ kind: 'DUES_ARREARS', count: 1 });
    expect(itemsOf(street, 'DUES_ARREARS')).toEqual([]);

    await pay(months.slice(9, 10), `todo-${memberId}-2`);
    expect(await arrearsOf(secretary)).toEqual([]);
    expect((await listOf(branch, secretary)).members!.counts).toContainEqual({ kind: 'DUES_ARREARS', count: 0 });
  });

  it('counts a registration with the community with no feedback this year, and not once the community has appraised it', async () => {
    const before = (await countsOf(communityOrg)).REGISTRATION_NOT_APPRAISED;
    const memberId = await newMember({ category: 'EMPLOYED' });
    const registered = await ok<{ registerWithCommunity: { id: string } }>(
      'mutation($m: ID!, $c: ID) { registerWithCommunity(memberId: $m, communityId: $c) { id } }',
      { m: memberId, c: communityId },
    );
    expect((await countsOf(communityOrg)).REGISTRATION_NOT_APPRAISED).toBe(before + 1);
    await ok('mutation($id: ID!) { recordFeedback(registrationId: $id, rating: QUALIFIED, comment: "积极参加社区活动") { id } }', {
      id: registered.registerWithCommunity.id,
    });
    expect((await countsOf(communityOrg)).REGISTRATION_NOT_APPRAISED).toBe(before);
  });
});

describe('organisational life: meetings overdue', () => {
  it("lists each window of the last 12 months that passed without its meeting, not the current one, and drops a window once it's held", async () => {
    const overdue = itemsOf(await listOf(branch), 'MEETING_OVERDUE');
    const themedDays = overdue.filter((i) => i.action.includes('主题党日'));
    expect(themedDays.length).toBe(12);
    expect(overdue.every((i) => i.subjectId === branch && i.dueOn < on)).toBe(true);
    const lastMonth = themedDays[themedDays.length - 1];
    expect(lastMonth.dueOn).toBe(addDays(`${on.slice(0, 7)}-01`, -1));
    await ok('mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }', {
      input: {
        organizationId: branch,
        type: 'THEMED_PARTY_DAY',
        startsAt: `${lastMonth.dueOn}T09:00:00+08:00`,
        place: '社区党群服务中心',
        topic: '主题党日',
        attendance: [],
      },
    });
    const after = itemsOf(await listOf(branch), 'MEETING_OVERDUE');
    expect(after.length).toBe(overdue.length - 1);
    expect(after.some((i) => i.dueOn === lastMonth.dueOn && i.action.includes('主题党日'))).toBe(false);
  });
});

describe('co-building: agreements to review or ending, needs open', () => {
  /** An agreement of community 0 in force from `validFrom` to `validTo`, written as history (its signing is another test's). */
  async function agreement(validFrom: string, validTo: string): Promise<string> {
    const [row] = await resources().query(
      `INSERT INTO agreement (id, community_id, community_organization_id, partner_unit_id, title, signed_on, valid_from, valid_to, community_liaison_id, unit_liaison_id)
       VALUES (gen_random_uuid(), $1, $2, gen_random_uuid(), '待办测试协议', $3, $3, $4, gen_random_uuid(), gen_random_uuid()) RETURNING id`,
      [communityId, communityOrg, validFrom, validTo],
    );
    return row.id;
  }

  it('lists an agreement ending within 60 days (not 61) and one whose yearly review falls within 30 days (not 31), until terminated', async () => {
    const before = await countsOf(communityOrg);
    const ends60 = await agreement(addDays(on, -100), addDays(on, 60));
    await agreement(addDays(on, -100), addDays(on, 61));
    const review30 = await agreement(addYears(addDays(on, 30), -1), addYears(on, 2));
    await agreement(addYears(addDays(on, 31), -1), addYears(on, 2));
    const after = await countsOf(communityOrg);
    expect([after.AGREEMENT_EXPIRING - before.AGREEMENT_EXPIRING, after.AGREEMENT_REVIEW - before.AGREEMENT_REVIEW]).toEqual([1, 1]);
    const list = await listOf(communityOrg, await headersOf('secretary'));
    expect(itemsOf(list, 'AGREEMENT_EXPIRING')).toContainEqual(expect.objectContaining({ subjectId: ends60, dueOn: addDays(on, 60) }));
    expect(itemsOf(list, 'AGREEMENT_REVIEW')).toContainEqual(expect.objectContaining({ subjectId: review30, dueOn: addDays(on, 30) }));
    for (const id of [ends60, review30])
      await ok('mutation($id: ID!) { terminateAgreement(id: $id, reason: "双方协商终止") { id } }', { id });
    const done = await countsOf(communityOrg);
    expect([done.AGREEMENT_EXPIRING, done.AGREEMENT_REVIEW]).toEqual([before.AGREEMENT_EXPIRING, before.AGREEMENT_REVIEW]);
  });

  it('lists a need open for more than 30 days (31, not 30), until it is matched', async () => {
    const raise = async (daysAgo: number) => {
      const raised = await ok<{ raiseNeed: { id: string } }>('mutation($input: RaiseNeedInput!) { raiseNeed(input: $input) { id } }', {
        input: { communityId, title: '老年助餐', category: 'ELDERLY_CARE' },
      });
      await resources().query('UPDATE need SET raised_on = $2 WHERE id = $1', [raised.raiseNeed.id, addDays(on, -daysAgo)]);
      return raised.raiseNeed.id;
    };
    const before = (await countsOf(communityOrg)).NEED_OPEN;
    const open31 = await raise(31);
    await raise(30);
    expect((await countsOf(communityOrg)).NEED_OPEN).toBe(before + 1);
    const items = itemsOf(await listOf(communityOrg, await federation.asAdmin({ 'accept-language': 'en' })), 'NEED_OPEN');
    expect(items).toContainEqual({
      kind: 'NEED_OPEN',
      subjectId: open31,
      dueOn: addDays(on, -1),
      action: 'This need was raised 31 days ago and is still unmatched: match it with a resource or project',
    });
    await resources().query(`UPDATE need SET status = 'MATCHED' WHERE id = $1`, [open31]);
    expect((await countsOf(communityOrg)).NEED_OPEN).toBe(before);
  });
});

describe('who reads the to-do list', () => {
  const ask = async (persona: PersonaName, query = LIST) =>
    federation.query<{ toDoList: List }>(query, { o: communityOrg }, await headersOf(persona));

  it("gives the items to the community's secretary, its street's administrator and the district administrator", async () => {
    for (const persona of ['secretary', 'streetAdmin', 'districtAdmin'] as const) {
      const result = await ask(persona);
      expect({ persona, errors: result.errors }).toEqual({ persona, errors: undefined });
      expect(result.data!.toDoList.members!.items!.length).toBeGreaterThan(0);
      expect(result.data!.toDoList.coBuilding!.total).toBeGreaterThan(0);
    }
  });

  it('gives analysts the counts and refuses them the items (FORBIDDEN)', async () => {
    const counts = await ask('analyst', COUNTS);
    expect(counts.errors).toBeUndefined();
    expect(counts.data!.toDoList.members!.counts.map((c) => c.kind)).toEqual([
      'PROBATION_ENDING',
      'TRANSFER_LETTER_LAPSING',
      'DUES_ARREARS',
      'REGISTRATION_NOT_APPRAISED',
    ]);
    const items = await ask('analyst');
    expect(items.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(items.errors![0].extensions?.messageKey).toBe('todo.countsOnly');
  });

  it("refuses members, unit liaisons and other subtrees' managers (FORBIDDEN), and anonymous callers", async () => {
    for (const persona of ['member', 'unitLiaison', 'otherSecretary', 'otherStreetAdmin'] as const) {
      const result = await ask(persona);
      expect({ persona, code: result.errors?.[0]?.extensions?.code, data: result.data }).toEqual({
        persona,
        code: 'FORBIDDEN',
        data: null,
      });
    }
    expect((await ask('anonymous')).errors![0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("refuses a secretary another organisation's list even with a token naming it in another role's clothes", async () => {
    const liaison = await mintCallerToken({ role: 'UNIT_LIAISON', sub: 'liaison-todo', orgId: communityOrg });
    const result = await federation.query(LIST, { o: communityOrg }, { authorization: `Bearer ${liaison}` });
    expect(result.errors![0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses an unknown organisation (NOT_FOUND on organizationId)', async () => {
    const result = await federation.query(LIST, { o: '00000000-0000-4000-8000-000000000000' });
    expect(result.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'organizationId' });
  });
});

describe('no N+1', () => {
  it('answers a street-wide list (dozens of organisations) in a few statements per service, as for one branch', async () => {
    const street = personas.streetAdmin.orgId!;
    const [organizations] = await federation.subgraphs.organizations.running.database.dataSource.query(
      'SELECT count(*)::int AS n FROM organization WHERE path LIKE $1',
      [`%/${street}/%`],
    );
    expect(organizations.n).toBeGreaterThan(20);
    const small = await federation.statementsPerService(() => listOf(branch));
    const large = await federation.statementsPerService(() => listOf(street));
    // members and resources: one statement per kind; organizations: the reading check, the subtree, its rows, meetings held, committees.
    expect({ members: large.members, resources: large.resources }).toEqual({ members: small.members, resources: small.resources });
    expect({ organizations: large.organizations <= 8, members: large.members <= 4, resources: large.resources <= 3 }).toEqual({
      organizations: true,
      members: true,
      resources: true,
    });
  });
});
