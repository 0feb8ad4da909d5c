import { DomainError, ForbiddenError } from '../errors';
import { msg, type Message } from '../messages';
import type { Actor, Role } from './actor';

export class UnauthenticatedError extends DomainError {
  constructor(message?: Message);
  /** @deprecated Inline prose: throw a catalogue message, `msg(key, params)`. */
  constructor(message: string);
  constructor(message: Message | string = msg('auth.signInFirst')) {
    super('UNAUTHENTICATED', message);
  }
}

/** Roles that manage a subtree of the organisation tree (and see persons in it). */
export const managerRoles: Role[] = ['DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY'];

/** Refuses unless the actor has one of `roles` (services pass: they act for an already-checked caller). */
export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (actor.role === 'SERVICE' || roles.includes(actor.role)) return;
  if (actor.role === 'ANONYMOUS') throw new UnauthenticatedError();
  throw new ForbiddenError(msg('auth.roleMayNot', { role: actor.role }));
}

/** Who reads people (names on lists, leadership, volunteers): any signed-in user but analysts. */
const personReaders: Role[] = ['DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY', 'UNIT_LIAISON', 'MEMBER'];

export function requirePersonDataReader(actor: Actor): void {
  requireRole(actor, ...personReaders);
}

/** Whether the actor may read people (as requirePersonDataReader): free text staff typed may name them. */
export function readsPersons(actor: Actor): boolean {
  return actor.role === 'SERVICE' || personReaders.includes(actor.role);
}

/** Reading aggregates (counts, hours, censuses): any signed-in user, analysts included. */
export function requireAggregateReader(actor: Actor): void {
  requireRole(actor, 'DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY', 'UNIT_LIAISON', 'MEMBER', 'ANALYST');
}

/** True for actors who see everything: the district administrators and the services themselves. */
export function seesAll(actor: Actor): boolean {
  return actor.role === 'DISTRICT_ADMIN' || actor.role === 'SERVICE';
}

/**
 * Whether an organisation (given by its path '/a/b/c/' or its subtree membership) lies in the
 * subtree the actor manages. Scope follows the tree: moving an organisation moves who sees it.
 */
export function managesPath(actor: Actor, organizationPath: string): boolean {
  if (seesAll(actor)) return true;
  if (!actor.orgId || (actor.role !== 'STREET_ADMIN' && actor.role !== 'COMMUNITY_SECRETARY')) return false;
  return organizationPath.includes(`/${actor.orgId}/`);
}

/** `138****5678`: what a dashboard may show of a phone number the viewer may not see. */
export function maskPhone(phone: string | null): string | null {
  return phone ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : null;
}

/** `1101**********1234`: what a dashboard may show of an ID number the viewer may not see. */
export function maskIdNumber(idNumber: string | null): string | null {
  return idNumber ? `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}` : null;
}
