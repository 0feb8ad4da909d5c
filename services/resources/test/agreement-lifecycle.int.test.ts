/**
 * Agreement renewal (续签) and expiry (issue 17): through the gateway on the real Postgres server; the
 * expiry step run by two replicas of the resources service on one database at once fires once per
 * agreement, in the outbox and on the mock broker.
 */
import { serviceActor, startSubgraph, today, transactor, type RunningSubgraph, type ServiceRuntime } from '@cpb/kit';
import { worldId } from '@cpb/demo-world';
import { resources } from '@cpb/resources';
import { onBroker, outboxRows, startOnBroker, type OnBroker } from '@cpb/kit/testing';
import { addDays, daysAgo } from '@cpb/kit/testing';
import { codeOf, codesByPersona, headersOf, outsidersRefused } from '@cpb/demo-world/testing';

let stack: OnBroker;
/** The step as the service schedules it (its definition's one scheduled step). */
const agreementExpiry = resources.scheduledSteps!.find((step) => step.component === 'agreement-expiry')!;
const community0 = worldId('community', 0);

beforeAll(async () => {
  stack = await startOnBroker('resources');
});
afterAll(() => stack?.stop());

type AgreementView = {
  id: string;
  status: string;
  title: string;
  signedOn: string;
  validFrom: string;
  validTo: string;
  partnerUnit: { id: string };
  communityLiaison: { id: string };
  unitLiaison: { id: string };
  commitments: { side: string; item: string; dueBy: string; status: string }[];
  renews: { id: string } | null;
  renewedBy: { id: string } | null;
};
const FIELDS =
  'id status title signedOn validFrom validTo partnerUnit { id } communityLiaison { id } unitLiaison { id } commitments { side item dueBy status } renews { id } renewedBy { id }';
const renew = `mutation($id: ID!, $to: String!, $title: String) { renewAgreement(id: $id, validTo: $to, title: $title) { ${FIELDS} } }`;
const read = `query($id: ID!) { agreement(id: $id) { ${FIELDS} } }`;
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> =>
  stack.federation.subgraphs.resources.running.database.dataSource.query(text, params);

/** Active demo agreements (of community 0, or of any community) not yet used by a test, by id. */
let taken = new Set<string>();
async function activeAgreements(count: number, anywhere = false): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    `SELECT id FROM agreement WHERE ($1::uuid IS NULL OR community_id = $1) AND status = 'ACTIVE' AND NOT (id = ANY($2::uuid[])) ORDER BY id LIMIT $3`,
    [anywhere ? null : community0, [...taken], count],
  );
  const ids = rows.map((r) => r.id);
  taken = new Set([...taken, ...ids]);
  return ids;
}

/** The clock moves on: the agreement's validity ended `daysAgo` days ago. Only a test does this (signing refuses a past validTo). */
async function lapse(ids: string[], endedDaysAgo = 2): Promise<void> {
  await sql(`UPDATE agreement SET valid_from = LEAST(valid_from, $2::date - 400), valid_to = $2::date WHERE id = ANY($1::uuid[])`, [
    ids,
    daysAgo(endedDaysAgo),
  ]);
}

async function agreement(id: string): Promise<AgreementView> {
  const result = await stack.federation.query<{ agreement: AgreementView }>(read, { id });
  expect(result.errors).toBeUndefined();
  return result.data!.agreement;
}

