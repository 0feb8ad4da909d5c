import type { DataSource, EntityManager } from 'typeorm';
import { insertRows, isEmpty, Outbox, type DomainEvent, type Logger } from '@cpb/kit';
import { attendanceChunks, volunteerActivities, volunteerTeams, type AttendanceRecord, type World } from '@cpb/demo-world';
import { serviceHours } from './domain/service-hours';
import type { Activity, Participation, ServiceHours, TeamMembership, VolunteerTeam } from './entities';
import { activityEvents, participationEvents, teamEvents } from './events';

async function seedTeams(tx: EntityManager, outbox: Outbox, world: World): Promise<number> {
  const teams: unknown[][] = [];
  const memberships: unknown[][] = [];
  const events: DomainEvent[] = [];
  for (const { team, memberships: members } of volunteerTeams(world)) {
    teams.push([team.id, team.name, team.specialty, team.organizationId, team.communityId, team.leaderId, team.foundedOn]);
    events.push(teamEvents.created(team as VolunteerTeam));
    for (const m of members) {
      memberships.push([m.id, m.teamId, m.memberId, m.joinedOn, m.leftOn]);
      events.push(teamEvents.memberJoined(m as TeamMembership));
      if (m.leftOn) events.push(teamEvents.memberLeft(m as TeamMembership, m.leftOn));
    }
  }
  await insertRows(tx, 'volunteer_team', ['id', 'name', 'specialty', 'organization_id', 'community_id', 'leader_id', 'founded_on'], teams);
  await insertRows(tx, 'team_membership', ['id', 'team_id', 'member_id', 'joined_on', 'left_on'], memberships);
  await outbox.emitBulk(events);
  return teams.length;
}

async function seedActivities(tx: EntityManager, outbox: Outbox, world: World): Promise<number> {
  const rows: unknown[][] = [];
  const published: DomainEvent[] = [];
  for (const a of volunteerActivities(world)) {
    published.push(activityEvents.published(asActivity(a)));
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
  await outbox.emitBulk(published);
  return rows.length;
}

/**
 * One activity's story after its publication, as its mutations told it, in order (its events share its
 * key): the sign-ups, then, once held, completed with its outcome and each attendee's hours credited. Check-ins
 * and check-outs are left out: their times are in the rows, and a district's million participations
 * would add two million events that no consumer counts.
 */
class ActivityStories {
  private current: { activity: AttendanceRecord['activity']; credited: { p: AttendanceRecord; hours: number | null }[] } | null = null;
  readonly events: DomainEvent[] = [];

  add(p: AttendanceRecord, hours: number | null): void {
    if (this.current?.activity.id !== p.activity.id) {
      this.close();
      this.current = { activity: p.activity, credited: [] };
    }
    this.events.push(participationEvents.signedUp({ ...p, activityId: p.activity.id, hours: null, creditedAt: null } as Participation));
    this.current.credited.push({ p, hours });
  }

  /** Ends the activity in hand: completed, then the hours credited. */
  close(): void {
    const story = this.current;
    this.current = null;
    if (!story?.activity.completedAt) return;
    const ledger = story.credited.filter((c) => c.hours !== null).map(({ p, hours }) => ledgerEntry(p, hours!));
    const hours = Math.round(ledger.reduce((sum, h) => sum + h.hours, 0) * 100) / 100;
    const outcome = { attended: ledger.length, noShows: story.credited.length - ledger.length, hours };
    this.events.push(activityEvents.completed(asActivity(story.activity), story.activity.completedAt, outcome));
    this.events.push(...ledger.map(participationEvents.hoursCredited));
  }

  take(): DomainEvent[] {
    return this.events.splice(0);
  }
}

const asActivity = (a: AttendanceRecord['activity']) => ({ ...a, venueBookingId: null }) as Activity;

function ledgerEntry(p: AttendanceRecord, hours: number): ServiceHours {
  return {
    participationId: p.id,
    activityId: p.activity.id,
    memberId: p.memberId,
    communityId: p.activity.communityId,
    organizerId: p.activity.organizerId,
    teamId: p.activity.teamId,
    servedAt: p.activity.startsAt,
    hours,
  } as ServiceHours;
}

/** Participations with their credited hours (by the service's own rule) and the ledger rows dashboards count. */
async function seedParticipations(tx: EntityManager, outbox: Outbox, world: World): Promise<number> {
  let count = 0;
  const stories = new ActivityStories();
  for (const chunk of attendanceChunks(world)) {
    const credited = chunk.map((p) => ({ p, hours: hoursOf(p) }));
    for (const { p, hours } of credited) stories.add(p, hours);
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
    await outbox.emitBulk(stories.take());
    count += chunk.length;
  }
  stories.close();
  await outbox.emitBulk(stories.take());
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
    // The history the rows stand for, through the outbox in order (docs/events.md).
    const outbox = new Outbox(tx);
    const teams = await seedTeams(tx, outbox, world);
    const activities = await seedActivities(tx, outbox, world);
    const participations = await seedParticipations(tx, outbox, world);
    // Counts follow from the rows just written, so they can never disagree with them.
    await tx.query(
      `UPDATE activity a SET signed_up_count = c.n FROM (SELECT activity_id, count(*)::int AS n FROM participation WHERE status <> 'CANCELLED' GROUP BY activity_id) c WHERE a.id = c.activity_id`,
    );
    logger.info({ teams, activities, participations }, 'activities seeded');
  });
}
