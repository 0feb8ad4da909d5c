import type { DataSource } from 'typeorm';
import { requireRole, type Actor } from '../auth';
import { readPage, toConnection, type Connection, type PageArgs } from '../graphql';

export interface AuditEntry {
  actorSub: string;
  actorRole: string;
  action: string;
  targetType: string;
  targetId: string;
  eventId: string;
  at: string;
}

type AuditKey = [string, string];

/** A service's audit trail, newest first: only street and district administrators may read it. */
export async function readAuditTrail(db: DataSource, actor: Actor, args: PageArgs & { targetId?: string | null }): Promise<Connection<AuditEntry>> {
  requireRole(actor, 'DISTRICT_ADMIN', 'STREET_ADMIN');
  const page = readPage<AuditKey>(args);
  const params: unknown[] = [page.limit + 1];
  const where: string[] = [];
  if (args.targetId) where.push(`target_id = $${params.push(args.targetId)}`);
  if (page.after) where.push(`(at, seq) < ($${params.push(page.after[0])}::timestamptz, $${params.push(page.after[1])}::bigint)`);
  const rows: { seq: string; actor_sub: string; actor_role: string; action: string; target_type: string; target_id: string; event_id: string; at: Date }[] = await db.query(
    `SELECT seq, actor_sub, actor_role, action, target_type, target_id, event_id, at FROM audit_log
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, seq DESC LIMIT $1`,
    params,
  );
  const entries = rows.map((r) => ({ seq: r.seq, actorSub: r.actor_sub, actorRole: r.actor_role, action: r.action, targetType: r.target_type, targetId: r.target_id, eventId: r.event_id, at: r.at.toISOString() }));
  return toConnection(entries, page, (e) => [e.at, e.seq]);
}