describe('renewAgreement (续签)', () => {
  it('continues an agreement in force: same pair, liaisons and commitments due again from the day after it ends; the old one RENEWED; agreement.renewed', async () => {
    const [id] = await activeAgreements(1);
    const old = await agreement(id);
    const validTo = addDays(old.validTo, 3 * 365);
    const result = await stack.federation.query<{ renewAgreement: AgreementView }>(renew, { id, to: validTo });
    expect(result.errors).toBeUndefined();
    const renewal = result.data!.renewAgreement;
    expect(renewal).toMatchObject({
      status: 'ACTIVE',
      title: old.title,
      signedOn: today(),
      validFrom: addDays(old.validTo, 1),
      validTo,
      partnerUnit: old.partnerUnit,
      communityLiaison: old.communityLiaison,
      unitLiaison: old.unitLiaison,
      renews: { id },
      renewedBy: null,
    });
    expect(renewal.commitments.map((c) => [c.side, c.item, c.status])).toEqual(old.commitments.map((c) => [c.side, c.item, 'PENDING']));
    for (const c of renewal.commitments) expect(c.dueBy >= renewal.validFrom && c.dueBy <= renewal.validTo).toBe(true);
    expect(await agreement(id)).toMatchObject({ status: 'RENEWED', renewedBy: { id: renewal.id } });
    const [row] = (await outboxRows(stack.federation, 'resources', 'agreement.renewed')).filter(
      (r) => r.payload.agreementId === renewal.id,
    );
    expect(row.payload).toEqual({
      agreementId: renewal.id,
      renewsAgreementId: id,
      communityId: community0,
      partnerUnitId: old.partnerUnit.id,
      validFrom: renewal.validFrom,
      validTo,
      commitmentCount: old.commitments.length,
    });
    const [event] = await onBroker(stack.reader, 'agreement.renewed', id);
    expect(event.data).toEqual(row.payload);
    // Its old commitments are still worked on until its validTo.
    const [commitment] = await sql<{ id: string }>(`SELECT id FROM commitment WHERE agreement_id = $1 AND status <> 'DONE' LIMIT 1`, [id]);
    const progress = await stack.federation.query(
      'mutation($id: ID!) { progressCommitment(commitmentId: $id, status: IN_PROGRESS, note: "续签后继续推进") { status } }',
      { id: commitment.id },
    );
    expect(progress.errors).toBeUndefined();
  });

  it('renews once: again, or both at once, is refused (CONFLICT); one renewal row', async () => {
    const [first, second] = await activeAgreements(2);
    const to = addDays(today(), 3 * 365 + 400);
    expect((await stack.federation.query(renew, { id: first, to })).errors).toBeUndefined();
    expect(codeOf(await stack.federation.query(renew, { id: first, to }))).toBe('CONFLICT');
    const racing = await Promise.all([0, 1].map(() => stack.federation.query(renew, { id: second, to })));
    expect(racing.map(codeOf).sort()).toEqual(['CONFLICT', undefined].sort());
    expect(await sql(`SELECT id FROM agreement WHERE renews_id = $1`, [second])).toHaveLength(1);
  });

  it('refuses a terminated agreement (CONFLICT) and a validTo not after the new start (BAD_USER_INPUT on validTo)', async () => {
    const [terminated, active] = await activeAgreements(2);
    await stack.federation.query(
      'mutation($id: ID!) { terminateAgreement(id: $id, reason: "单位搬迁", reasonCode: UNIT_RELOCATED) { id } }',
      { id: terminated },
    );
    const refused = await stack.federation.query(
      renew,
      { id: terminated, to: addDays(today(), 900) },
      { ...(await headersOf('districtAdmin')), 'accept-language': 'en' },
    );
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors![0].message).toContain('was terminated: it is not renewed, sign a new one');
    const old = await agreement(active);
    const short = await stack.federation.query(renew, { id: active, to: addDays(old.validTo, 1) });
    expect(short.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'validTo' });
  });

  it('renews a lapsed agreement from today: it is marked EXPIRED (agreement.expired, once) and stays so', async () => {
    const [id] = await activeAgreements(1);
    await lapse([id], 10);
    const result = await stack.federation.query<{ renewAgreement: AgreementView }>(renew, {
      id,
      to: addDays(today(), 730),
      title: '续签协议（第二期）',
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.renewAgreement).toMatchObject({ validFrom: today(), title: '续签协议（第二期）', renews: { id } });
    expect(await agreement(id)).toMatchObject({ status: 'EXPIRED', renewedBy: { id: result.data!.renewAgreement.id } });
    expect((await outboxRows(stack.federation, 'resources', 'agreement.expired')).filter((r) => r.aggregate_id === id)).toHaveLength(1);
  });

  it("is the agreement's community's managers' only", async () => {
    const [id] = await activeAgreements(1);
    const expected = { ...outsidersRefused, secretary: undefined, streetAdmin: 'CONFLICT', districtAdmin: 'CONFLICT' };
    expect(await codesByPersona(expected, (headers) => stack.federation.query(renew, { id, to: addDays(today(), 2000) }, headers))).toEqual(
      expected,
    );
  });
});

