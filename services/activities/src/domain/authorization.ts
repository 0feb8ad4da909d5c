import { ForbiddenError, managesPath, NotFoundError, requireRole, seesAll, type Actor, type Peers } from '@cpb/kit';
import type { Activity, VolunteerTeam } from '../entities';
import { organizationPath } from './peer-checks';
import type { Services } from './services';

/**
 * Who may do what (docs/decisions/0004): scope is a subtree of the organisation tree, read from the
 * organizations service at the moment of the change, so moving an organisation moves who manages it.
 */
const MANAGERS = ['DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY'] as const;

/** Planning and running activities and teams: a manager whose subtree holds the organisation. */
export async function authorizeManaging(actor: Actor, peers: Peers, organizationId: string, knownPath?: string | null): Promise<void> {
  requireRole(actor, ...MANAGERS);
  if (seesAll(actor)) return;
  const path = knownPath ?? (await organizationPath(peers, organizationId));
  if (!path || !managesPath(actor, path)) throw new ForbiddenError('That organisation is outside the organisations you manage');
}

/** Signing up, withdrawing, joining and leaving: members for themselves, managers for anyone their subtree organises. */
export async function authorizeSelfOrManaging(actor: Actor, peers: Peers, memberId: string, organizationId: string): Promise<void> {
  if (actor.role !== 'ANONYMOUS' && actor.memberId === memberId) return;
  await authorizeManaging(actor, peers, organizationId);
}

/** Reading people (who signed up, who serves most, a member's hours) and aggregates: the kit's rules. */
export { requireAggregateReader as authorizeAggregates, requirePersonDataReader as authorizePersonData } from '@cpb/kit';

type Asking = Pick<Services, 'actor' | 'peers' | 'lookup'>;

/** The activity (as read outside the transaction), or NOT_FOUND naming the argument. */
export async function knownActivity({ lookup }: Asking, id: string, field: string): Promise<Activity> {
  const activity = await lookup.activity(id);
  if (!activity) throw new NotFoundError('Activity', id, field);
  return activity;
}

export async function knownTeam({ lookup }: Asking, id: string, field: string): Promise<VolunteerTeam> {
  const team = await lookup.team(id);
  if (!team) throw new NotFoundError('VolunteerTeam', id, field);
  return team;
}

/** An activity the actor may run: its organiser lies in the actor's subtree. */
export async function managedActivity(asking: Asking, id: string, field: string): Promise<Activity> {
  const activity = await knownActivity(asking, id, field);
  await authorizeManaging(asking.actor, asking.peers, activity.organizerId);
  return activity;
}
