/**
 * Transfer introduction letters (介绍信, issue 17): validity by reach (10 days within the city, 30
 * outside, at most three months), expiry of an approved transfer not completed in time by a scheduled
 * step that two replicas run at once without expiring anything twice, events on the mock broker, and
 * the receipt (回执).
 */
import { addDays, eventTopic, mintCallerToken, startSubgraph, today, type CloudEvent, type RunningSubgraph } from '@cpb/kit';
import { startKafkaBroker, startTopicReader, type KafkaBroker } from '@cpb/kit/testing';
import { members } from '@cpb/members';
import { subgraphs } from '@cpb/subgraphs';
import { type Federation, inEnglish, startFederation } from '@cpb/kit/testing';
import { branchOf, person, seeded, type Seeded } from '@cpb/demo-world/testing';
import { memberOutbox } from './fixtures';

let broker: KafkaBroker;
let federation: Federation;
let world: Seeded;
let from: string;
let to: string;

beforeAll(async () => {
  broker = await startKafkaBroker({ topics: subgraphs.map((s) => ({ name: s.topic, partitions: 3 })) });
  federation = await startFederation({ env: { KAFKA_BROKERS: broker.brokers.join(',') } });
  world = await seeded(federation);
  from = branchOf(world.communities[0], 0).id;
  to = branchOf(world.communities[1], 0).id;
});
afterAll(async () => {
  await federation?.stop();
  await broker?.stop();
});

const TRANSFER = 'id status decidedOn completedOn expiredOn receiptReturnedOn letter { reach issuedOn validUntil }';
const approve = `mutation($id: ID!, $letter: TransferLetterInput) { approveTransfer(id: $id, letter: $letter) { ${TRANSFER} } }`;
const complete = `mutation($id: ID!) { completeTransfer(id: $id) { ${TRANSFER} } }`;
const receipt = `mutation($id: ID!, $on: String) { recordTransferReceipt(id: $id, returnedOn: $on) { ${TRANSFER} } }`;
const readTransfer = `query($id: ID!) { transfer(id: $id) { ${TRANSFER} member { organization { id } } } }`;

interface TransferView {
  id: string;
  status: string;
  decidedOn: string | null;
  completedOn: string | null;
  expiredOn: string | null;
  receiptReturnedOn: string | null;
  letter: { reach: string; issuedOn: string; validUntil: string } | null;
}

const db = () => federation.subgraphs.members.running.database.dataSource;

async function requestedTransfer(): Promise<{ id: string; memberId: string }> {
  const created = await federation.query<{ createMember: { id: string } }>(
    'mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }',
    {
      input: { ...person({ category: 'RETIRED' }), joinedOn: '2010-07-01', organizationId: from },
    },
  );
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const memberId = created.data!.createMember.id;
  const requested = await federation.query<{ requestTransfer: { id: string } }>(
    'mutation($m: ID!, $to: ID!) { requestTransfer(memberId: $m, toOrganizationId: $to, reason: "迁居") { id } }',
    { m: memberId, to },
  );
  if (requested.errors) throw new Error(JSON.stringify(requested.errors));
  return { id: requested.data!.requestTransfer.id, memberId };
}

async function approved(letter?: Record<string, unknown>): Promise<{ id: string; memberId: string; transfer: TransferView }> {
  const { id, memberId } = await requestedTransfer();
  const result = await federation.query<{ approveTransfer: TransferView }>(approve, { id, letter });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return { id, memberId, transfer: result.data!.approveTransfer };
}

/** Moves an approved transfer's letter into the past: issued `daysAgo` days ago, valid `days` days. */
async function backdate(ids: string[], daysAgo: number, days = 10): Promise<void> {
  const issued = addDays(today(), -daysAgo);
  await db().query(
    'UPDATE transfer SET requested_on = $2, decided_on = $2, letter_issued_on = $2, letter_valid_until = $3 WHERE id = ANY($1)',
    [ids, issued, addDays(issued, days)],
  );
}

async function heldBy(memberId: string): Promise<string> {
  const result = await federation.query<{ member: { organization: { id: string } } }>(
    'query($id: ID!) { member(id: $id) { organization { id } } }',
    { id: memberId },
  );
  return result.data!.member.organization.id;
}

