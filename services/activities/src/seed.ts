import type { DataSource, EntityManager } from 'typeorm';
import { insertRows, isEmpty, type Logger } from '@cpb/kit';
import { attendanceChunks, volunteerActivities, volunteerTeams, type AttendanceRecord, type World } from '@cpb/demo-world';
import { serviceHours } from './domain/service-hours';

async function seedTeams(tx: EntityManager, world: World): Promise<number> {
  const teams: unknown[][] = [];
  const memberships: unknown[][] = [];
  for (const { team, memberships: members } of volunteerTeams(world)) {
    teams.push([team.id, team.name, team.specialty, team.organizationId, team.communityId, team.leaderId, team.foundedOn]);
    for (const m of members) memberships.push([m.id, m.teamId, m.memberId, m.joinedOn, m.leftOn]);
  }
  await insertRows(tx, 'volunteer_team', ['id', 'name', 'specialty', 'organization_id', 'community_id', 'leader_id', 'founded_on'], teams);
  await insertRows(tx, 'team_membership', ['id', 'team_id', 'member_id', 'joined_on', 'left_on'], memberships);
  return teams.length;
}

async function seedActivities(tx: EntityManager, world: World): Promise<number> {
  const rows: unknown[][] = [];
  for (const a of volunteerActivities(world)) {
    rows.push([
      a.id,
      a.title,
      a.kind,
      a.status,
      a.organizerId,
      a.communityId,
      a.teamId,
      a.coOrganizerIds,
      a.place,
      a.startsAt,
      a.endsAt,
      a.capacity,
      a.completedAt,
    ]);
  }
  const columns = [
    'id',
    'title',
    'kind',
    'status',
    'organizer_id',
    'community_id',
    'team_id',
    'co_organizer_ids',
    'place',
    'starts_at',
    'ends_at',
    'capacity',
    'completed_at',
  ];
  await insertRows(tx, 'activity', columns, rows);
  return rows.length;
}

/** Participations with their credited hours (by the service's own rule) and the ledger rows dashboards count. */
async function seedParticipations(tx: EntityManager, world: World): Promise<number> {
  let count = 0;
  for (const chunk of attendanceChunks(world)) {
    const credited = chunk.map((p) => ({ p, hours: hoursOf(p) }));
    const rows = credited.map(({ p, hours }) => [
      p.id,
      p.activity.id,
      p.memberId,
      p.status,
      p.signedUpAt,
      p.checkedInAt,
      p.checkedOutAt,
      hours,
      hours === null ? null : p.activity.completedAt,
    ]);
    await insertRows(
      tx,
      'participation',
      ['id', 'activity_id', 'member_id', 'status', 'signed_up_at', 'checked_in_at', 'checked_out_at', 'hours', 'credited_at'],
      rows,
    );
    const ledger = credited
      .filter(({ hours }) => hours !== null)
      .map(({ p, hours }) => [
        p.id,
        p.activity.id,
        p.memberId,
        p.activity.communityId,
        p.activity.organizerId,
        p.activity.teamId,
        p.activity.startsAt,
        hours,
      ]);
    await insertRows(
      tx,
      'service_hours',
      ['participation_id', 'activity_id', 'member_id', 'community_id', 'organizer_id', 'team_id', 'served_at', 'hours'],
      ledger,
    );
    count += chunk.length;
  }
  return count;
}

function hoursOf(p: AttendanceRecord): number | null {
  if (p.status !== 'ATTENDED' || !p.checkedInAt || !p.activity.completedAt) return null;
  return serviceHours(p.activity, p.checkedInAt, p.checkedOutAt, p.activity.completedAt);
}

/** Writes this service's slice of the demo district (teams, activities, participations, hours); skips a non-empty database. */
export async function seedWorld(db: DataSource, world: World, logger: Logger): Promise<void> {
  if (!(await isEmpty(db.manager, 'activity'))) {
    logger.info('activities already has data; seed skipped');
    return;
  }
  await db.transaction(async (tx) => {
    const teams = await seedTeams(tx, world);
    const activities = await seedActivities(tx, world);
    const participations = await seedParticipations(tx, world);
    // Counts follow from the rows just written, so they can never disagree with them.
    await tx.query(
      `UPDATE activity a SET signed_up_count = c.n FROM (SELECT activity_id, count(*)::int AS n FROM participation WHERE status <> 'CANCELLED' GROUP BY activity_id) c WHERE a.id = c.activity_id`,
    );
    logger.info({ teams, activities, participations }, 'activities seeded');
  });
}
