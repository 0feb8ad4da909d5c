import type { DataSource } from 'typeorm';
import type { AuditScope } from '@cpb/kit';

/** Which of this service's audit rows (structure and tree events) lie in a street administrator's street. */
export const auditTargets: AuditScope['targets'] = {
  organization: 'SELECT id::text FROM organization WHERE id = ANY(:organizations)',
  street: 'SELECT street_id::text FROM organization WHERE id = ANY(:organizations) AND street_id IS NOT NULL',
  community: 'SELECT id::text FROM community WHERE id = ANY(:communities)',
  'resident-unit': 'SELECT id::text FROM resident_unit WHERE community_id = ANY(:communities)',
};

/** The subtree from this service's own tables: its organisations, and the communities of their streets and their own. */
export const auditScope = (db: DataSource): AuditScope => ({
  targets: auditTargets,
  async subtree(actor) {
    if (!actor.orgId) return { organizationIds: [], communityIds: [] };
    const [row]: { organizations: string[] | null; communities: string[] | null }[] = await db.query(
      `WITH s AS (SELECT o.* FROM organization r JOIN organization o ON o.path >= r.path AND o.path < r.path || '~' WHERE r.id = $1)
       SELECT (SELECT array_agg(id) FROM s) AS organizations,
              (SELECT array_agg(DISTINCT c.id) FROM community c WHERE c.id IN (SELECT community_id FROM s) OR c.street_id IN (SELECT street_id FROM s)) AS communities`,
      [actor.orgId],
    );
    return { organizationIds: row?.organizations ?? [], communityIds: row?.communities ?? [] };
  },
});