describe('the introduction letter (介绍信) a transfer carries from its approval', () => {
  it('is valid 10 days within the city by default, 30 outside it, or the days given up to three months', async () => {
    const within = await approved();
    expect(within.transfer).toMatchObject({
      status: 'APPROVED',
      letter: { reach: 'WITHIN_CITY', issuedOn: today(), validUntil: addDays(today(), 10) },
    });
    const outside = await approved({ reach: 'OUTSIDE_CITY' });
    expect(outside.transfer.letter).toEqual({ reach: 'OUTSIDE_CITY', issuedOn: today(), validUntil: addDays(today(), 30) });
    const longer = await approved({ reach: 'OUTSIDE_CITY', validDays: 60 });
    expect(longer.transfer.letter!.validUntil).toBe(addDays(today(), 60));
  });

  it('refuses a validity beyond three months or under a day (BAD_USER_INPUT on letter.validDays), approving nothing', async () => {
    const en = inEnglish(federation);
    for (const validDays of [0, 93, 400]) {
      const { id } = await requestedTransfer();
      const result = await en.query(approve, { id, letter: { reach: 'OUTSIDE_CITY', validDays } });
      expect(result.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'letter.validDays',
        messageKey: 'transfer.letterDays',
      });
      expect(result.errors![0].message).toContain('at most three months');
      expect((await federation.query<{ transfer: TransferView }>(readTransfer, { id })).data!.transfer.status).toBe('REQUESTED');
    }
  });

  it('is accepted through its last day: the member reports in on the day the letter ends', async () => {
    const { id, memberId } = await approved();
    await backdate([id], 10);
    const result = await federation.query<{ completeTransfer: TransferView }>(complete, { id });
    expect(result.errors).toBeUndefined();
    expect(result.data!.completeTransfer.status).toBe('COMPLETED');
    expect(await heldBy(memberId)).toBe(to);
  });

  it('refuses completing once the letter has lapsed (CONFLICT), even before the expiry step ran, leaving the member where they were', async () => {
    const { id, memberId } = await approved();
    await backdate([id], 11);
    const result = await inEnglish(federation).query(complete, { id });
    expect(result.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'transfer.letterLapsed',
      messageParams: { validUntil: addDays(today(), -1) },
    });
    expect(result.errors![0].message).toContain('the member stays where they were');
    expect(await heldBy(memberId)).toBe(from);
  });
});

