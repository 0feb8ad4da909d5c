import type { DataSource, EntityManager } from 'typeorm';
import { insertRows, isEmpty, Outbox, type DomainEvent, type Logger } from '@cpb/kit';
import { coBuilding, type World } from '@cpb/demo-world';
import type { Agreement, Need, NeedCategory, Project, Resource } from './entities';
import { agreementEvents, needEvents, resourceEvents } from './events';

/** Rows are written in slices, so a district of any size never sits whole in memory as SQL parameters. */
const SLICE = 20_000;

async function insertAll<T>(
  tx: EntityManager,
  table: string,
  columns: string[],
  records: Iterable<T>,
  toRow: (record: T) => unknown[],
): Promise<number> {
  let rows: unknown[][] = [];
  let count = 0;
  for (const record of records) {
    rows.push(toRow(record));
    if (rows.length >= SLICE) {
      await insertRows(tx, table, columns, rows);
      count += rows.length;
      rows = [];
    }
  }
  await insertRows(tx, table, columns, rows);
  return count + rows.length;
}

function* flatMap<T, U>(items: Iterable<T>, map: (item: T) => Iterable<U>): Generator<U> {
  for (const item of items) yield* map(item);
}

async function seedResources(tx: EntityManager, world: World): Promise<Record<string, number>> {
  const resources = await insertAll(
    tx,
    'resource',
    ['id', 'provider_id', 'community_id', 'kind', 'name', 'description', 'capacity', 'address', 'opening_hours'],
    world.resources(),
    (r) => [
      r.id,
      r.providerId,
      r.communityId,
      r.kind,
      r.name,
      r.description,
      r.capacity,
      r.address,
      JSON.stringify(coBuilding.openingHoursFor(r.kind)),
    ],
  );
  const bookings = await insertAll(
    tx,
    'booking',
    [
      'id',
      'resource_id',
      'booked_by_id',
      'activity_id',
      'purpose',
      'starts_at',
      'ends_at',
      'headcount',
      'status',
      'cancelled_at',
      'cancellation_reason_code',
    ],
    coBuilding.bookings(world),
    (b) => [
      b.id,
      b.resourceId,
      b.bookedById,
      b.activityId,
      b.purpose,
      b.startsAt,
      b.endsAt,
      b.headcount,
      b.status,
      b.cancelledAt,
      b.cancellationReasonCode,
    ],
  );
  return { resources, bookings };
}

async function seedAgreements(tx: EntityManager, world: World): Promise<Record<string, number>> {
  const agreements = await insertAll(
    tx,
    'agreement',
    [
      'id',
      'community_id',
      'community_organization_id',
      'partner_unit_id',
      'partner_organization_id',
      'title',
      'signed_on',
      'valid_from',
      'valid_to',
      'status',
      'community_liaison_id',
      'unit_liaison_id',
      'terminated_on',
      'termination_reason',
      'termination_reason_code',
    ],
    coBuilding.agreements(world),
    (a) => [
      a.id,
      a.communityId,
      a.communityOrganizationId,
      a.partnerUnitId,
      a.partnerOrganizationId,
      a.title,
      a.signedOn,
      a.validFrom,
      a.validTo,
      a.status,
      a.communityLiaisonId,
      a.unitLiaisonId,
      a.terminatedOn,
      a.terminationReason,
      a.terminationReasonCode,
    ],
  );
  const commitments = flatMap(coBuilding.agreements(world), (a) => a.commitments.map((c) => ({ agreementId: a.id, ...c })));
  const commitmentCount = await insertAll(
    tx,
    'commitment',
    ['id', 'agreement_id', 'side', 'position', 'item', 'due_by', 'status', 'completed_on'],
    commitments,
    (c) => [c.id, c.agreementId, c.side, c.position, c.item, c.dueBy, c.status, c.completedOn],
  );
  const notes = flatMap(coBuilding.agreements(world), (a) =>
    a.commitments.flatMap((c) => c.notes.map((n) => ({ commitmentId: c.id, ...n }))),
  );
  const noteCount = await insertAll(tx, 'commitment_note', ['id', 'commitment_id', 'status', 'note', 'recorded_on'], notes, (n) => [
    n.id,
    n.commitmentId,
    n.status,
    n.note,
    n.recordedOn,
  ]);
  return { agreements, commitments: commitmentCount, notes: noteCount };
}

