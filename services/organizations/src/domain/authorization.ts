import { ForbiddenError, managesPath, requireRole, type Actor } from '@cpb/kit';
import type { Organization } from '../entities';

/** Changes to the tree: a manager (district, street or community) whose subtree holds `organization`. */
export function authorizeWithin(actor: Actor, organization: Pick<Organization, 'path' | 'name'>): void {
  requireRole(actor, 'DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY');
  if (!managesPath(actor, organization.path)) throw new ForbiddenError(`${organization.name} is outside the organisations you manage`);
}

/** Changes to a street or community with no organisation of its own yet: its street's committee decides. */
export function authorizeStreetLevel(actor: Actor, committee: Pick<Organization, 'path' | 'name'> | null): void {
  requireRole(actor, 'DISTRICT_ADMIN', 'STREET_ADMIN');
  if (!committee || !managesPath(actor, committee.path)) throw new ForbiddenError('This street is outside the organisations you manage');
}

/** Reading people (leadership, instructors): any signed-in user but analysts, who see aggregates only. */
export function authorizePersonData(actor: Actor): void {
  requireRole(actor, 'DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY', 'UNIT_LIAISON', 'MEMBER');
}

/** Reading aggregates (census, kind checks): any signed-in user. */
export function authorizeAggregates(actor: Actor): void {
  requireRole(actor, 'DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY', 'UNIT_LIAISON', 'MEMBER', 'ANALYST');
}
