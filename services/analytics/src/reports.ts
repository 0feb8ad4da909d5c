import type { DataSource } from 'typeorm';
import { skippedTotals } from './skipped';

export interface VolunteeringMonth {
  /** `YYYY-MM` in the read model's time zone. */
  month: string;
  volunteerHours: number;
  participations: number;
}

export interface CommunityFigures {
  communityId: string;
  /** Null until the community's `community.created` event has been read (communities seeded before events existed). */
  name: string | null;
  streetId: string | null;
  /** Members living in the community (as the census counts them). */
  members: number;
  /** Registrations with the community (在职党员到社区报到): every one ever made, and those not ended. */
  registrations: { total: number; active: number };
  /** Needs raised (需求清单) and not yet resolved by a completed project, and those resolved. */
  needs: { open: number; resolved: number };
  volunteerHours: number;
  participations: number;
}

/** How far the read model has got: dashboards show it so nobody mistakes a stale figure for a current one. */
export interface AsOf {
  eventsApplied: number;
  /** The latest `time` of an applied event. */
  lastEventTime: string | null;
  /** Events (or properties) read but not used: details at GET /read-model/skipped. */
  skipped: Awaited<ReturnType<typeof skippedTotals>>;
}

export interface CommunityReport extends CommunityFigures {
  months: VolunteeringMonth[];
  asOf: AsOf;
}

export interface DistrictSummary {
  totals: Omit<CommunityFigures, 'communityId' | 'name' | 'streetId'> & { communities: number };
  months: VolunteeringMonth[];
  communities: CommunityFigures[];
  asOf: AsOf;
}

/** Each community's figures, or one community's with `$1`; each aggregate is filtered before it groups. */
const FIGURES = `
  SELECT c.community_id, c.name, c.street_id,
         coalesce(m.members, 0) AS members, coalesce(r.total, 0) AS registrations, coalesce(r.active, 0) AS active_registrations,
         coalesce(n.open, 0) AS open_needs, coalesce(n.resolved, 0) AS resolved_needs,
         coalesce(v.hours, 0) AS volunteer_hours, coalesce(v.participations, 0) AS participations
  FROM community c
  LEFT JOIN (SELECT community_id, count(*)::int AS members
             FROM member_residence WHERE $1::uuid IS NULL OR community_id = $1 GROUP BY community_id) m USING (community_id)
  LEFT JOIN (SELECT community_id, count(*) FILTER (WHERE registered)::int AS total, count(*) FILTER (WHERE registered AND NOT ended)::int AS active
             FROM registration WHERE $1::uuid IS NULL OR community_id = $1 GROUP BY community_id) r USING (community_id)
  LEFT JOIN (SELECT community_id, count(*) FILTER (WHERE raised AND NOT resolved)::int AS open, count(*) FILTER (WHERE resolved)::int AS resolved
             FROM need WHERE $1::uuid IS NULL OR community_id = $1 GROUP BY community_id) n USING (community_id)
  LEFT JOIN (SELECT community_id, sum(volunteer_hours) AS hours, sum(participations)::int AS participations
             FROM community_month WHERE $1::uuid IS NULL OR community_id = $1 GROUP BY community_id) v USING (community_id)
  WHERE $1::uuid IS NULL OR c.community_id = $1
  ORDER BY c.name NULLS LAST, c.community_id`;

const MONTHS = `
  SELECT month, sum(volunteer_hours) AS volunteer_hours, sum(participations)::int AS participations
  FROM community_month WHERE $1::uuid IS NULL OR community_id = $1
  GROUP BY month ORDER BY month`;

interface FiguresRow {
  community_id: string;
  name: string | null;
  street_id: string | null;
  members: number;
  registrations: number;
  active_registrations: number;
  open_needs: number;
  resolved_needs: number;
  volunteer_hours: string;
  participations: number;
}

/** Hours are exact `numeric` in the database; two decimals is what the activities service credits. */
const hours = (value: string | number): number => Math.round(Number(value) * 100) / 100;

function figures(row: FiguresRow): CommunityFigures {
  return {
    communityId: row.community_id,
    name: row.name,
    streetId: row.street_id,
    members: row.members,
    registrations: { total: row.registrations, active: row.active_registrations },
    needs: { open: row.open_needs, resolved: row.resolved_needs },
    volunteerHours: hours(row.volunteer_hours),
    participations: row.participations,
  };
}

async function months(db: DataSource, communityId: string | null): Promise<VolunteeringMonth[]> {
  const rows: { month: string; volunteer_hours: string; participations: number }[] = await db.query(MONTHS, [communityId]);
  return rows.map((row) => ({ month: row.month, volunteerHours: hours(row.volunteer_hours), participations: row.participations }));
}

async function asOf(db: DataSource): Promise<AsOf> {
  const [row]: { events_applied: string; last_event_time: Date | null }[] = await db.query(
    `SELECT events_applied, last_event_time FROM read_model_state`,
  );
  return {
    eventsApplied: Number(row.events_applied),
    lastEventTime: row.last_event_time?.toISOString() ?? null,
    skipped: await skippedTotals(db),
  };
}

/** One community's figures and months; undefined when no event has named it. */
export async function communityReport(db: DataSource, communityId: string): Promise<CommunityReport | undefined> {
  const [row]: FiguresRow[] = await db.query(FIGURES, [communityId]);
  if (!row) return undefined;
  return { ...figures(row), months: await months(db, communityId), asOf: await asOf(db) };
}

/** The district: totals, months, and every community's figures. */
export async function districtSummary(db: DataSource): Promise<DistrictSummary> {
  const communities = ((await db.query(FIGURES, [null])) as FiguresRow[]).map(figures);
  const sum = (pick: (c: CommunityFigures) => number) => communities.reduce((total, c) => total + pick(c), 0);
  return {
    totals: {
      communities: communities.length,
      members: sum((c) => c.members),
      registrations: { total: sum((c) => c.registrations.total), active: sum((c) => c.registrations.active) },
      needs: { open: sum((c) => c.needs.open), resolved: sum((c) => c.needs.resolved) },
      volunteerHours: hours(sum((c) => c.volunteerHours)),
      participations: sum((c) => c.participations),
    },
    months: await months(db, null),
    communities,
    asOf: await asOf(db),
  };
}
