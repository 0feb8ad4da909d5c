import { worldId } from '@cpb/demo-world';
import { graphql, INTERNAL_IDENTITY_HEADER, secretOf, signInternal, type GraphQLResponse } from '@cpb/kit';
import { daysAgo, type Federation, startFederation, yearsAgo } from '@cpb/kit/testing';
import { person } from '@cpb/demo-world/testing';

/**
 * Issue 11, item 1 (docs/decisions/0010): placing a member into an organisation and dissolving it,
 * sent at the same moment, never both succeed: exactly one does, the other is refused with
 * CONFLICT, and no member is left in a dissolved organisation. Each kind of placement races
 * `dissolveOrganization` TRIALS times, on a fresh empty organisation each time.
 */
const TRIALS = 50;
let federation: Federation;
const parentId = worldId('org-community', 0);
let sequence = 0;

beforeAll(async () => {
  federation = await startFederation();
});
afterAll(() => federation?.stop());

async function ok<T>(result: Promise<GraphQLResponse<T>>): Promise<T> {
  const { data, errors } = await result;
  if (errors) throw new Error(JSON.stringify(errors));
  return data!;
}

async function emptyOrganization(): Promise<string> {
  const created = await ok(
    federation.query<{ createOrganization: { id: string } }>(
      'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      { input: { name: `竞态测试支部${++sequence}`, kind: 'BRANCH', scope: 'COMMUNITY', parentId } },
    ),
  );
  return created.createOrganization.id;
}

async function createMember(organizationId: string): Promise<GraphQLResponse<{ createMember: { id: string } }>> {
  return federation.query(
    'mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }',
    { input: { ...person(), joinedOn: '2015-07-01', organizationId } },
    await federation.asAdmin({ 'accept-language': 'en' }),
  );
}

// Asked in English: the assertions read the refusals' English wording.
const dissolve = async (id: string) =>
  federation.query<{ dissolveOrganization: { status: string } }>(
    'mutation($id: ID!) { dissolveOrganization(id: $id) { status } }',
    { id },
    await federation.asAdmin({ 'accept-language': 'en' }),
  );

/**
 * How a race ended, checked against both databases. A refused placement is told "being dissolved"
 * when it asked organizations after the first step, and "dissolved" when the members' gate stopped it.
 */
async function settle(
  organizationId: string,
  placing: GraphQLResponse<unknown>,
  dissolving: GraphQLResponse<unknown>,
): Promise<'placed' | 'dissolved' | 'stoppedByGate'> {
  const outcomes = [placing, dissolving].map((r) => (r.errors ? r.errors[0].extensions?.code : 'OK'));
  expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
  expect(outcomes.filter((o) => o !== 'OK')).toEqual(['CONFLICT']);
  const [organization] = await federation.subgraphs.organizations.running.database.dataSource.query(
    'SELECT status FROM organization WHERE id = $1',
    [organizationId],
  );
  const [{ n }] = await federation.subgraphs.members.running.database.dataSource.query(
    'SELECT count(*)::int AS n FROM member WHERE organization_id = $1',
    [organizationId],
  );
  if (outcomes[0] === 'OK') {
    expect([organization.status, n]).toEqual(['ACTIVE', 1]);
    return 'placed';
  }
  expect([organization.status, n]).toEqual(['DISSOLVED', 0]);
  return placing.errors![0].message.includes('being dissolved') ? 'dissolved' : 'stoppedByGate';
}