describe('the expiry step (a scheduled step every replica runs)', () => {
  it('expires an approved transfer whose letter lapsed, emits member.transfer-expired, and leaves the member and a valid letter alone', async () => {
    const lapsed = await approved();
    const lastDay = await approved();
    const requested = await requestedTransfer();
    await backdate([lapsed.id], 11);
    await backdate([lastDay.id], 10);
    await federation.subgraphs.members.running.steps['transfer-letters'].runNow();

    const read = async (id: string) =>
      (await federation.query<{ transfer: TransferView & { member: { organization: { id: string } } } }>(readTransfer, { id })).data!
        .transfer;
    expect(await read(lapsed.id)).toMatchObject({
      status: 'EXPIRED',
      expiredOn: today(),
      letter: { validUntil: addDays(today(), -1) },
      member: { organization: { id: from } },
    });
    expect((await read(lastDay.id)).status).toBe('APPROVED');
    expect((await read(requested.id)).status).toBe('REQUESTED');

    const events = (await memberOutbox(federation)).filter((e) => e.type === 'member.transfer-expired');
    expect(events.filter((e) => e.payload.transferId === lapsed.id).map((e) => e.payload)).toEqual([
      {
        transferId: lapsed.id,
        memberId: lapsed.memberId,
        fromOrganizationId: from,
        toOrganizationId: to,
        letterValidUntil: addDays(today(), -1),
        expiredOn: today(),
      },
    ]);
    expect(events.some((e) => e.payload.transferId === lastDay.id)).toBe(false);
    const [actor] = await db().query(
      "SELECT actor_sub, actor_role FROM audit_log a JOIN outbox o ON o.id = a.event_id WHERE o.type = $1 AND o.payload->>'transferId' = $2",
      ['member.transfer-expired', lapsed.id],
    );
    expect(actor).toEqual({ actor_sub: 'members', actor_role: 'SERVICE' });

    // An expired transfer is closed: nothing moves it on, and the member may ask again.
    const en = inEnglish(federation);
    const again = await en.query(complete, { id: lapsed.id });
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'transfer.expiredCannotBecome' });
    const renewed = await federation.query(
      'mutation($m: ID!, $to: ID!) { requestTransfer(memberId: $m, toOrganizationId: $to, reason: "重新申请") { status } }',
      { m: lapsed.memberId, to },
    );
    expect(renewed.errors).toBeUndefined();
  });

  it('run by two replicas at once, expires each lapsed transfer once: one status change and one event on the broker per transfer', async () => {
    const lapsed = await Promise.all(Array.from({ length: 24 }, () => approved()));
    const ids = lapsed.map((t) => t.id);
    const running = federation.subgraphs.members.running;
    const second: RunningSubgraph = await startSubgraph(members, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: running.config.DATABASE_URL,
      DATABASE_POOL_MAX: '5',
      KAFKA_BROKERS: broker.brokers.join(','),
    });
    try {
      await backdate(ids, 40, 30);
      const counts = await Promise.all([running.steps['transfer-letters'].runNow(), second.steps['transfer-letters'].runNow()]);
      expect(counts[0] + counts[1]).toBe(ids.length);

      const rows: { status: string; n: number }[] = await db().query(
        'SELECT status, count(*)::int AS n FROM transfer WHERE id = ANY($1) GROUP BY status',
        [ids],
      );
      expect(rows).toEqual([{ status: 'EXPIRED', n: ids.length }]);
      const outbox: { n: number }[] = await db().query(
        `SELECT count(*)::int AS n FROM outbox WHERE type = 'member.transfer-expired' AND payload->>'transferId' = ANY($1)`,
        [ids],
      );
      expect(outbox[0].n).toBe(ids.length);

      const reader = await startTopicReader(broker.brokers, eventTopic('members'));
      const expired = () =>
        reader.messages
          .map((m) => JSON.parse(m.value) as CloudEvent)
          .filter((e) => e.type === 'cn.cpb.member.transfer-expired' && ids.includes((e.data as { transferId: string }).transferId));
      try {
        await reader.waitFor(() => expired().length >= ids.length, 30_000);
        await new Promise((resolve) => setTimeout(resolve, 500)); // a duplicate would show up now
        const seen = expired().map((e) => (e.data as { transferId: string }).transferId);
        expect(seen.sort()).toEqual([...ids].sort());
        expect(
          expired()
            .map((e) => e.subject)
            .sort(),
        ).toEqual(lapsed.map((t) => t.memberId).sort());
      } finally {
        await reader.stop();
      }
      // Nothing left for a later run.
      expect(await second.steps['transfer-letters'].runNow()).toBe(0);
    } finally {
      await second.stop();
    }
  });
});

describe('the receipt (回执) returning to the sending organisation', () => {
  it('is recorded once for a completed transfer, not before the member reported in, and emits an event', async () => {
    const { id } = await approved();
    const en = inEnglish(federation);
    const early = await en.query(receipt, { id, on: today() });
    expect(early.errors![0].extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'transfer.receiptNotCompleted' });
    await federation.query(complete, { id });
    const before = await en.query(receipt, { id, on: addDays(today(), -1) });
    expect(before.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'returnedOn' });
    const recorded = await federation.query<{ recordTransferReceipt: TransferView }>(receipt, { id });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordTransferReceipt).toMatchObject({ status: 'COMPLETED', receiptReturnedOn: today() });
    const twice = await en.query(receipt, { id, on: today() });
    expect(twice.errors![0].extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'transfer.receiptRecorded' });
    const events = (await memberOutbox(federation)).filter(
      (e) => e.type === 'member.transfer-receipt-recorded' && e.payload.transferId === id,
    );
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ returnedOn: today(), fromOrganizationId: from, toOrganizationId: to });
  });

  it('is recorded by the sending side only: the receiving organisation is refused (FORBIDDEN)', async () => {
    const { id } = await approved();
    await federation.query(complete, { id });
    const receiving = world.communities[1].partyOrganization.id;
    const token = await mintCallerToken({ role: 'COMMUNITY_SECRETARY', sub: 'receiving-secretary', orgId: receiving });
    const result = await federation.query(receipt, { id, on: today() }, { authorization: `Bearer ${token}` });
    expect(result.errors![0].extensions?.code).toBe('FORBIDDEN');
  });
});
