import type { DataSource, EntityManager } from 'typeorm';
import { insertRows, isEmpty, Outbox, type Logger } from '@cpb/kit';
import { organizationalLife, worldId, type DemoMeetingRecord, type World } from '@cpb/demo-world';
import type {
  Community,
  Grid,
  InstructorAssignment,
  Meeting,
  MeetingAttendance,
  Organization,
  Position,
  ResidentUnit,
  Street,
} from './entities';
import { meetingEvents, organizationEvents, positionEvents, structureEvents } from './events';

/** Writes this service's slice of the demo district (streets to organisations); skips a non-empty database. */
export async function seedWorld(db: DataSource, world: World, logger: Logger): Promise<void> {
  if (!(await isEmpty(db.manager, 'street'))) {
    logger.info('organizations already has data; seed skipped');
    return;
  }
  await db.transaction(async (tx) => {
    // The history the rows stand for goes through the outbox in the order it happened (docs/events.md):
    // a consumer reading the topics from the beginning rebuilds the same district.
    const outbox = new Outbox(tx);
    const streets = [...world.streets()];
    await insertRows(
      tx,
      'street',
      ['id', 'name', 'district'],
      streets.map((s) => [s.id, s.name, s.district]),
    );
    await outbox.emitBulk(streets.map((s) => structureEvents.streetCreated(s as Street)));
    const communities = [...world.communities()];
    await insertRows(
      tx,
      'community',
      ['id', 'street_id', 'name'],
      communities.map((c) => [c.id, c.streetId, c.name]),
    );
    const grids = communities.flatMap((c, i) => c.grids.map((name, g) => ({ id: worldId('grid', i * 100 + g), communityId: c.id, name })));
    await insertRows(
      tx,
      'grid',
      ['id', 'community_id', 'name'],
      grids.map((g) => [g.id, g.communityId, g.name]),
    );
    await outbox.emitBulk([
      ...communities.map((c) => structureEvents.communityCreated(c as Community)),
      ...grids.map((g) => structureEvents.gridCreated(g as Grid)),
    ]);
    const units = [...world.residentUnits()];
    await insertRows(
      tx,
      'resident_unit',
      ['id', 'community_id', 'name', 'category'],
      units.map((u) => [u.id, u.communityId, u.name, u.category]),
    );
    await outbox.emitBulk(units.map((u) => structureEvents.residentUnitCreated(u as ResidentUnit)));
    const streetOfCommittee = new Map([...world.streets()].map((s) => [s.committeeId, s.id]));
    const paths = new Map<string, string>();
    const rows: unknown[][] = [];
    const created = [];
    for (const o of world.organizations()) {
      created.push(organizationEvents.created(o as Organization));
      const path = `${o.parentId ? paths.get(o.parentId) : '/'}${o.id}/`;
      paths.set(o.id, path);
      const communityRoot = o.scope === 'COMMUNITY' && o.parentId !== null && streetOfCommittee.has(o.parentId);
      rows.push([
        o.id,
        o.name,
        o.kind,
        o.scope,
        o.parentId,
        path,
        streetOfCommittee.get(o.id) ?? null,
        o.communityId,
        o.residentUnitId,
        communityRoot,
        o.establishedOn,
      ]);
    }
    await insertRows(
      tx,
      'organization',
      [
        'id',
        'name',
        'kind',
        'scope',
        'parent_id',
        'path',
        'street_id',
        'community_id',
        'resident_unit_id',
        'community_root',
        'established_on',
      ],
      rows,
    );
    await outbox.emitBulk(created);
    const linked = units.filter((u) => u.organizationId);
    await outbox.emitBulk(linked.map((u) => structureEvents.residentUnitLinked(u as ResidentUnit, u.organizationId!)));
    for (let i = 0; i < linked.length; i += 5000) {
      const batch = linked.slice(i, i + 5000);
      await tx.query(
        `UPDATE resident_unit u SET organization_id = l.org FROM unnest($1::uuid[], $2::uuid[]) AS l(id, org) WHERE u.id = l.id`,
        [batch.map((u) => u.id), batch.map((u) => u.organizationId)],
      );
    }
    const appointed = [...world.positions()];
    const positions = appointed.map((p) => [
      p.id,
      p.organizationId,
      p.memberId,
      p.role,
      p.fromUnitId,
      p.alsoChairsResidentsCommittee,
      p.startsOn,
    ]);
    await insertRows(
      tx,
      'position',
      ['id', 'organization_id', 'member_id', 'role', 'from_unit_id', 'also_chairs_residents_committee', 'starts_on'],
      positions,
    );
    await outbox.emitBulk(appointed.map((p) => positionEvents.appointed(p as Position)));
    const assigned = [...world.instructors()];
    const instructors = assigned.map((a) => [a.id, a.residentUnitId, a.memberId, a.startsOn]);
    await insertRows(tx, 'instructor_assignment', ['id', 'resident_unit_id', 'member_id', 'starts_on'], instructors);
    await outbox.emitBulk(assigned.map((a) => structureEvents.instructorAssigned(a as InstructorAssignment)));
    await seedOrganizationalLife(tx, outbox, world);
  });
  logger.info({ members: world.shape.members }, 'organizations seeded');
}

/** The branches' meetings (三会一课) with their first version and attendance, a few hundred meetings at a time. */
async function seedOrganizationalLife(tx: EntityManager, outbox: Outbox, world: World): Promise<void> {
  let batch: DemoMeetingRecord[] = [];
  const flush = async () => {
    await insertRows(
      tx,
      'meeting',
      ['id', 'organization_id', 'type', 'starts_at', 'status', 'version'],
      batch.map((m) => [m.id, m.organizationId, m.type, m.startsAt, 'HELD', 1]),
    );
    await insertRows(
      tx,
      'meeting_version',
      ['meeting_id', 'version', 'place', 'topic', 'host_member_id', 'recorded_by', 'recorded_at'],
      batch.map((m) => [m.id, 1, m.place, m.topic, m.hostMemberId, 'demo-seed', m.startsAt]),
    );
    await insertRows(
      tx,
      'meeting_attendance',
      ['meeting_id', 'version', 'member_id', 'status', 'leave_reason', 'can_vote'],
      batch.flatMap((m) => m.attendance.map((a) => [m.id, 1, a.memberId, a.status, a.leaveReason, a.canVote])),
    );
    await outbox.emitBulk(
      batch.map((m) =>
        meetingEvents.recorded({ ...m, version: 1, status: 'HELD', cancelReason: null } as Meeting, m.attendance as MeetingAttendance[]),
      ),
    );
    batch = [];
  };
  for (const meeting of organizationalLife(world)) {
    batch.push(meeting);
    if (batch.length >= 500) await flush();
  }
  if (batch.length) await flush();
}
