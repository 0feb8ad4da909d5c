import type { EntityManager } from 'typeorm';
import type { Activity, Participation, TeamMembership, VolunteerTeam } from '../entities';

/**
 * Column lists with the casts that give plain records: dates as YYYY-MM-DD text (pg would make
 * local-midnight Dates of them) and numeric hours as float8 (pg would make strings of them).
 */
export const ACTIVITY_COLUMNS = (a: string) =>
  `${a}.id, ${a}.title, ${a}.kind, ${a}.status, ${a}.organizer_id, ${a}.community_id, ${a}.team_id, ${a}.co_organizer_ids, ${a}.venue_booking_id, ${a}.place,
   ${a}.starts_at, ${a}.ends_at, ${a}.capacity, ${a}.signed_up_count, ${a}.completed_at`;
export const PARTICIPATION_COLUMNS = (p: string) =>
  `${p}.id, ${p}.activity_id, ${p}.member_id, ${p}.status, ${p}.signed_up_at, ${p}.checked_in_at, ${p}.checked_out_at, ${p}.hours::float8 AS hours, ${p}.credited_at`;
export const TEAM_COLUMNS = (t: string) =>
  `${t}.id, ${t}.name, ${t}.specialty, ${t}.organization_id, ${t}.community_id, ${t}.leader_id, ${t}.founded_on::text AS founded_on, ${t}.disbanded_on::text AS disbanded_on`;
export const MEMBERSHIP_COLUMNS = (m: string) =>
  `${m}.id, ${m}.team_id, ${m}.member_id, ${m}.joined_on::text AS joined_on, ${m}.left_on::text AS left_on`;

type Row = Record<string, unknown>;

export function toActivity(row: Row): Activity {
  return {
    id: row.id as string,
    title: row.title as string,
    kind: row.kind as Activity['kind'],
    status: row.status as Activity['status'],
    organizerId: row.organizer_id as string,
    communityId: row.community_id as string,
    teamId: (row.team_id as string | null) ?? null,
    coOrganizerIds: (row.co_organizer_ids as string[] | null) ?? [],
    venueBookingId: (row.venue_booking_id as string | null) ?? null,
    place: (row.place as string | null) ?? null,
    startsAt: row.starts_at as Date,
    endsAt: row.ends_at as Date,
    capacity: row.capacity as number,
    signedUpCount: row.signed_up_count as number,
    completedAt: (row.completed_at as Date | null) ?? null,
  };
}

export function toParticipation(row: Row): Participation {
  return {
    id: row.id as string,
    activityId: row.activity_id as string,
    memberId: row.member_id as string,
    status: row.status as Participation['status'],
    signedUpAt: row.signed_up_at as Date,
    checkedInAt: (row.checked_in_at as Date | null) ?? null,
    checkedOutAt: (row.checked_out_at as Date | null) ?? null,
    hours: (row.hours as number | null) ?? null,
    creditedAt: (row.credited_at as Date | null) ?? null,
  };
}

export function toTeam(row: Row): VolunteerTeam {
  return {
    id: row.id as string,
    name: row.name as string,
    specialty: row.specialty as VolunteerTeam['specialty'],
    organizationId: row.organization_id as string,
    communityId: (row.community_id as string | null) ?? null,
    leaderId: row.leader_id as string,
    foundedOn: row.founded_on as string,
    disbandedOn: (row.disbanded_on as string | null) ?? null,
  };
}

export function toMembership(row: Row): TeamMembership {
  return {
    id: row.id as string,
    teamId: row.team_id as string,
    memberId: row.member_id as string,
    joinedOn: row.joined_on as string,
    leftOn: (row.left_on as string | null) ?? null,
  };
}

/** The rows an UPDATE ... RETURNING gave back: TypeORM hands UPDATE results over as [rows, rowCount]. */
export async function updateReturning(tx: EntityManager, sql: string, params: unknown[]): Promise<Row[]> {
  const [rows] = (await tx.query(sql, params)) as [Row[], number];
  return rows;
}