async function seedNeeds(tx: EntityManager, world: World): Promise<Record<string, number>> {
  const needs = await insertAll(
    tx,
    'need',
    ['id', 'community_id', 'title', 'category', 'description', 'status', 'raised_on', 'resolved_on'],
    coBuilding.needs(world),
    (n) => [n.id, n.communityId, n.title, n.category, n.description, n.status, n.raisedOn, n.resolvedOn],
  );
  const projects = flatMap(coBuilding.needs(world), (n) => (n.project ? [{ needId: n.id, communityId: n.communityId, ...n.project }] : []));
  const projectCount = await insertAll(
    tx,
    'project',
    ['id', 'need_id', 'community_id', 'title', 'partner_unit_ids', 'status', 'planned_on', 'started_on', 'completed_on', 'outcome'],
    projects,
    (p) => [p.id, p.needId, p.communityId, p.title, p.partnerUnitIds, p.status, p.plannedOn, p.startedOn, p.completedOn, p.outcome],
  );
  const links = flatMap(coBuilding.needs(world), (n) =>
    n.project ? n.project.resourceIds.map((resourceId) => [n.project!.id, resourceId]) : [],
  );
  await insertAll(tx, 'project_resource', ['project_id', 'resource_id'], links, (link) => link);
  const meetings = await insertAll(
    tx,
    'joint_meeting',
    ['id', 'convener_id', 'title', 'held_on', 'attending_unit_ids', 'resolutions', 'plan_items'],
    coBuilding.jointMeetings(world),
    (m) => [m.id, m.convenerId, m.title, m.heldOn, m.attendingUnitIds, m.resolutions, JSON.stringify(m.planItems)],
  );
  return { needs, projects: projectCount, jointMeetings: meetings };
}

/** The events a need's story wrote: raised, and its project planned, started, completed. */
function needHistory(n: coBuilding.NeedRecord): DomainEvent[] {
  const events = [needEvents.raised(n as Need)];
  if (!n.project) return events;
  const project = { ...n.project, needId: n.id, communityId: n.communityId } as Project;
  events.push(needEvents.projectPlanned(project, n.project.resourceIds, n.category as NeedCategory));
  if (n.project.startedOn) events.push(needEvents.projectStarted(project, n.project.startedOn));
  if (n.project.completedOn) events.push(needEvents.projectCompleted(project, n.project.completedOn));
  return events;
}

/** An agreement's signing and, when it ended early, its termination (liaisons are named by id only, so no names to scrub). */
function agreementHistory(a: coBuilding.AgreementRecord): DomainEvent[] {
  const agreement = a as unknown as Agreement;
  const signed = agreementEvents.signed(agreement, a.commitments.length, []);
  return a.status === 'TERMINATED' ? [signed, ...agreementEvents.terminated(agreement, [])] : [signed];
}

/** The history the rows stand for, through the outbox in order (docs/events.md), a slice at a time. */
async function emitHistory(outbox: Outbox, events: Iterable<DomainEvent>): Promise<void> {
  let slice: DomainEvent[] = [];
  for (const event of events) {
    slice.push(event);
    if (slice.length >= SLICE) {
      await outbox.emitBulk(slice);
      slice = [];
    }
  }
  await outbox.emitBulk(slice);
}

/** Writes this service's slice of the demo district (co-building); skips a non-empty database. */
export async function seedWorld(db: DataSource, world: World, logger: Logger): Promise<void> {
  if (!(await isEmpty(db.manager, 'resource'))) {
    logger.info('resources already has data; seed skipped');
    return;
  }
  const counts = await db.transaction(async (tx) => {
    const written = { ...(await seedResources(tx, world)), ...(await seedAgreements(tx, world)), ...(await seedNeeds(tx, world)) };
    // Venue bookings are left out: calendar entries, which no consumer counts (their figures are a query).
    const outbox = new Outbox(tx);
    await emitHistory(
      outbox,
      flatMap(world.resources(), (r) => [resourceEvents.published(r as Resource)]),
    );
    await emitHistory(outbox, flatMap(coBuilding.agreements(world), agreementHistory));
    await emitHistory(outbox, flatMap(coBuilding.needs(world), needHistory));
    return written;
  });
  logger.info(counts, 'resources seeded');
}
