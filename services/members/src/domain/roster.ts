import type { DataSource } from 'typeorm';
import { check, requireRole, type Actor } from '@cpb/kit';

/** One member an organisation held on a day, and whether they were still on probation (预备党员, no vote). */
export interface RosterEntry {
  memberId: string;
  probationary: boolean;
}

/**
 * The members an organisation held on `on`, for the organizations service's meeting records (三会一课):
 * who was expected and who could vote. Membership on a day is read back from the transfers: a member
 * whose relationship left the organisation after that day (a completed transfer) was still its member
 * then; one who arrived after it was not. Only a service may ask (the field is hidden from the gateway).
 */
export async function organizationRoster(
  dataSource: DataSource,
  actor: Actor,
  args: { organizationId: string; on: string },
): Promise<RosterEntry[]> {
  requireRole(actor);
  const organizationId = check.uuid('organizationId', args.organizationId);
  const on = check.isoDate('on', args.on);
  // Candidates: held now, or sent away after `on` (both through indexes); then who held each on `on`.
  const rows: { member_id: string; probationary: boolean }[] = await dataSource.query(
    `WITH candidate AS (
       SELECT id FROM member WHERE organization_id = $1
       UNION SELECT member_id FROM transfer WHERE from_organization_id = $1 AND status = 'COMPLETED' AND completed_on > $2
     )
     SELECT m.id AS member_id, (m.status = 'PROBATIONARY' OR COALESCE(m.converted_on > $2, false)) AS probationary
     FROM member m JOIN candidate c ON c.id = m.id
     LEFT JOIN LATERAL (
       SELECT t.from_organization_id FROM transfer t
       WHERE t.member_id = m.id AND t.status = 'COMPLETED' AND t.completed_on > $2
       ORDER BY t.completed_on, t.created_at LIMIT 1
     ) later ON true
     WHERE m.joined_on <= $2 AND COALESCE(later.from_organization_id, m.organization_id) = $1
     ORDER BY m.id`,
    [organizationId, on],
  );
  return rows.map((r) => ({ memberId: r.member_id, probationary: r.probationary }));
}