/** Runs the trials of one kind of placement; returns how often each side won. */
async function race(
  prepare: (organizationId: string) => Promise<() => Promise<GraphQLResponse<unknown>>>,
): Promise<Record<string, number>> {
  const wins: Record<string, number> = { placed: 0, dissolved: 0, stoppedByGate: 0 };
  for (let trial = 0; trial < TRIALS; trial++) {
    const organizationId = await emptyOrganization();
    const place = await prepare(organizationId);
    // A few milliseconds' head start, now to one side, now to the other, so the requests interleave differently.
    const lead = (trial % 7) * 3;
    const later = <T>(ms: number, send: () => Promise<T>) =>
      new Promise<T>((resolve, reject) => setTimeout(() => send().then(resolve, reject), ms));
    const [placing, dissolving] = await Promise.all([
      later(trial % 2 ? lead : 0, place),
      later(trial % 2 ? 0 : lead, () => dissolve(organizationId)),
    ]);
    wins[await settle(organizationId, placing, dissolving)]++;
  }
  return wins;
}

describe('placing a member and dissolving the organisation at the same moment: never both', () => {
  it(`completeTransfer into it, ${TRIALS} trials`, async () => {
    const wins = await race(async (organizationId) => {
      const { createMember: member } = await ok(createMember(parentId));
      const requested = await ok(
        federation.query<{ requestTransfer: { id: string } }>(
          'mutation($m: ID!, $to: ID!) { requestTransfer(memberId: $m, toOrganizationId: $to, reason: "工作调动") { id } }',
          { m: member.id, to: organizationId },
        ),
      );
      const id = requested.requestTransfer.id;
      await ok(federation.query('mutation($id: ID!) { approveTransfer(id: $id) { id } }', { id }));
      return async () =>
        federation.query(
          'mutation($id: ID!) { completeTransfer(id: $id) { status } }',
          { id },
          await federation.asAdmin({ 'accept-language': 'en' }),
        );
    });
    expect(wins.placed + wins.dissolved + wins.stoppedByGate).toBe(TRIALS);
    console.info(`completeTransfer vs dissolveOrganization: ${JSON.stringify(wins)}`);
  });

  it(`createMember into it, ${TRIALS} trials`, async () => {
    const wins = await race(async (organizationId) => () => createMember(organizationId));
    expect(wins.placed + wins.dissolved + wins.stoppedByGate).toBe(TRIALS);
    console.info(`createMember vs dissolveOrganization: ${JSON.stringify(wins)}`);
  });

  it(`admitMember into it, ${TRIALS} trials`, async () => {
    const wins = await race(async (organizationId) => {
      const recorded = await ok(
        federation.query<{ recordApplicant: { id: string } }>(
          'mutation($input: RecordApplicantInput!) { recordApplicant(input: $input) { id } }',
          { input: { ...person({ category: 'STUDENT' }), organizationId, appliedOn: yearsAgo(3) } },
        ),
      );
      const id = recorded.recordApplicant.id;
      const advance =
        'mutation($id: ID!, $stage: ApplicantStage!, $on: String) { advanceApplicant(id: $id, stage: $stage, on: $on) { id } }';
      await ok(federation.query(advance, { id, stage: 'ACTIVIST', on: yearsAgo(2) }));
      await ok(federation.query(advance, { id, stage: 'CANDIDATE', on: daysAgo(100) }));
      return async () =>
        federation.query(
          'mutation($id: ID!) { admitMember(applicantId: $id) { id } }',
          { id },
          await federation.asAdmin({ 'accept-language': 'en' }),
        );
    });
    expect(wins.placed + wins.dissolved + wins.stoppedByGate).toBe(TRIALS);
    console.info(`admitMember vs dissolveOrganization: ${JSON.stringify(wins)}`);
  });
});

