import { requireRole, type Actor } from '@cpb/kit';

/**
 * Who may change co-building (docs/decisions/0004): the managers of the organisation tree run it;
 * a unit's liaison (联络员) also offers and books the unit's resources and reports its commitments.
 * These check the role; domain/scope.ts checks that the record lies in the caller's scope.
 */
export function mayManageCoBuilding(actor: Actor): void {
  requireRole(actor, 'DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY');
}

export function mayOfferAndBook(actor: Actor): void {
  requireRole(actor, 'DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY', 'UNIT_LIAISON');
}

/** Reactions to other services' events: only a service actor (the event consumer) calls these. */
export function isEventConsumer(actor: Actor): void {
  requireRole(actor);
}
