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

/** Reading people (leadership, instructors) and aggregates (census, kind checks): the kit's rules. */
export { requireAggregateReader as authorizeAggregates, requirePersonDataReader as authorizePersonData } from '@cpb/kit';
