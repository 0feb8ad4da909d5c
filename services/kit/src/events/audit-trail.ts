import type { DataSource } from 'typeorm';
import { requireRole, seesAll, type Actor } from '../auth';
import { readPage, toConnection, type Connection, type PageArgs } from '../graphql';
import { keyset, type SortKey } from '../database/keyset';
import type { Peers } from '../peers';

/** The part of the tree an administrator oversees: its organisations and the communities they belong to. */
export interface Subtree {
  organizationIds: string[];
  communityIds: string[];
}

/**
 * How a service tells which of its audit rows a street administrator may read: for each target type
 * it records, a query of the target ids (as text) lying in a subtree, given its organisation ids as
 * `:organizations` and its community ids as `:communities` (both uuid[]). A target type not listed is
 * seen by district administrators only. Scope follows the targets as they are now (a member who moved
 * streets takes their history along).
 */
export interface AuditScope {
  targets: Record<string, string>;
  subtree(actor: Actor): Promise<Subtree>;
}

/** A street administrator's subtree as the peer that owns the organisation tree knows it now: two batched calls. */
export function subtreeFrom(peers: Peers): AuditScope['subtree'] {
  return async (actor) => {
    const organizationIds = (actor.orgId ? await peers.subtreeIds(actor.orgId) : null) ?? [];
    const found = await peers.find('Organization', organizationIds);
    return { organizationIds, communityIds: [...new Set(found.flatMap((o) => (o?.communityId ? [o.communityId] : [])))] };
  };
}

export interface AuditEntry {
  actorSub: string;
  actorRole: string;
  action: string;
  targetType: string;
  targetId: string;
  eventId: string;
  at: string;
}

/** Newest first; `seq` orders changes made in the same instant. */
const auditOrder = keyset({ sort: 'at', type: 'timestamptz', id: 'seq', idType: 'bigint', direction: 'DESC' });

/**
 * A service's audit trail, newest first: district administrators read all of it, a street
 * administrator the changes to targets in its street (`scope`), nobody else.
 */
export async function readAuditTrail(
  db: DataSource,
  actor: Actor,
  args: PageArgs & { targetId?: string | null },
  scope: AuditScope,
): Promise<Connection<AuditEntry>> {
  requireRole(actor, 'DISTRICT_ADMIN', 'STREET_ADMIN');
  const page = readPage<SortKey>(args);
  const params: unknown[] = [page.limit + 1];
  const where: string[] = [];
  if (!seesAll(actor)) where.push(await inSubtree(scope, actor, params));
  if (args.targetId) where.push(`target_id = $${params.push(args.targetId)}`);
  const after = auditOrder.condition(page, params);
  if (after) where.push(after);
  const rows: {
    seq: string;
    actor_sub: string;
    actor_role: string;
    action: string;
    target_type: string;
    target_id: string;
    event_id: string;
    at: Date;
  }[] = await db.query(
    `SELECT seq, actor_sub, actor_role, action, target_type, target_id, event_id, at FROM audit_log
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${auditOrder.orderBy} LIMIT $1`,
    params,
  );
  const entries = rows.map((r) => ({
    seq: r.seq,
    actorSub: r.actor_sub,
    actorRole: r.actor_role,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    eventId: r.event_id,
    at: r.at.toISOString(),
  }));
  return toConnection(entries, page, (e) => [e.at, e.seq]);
}

/** `(target_type = 't' AND target_id IN (…)) OR …` for the actor's subtree, its parameters pushed onto `params`. */
async function inSubtree(scope: AuditScope, actor: Actor, params: unknown[]): Promise<string> {
  const subtree = await scope.subtree(actor);
  // Each list becomes a parameter only where a query uses it (Postgres cannot type an unused one).
  const placeholders = new Map<string, string>();
  const parameter = (name: 'organizations' | 'communities') => {
    if (!placeholders.has(name))
      placeholders.set(name, `$${params.push(name === 'organizations' ? subtree.organizationIds : subtree.communityIds)}::uuid[]`);
    return placeholders.get(name)!;
  };
  const types = Object.entries(scope.targets).map(([type, sql]) => {
    const targets = sql.replace(/:(organizations|communities)\b/g, (_, name: 'organizations' | 'communities') => parameter(name));
    return `(target_type = $${params.push(type)} AND target_id IN (${targets}))`;
  });
  return types.length ? `(${types.join(' OR ')})` : 'false';
}