describe('dissolving in two steps (docs/decisions/0010)', () => {
  const status = async (id: string) =>
    (await federation.subgraphs.organizations.running.database.dataSource.query('SELECT status FROM organization WHERE id = $1', [id]))[0]
      .status;

  it('reverts to ACTIVE when the members service still holds members, and says how many', async () => {
    const organizationId = await emptyOrganization();
    await ok(createMember(organizationId));
    await ok(createMember(organizationId));
    const refused = await dissolve(organizationId);
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: expect.stringContaining('still holds 2 member(s)'),
    });
    expect(await status(organizationId)).toBe('ACTIVE');
    expect((await createMember(organizationId)).errors).toBeUndefined();
  });

  it('an interrupted dissolve stays CLOSING (nobody joins meanwhile) and asking again finishes it', async () => {
    const organizationId = await emptyOrganization();
    // Hold the members' gate row so its close waits past the peer timeout: organizations gives up with UNAVAILABLE.
    const runner = federation.subgraphs.members.running.database.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(`INSERT INTO organization_gate (organization_id) VALUES ($1)`, [organizationId]);
    await runner.query(`SELECT 1 FROM organization_gate WHERE organization_id = $1 FOR UPDATE`, [organizationId]);
    const interrupted = await dissolve(organizationId);
    expect(interrupted.errors?.[0].extensions?.code).toBe('UNAVAILABLE');
    expect(await status(organizationId)).toBe('CLOSING');
    const joining = await createMember(organizationId);
    expect(joining.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('being dissolved') });
    const reading = await federation.query<{ organization: { status: string } }>('query($id: ID!) { organization(id: $id) { status } }', {
      id: organizationId,
    });
    expect(reading.data!.organization.status).toBe('CLOSING');
    // Released: the members side closes the gate after organizations stopped listening.
    await runner.commitTransaction();
    await runner.release();
    const finished = await dissolve(organizationId);
    expect(finished.errors).toBeUndefined();
    expect(finished.data!.dissolveOrganization.status).toBe('DISSOLVED');
    expect(await status(organizationId)).toBe('DISSOLVED');
  });

  it('refuses an application into an organisation whose gate closed after organizations answered "active" (issue 20)', async () => {
    const organizationId = await emptyOrganization();
    // The window of a race: organizations still says ACTIVE (step 1 not yet seen), the members' gate is already closed.
    await federation.subgraphs.members.running.database.dataSource.query(
      `INSERT INTO organization_gate (organization_id, closed_at) VALUES ($1, now())`,
      [organizationId],
    );
    const input = { ...person({ category: 'STUDENT' }), organizationId, appliedOn: yearsAgo(1) };
    const refused = await federation.query(
      'mutation($input: RecordApplicantInput!) { recordApplicant(input: $input) { id } }',
      { input },
      await federation.asAdmin({ 'accept-language': 'en' }),
    );
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('dissolved') });
    const [{ n }] = await federation.subgraphs.members.running.database.dataSource.query(
      'SELECT count(*)::int AS n FROM applicant WHERE organization_id = $1',
      [organizationId],
    );
    expect(n).toBe(0);
    expect(await status(organizationId)).toBe('ACTIVE');
  });

  it('records an application into an open organisation beside its gate held open by others (FOR SHARE)', async () => {
    const organizationId = await emptyOrganization();
    const input = { ...person({ category: 'STUDENT' }), organizationId, appliedOn: yearsAgo(1) };
    const [first, second] = await Promise.all([
      federation.query('mutation($input: RecordApplicantInput!) { recordApplicant(input: $input) { id } }', { input }),
      createMember(organizationId),
    ]);
    expect([first.errors, second.errors]).toEqual([undefined, undefined]);
  });

  it('keeps the members side of the dissolve away from callers: hidden from the gateway, services only', async () => {
    const organizationId = await emptyOrganization();
    const close = 'mutation($id: ID!) { closeOrganizationMembership(organizationId: $id) { closed memberCount } }';
    const viaGateway = await federation.query(close, { id: organizationId });
    expect(viaGateway.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const members = federation.subgraphs.members;
    const asUser = await graphql(
      members.url,
      close,
      { id: organizationId },
      {
        [INTERNAL_IDENTITY_HEADER]: await signInternal(
          { role: 'DISTRICT_ADMIN', sub: 'district-admin' },
          secretOf(members.running.config, 'members'),
          'members',
        ),
      },
    );
    expect(asUser.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await status(organizationId)).toBe('ACTIVE');
    expect((await createMember(organizationId)).errors).toBeUndefined();
  });
});