describe('agreement expiry (the scheduled step)', () => {
  let replica: RunningSubgraph;

  beforeAll(async () => {
    // A second instance of the resources service on the same database, as a second Kubernetes replica
    // (without a relay of its own: the first instance's relay, the leader, publishes what either writes).
    const first = stack.federation.subgraphs.resources.running;
    replica = await startSubgraph(resources, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: first.config.DATABASE_URL,
      SEED_DEMO: 'false',
    });
  });
  afterAll(() => replica?.stop());

  const runtimeOf = (running: RunningSubgraph): ServiceRuntime => ({
    dataSource: running.database.dataSource,
    peers: undefined as never,
    transact: transactor(running.database.dataSource, serviceActor('resources')),
  });

  it('two replicas running the step at once (twice each) expire each lapsed agreement once: one agreement.expired each, in the outbox and on the broker', async () => {
    const ids = await activeAgreements(15, true);
    expect(ids.length).toBe(15);
    await lapse(ids);
    const runs = [stack.federation.subgraphs.resources.running, replica].flatMap((r) => [
      agreementExpiry.run(runtimeOf(r)),
      agreementExpiry.run(runtimeOf(r)),
    ]);
    const counts = await Promise.all(runs);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(15);
    const statuses = await sql<{ status: string }>(`SELECT DISTINCT status FROM agreement WHERE id = ANY($1::uuid[])`, [ids]);
    expect(statuses).toEqual([{ status: 'EXPIRED' }]);
    const rows = (await outboxRows(stack.federation, 'resources', 'agreement.expired')).filter((r) => ids.includes(r.aggregate_id));
    expect(rows.map((r) => r.aggregate_id).sort()).toEqual([...ids].sort());
    expect(rows[0].payload).toEqual({
      agreementId: rows[0].aggregate_id,
      communityId: expect.any(String),
      partnerUnitId: expect.any(String),
      validTo: daysAgo(2),
      expiredOn: today(),
    });
    // Run again: nothing left to expire.
    expect(await agreementExpiry.run(runtimeOf(replica))).toBe(0);
    for (const id of ids) expect(await onBroker(stack.reader, 'agreement.expired', id)).toHaveLength(1);
    // Nothing more arrives for them (a relay would publish a second row within a second).
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    for (const id of ids) expect(await onBroker(stack.reader, 'agreement.expired', id)).toHaveLength(1);
    const read = await stack.federation.query<{ agreement: { status: string } }>('query($id: ID!) { agreement(id: $id) { status } }', {
      id: ids[0],
    });
    expect(read.data!.agreement.status).toBe('EXPIRED');
  });

  it('runs by itself when an instance starts (the service lists it in its definition; hourly after that)', async () => {
    const [id] = await activeAgreements(1, true);
    await lapse([id]);
    const third = await startSubgraph(resources, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: replica.config.DATABASE_URL,
      SEED_DEMO: 'false',
    });
    try {
      const deadline = Date.now() + 20_000;
      while ((await sql<{ status: string }>('SELECT status FROM agreement WHERE id = $1', [id]))[0].status !== 'EXPIRED') {
        if (Date.now() > deadline) throw new Error('the step did not run at start');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await third.stop();
    }
    expect((await outboxRows(stack.federation, 'resources', 'agreement.expired')).filter((r) => r.aggregate_id === id)).toHaveLength(1);
  });

  it('leaves agreements in force, renewed and terminated alone', async () => {
    const [inForce] = await activeAgreements(1, true);
    const before = await sql<{ id: string; status: string }>(
      `SELECT id, status FROM agreement WHERE status IN ('RENEWED', 'TERMINATED') OR id = $1 ORDER BY id`,
      [inForce],
    );
    await sql(`UPDATE agreement SET valid_from = $1::date - 400, valid_to = $1 WHERE status = 'RENEWED'`, [daysAgo(3)]);
    expect(await agreementExpiry.run(runtimeOf(replica))).toBe(0);
    expect(
      await sql(`SELECT id, status FROM agreement WHERE status IN ('RENEWED', 'TERMINATED') OR id = $1 ORDER BY id`, [inForce]),
    ).toEqual(before);
  });

  it('a pair signing again after its agreement lapsed marks it expired with its one event', async () => {
    const [id] = await activeAgreements(1, true);
    const [old] = await sql<{ community_id: string; partner_unit_id: string; community_liaison_id: string; unit_liaison_id: string }>(
      `SELECT community_id, partner_unit_id, community_liaison_id, unit_liaison_id FROM agreement WHERE id = $1`,
      [id],
    );
    await lapse([id]);
    const signed = await stack.federation.query('mutation($i: SignAgreementInput!) { signAgreement(input: $i) { id } }', {
      i: {
        communityId: old.community_id,
        partnerUnitId: old.partner_unit_id,
        title: '新一期结对共建协议',
        validTo: addDays(today(), 700),
        communityLiaisonId: old.community_liaison_id,
        unitLiaisonId: old.unit_liaison_id,
      },
    });
    expect(signed.errors).toBeUndefined();
    expect((await outboxRows(stack.federation, 'resources', 'agreement.expired')).filter((r) => r.aggregate_id === id)).toHaveLength(1);
    expect(await agreementExpiry.run(runtimeOf(replica))).toBe(0);
  });
});
