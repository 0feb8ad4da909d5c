import { NotFoundError, type Actor, type Peers, type UseCaseContext } from '@cpb/kit';
import type { Activity, VolunteerTeam } from '../entities';
import type { Policy } from './policy';

/**
 * What a use case works with (the request's context): it authorises against `policy`, asks `peers`
 * before opening its one transaction (`transact`), so no row lock ever waits on HTTP.
 */
export interface Services extends UseCaseContext {
  peers: Peers;
  /** Who is asking (verified by the gateway). */
  actor: Actor;
  policy: Policy;
  /** Reads outside the transaction, for facts that never change: an activity's organiser, a team's organisation. */
  lookup: {
    activity(id: string): Promise<Activity | null>;
    team(id: string): Promise<VolunteerTeam | null>;
  };
}

/** The activity (as read outside the transaction), or NOT_FOUND naming the argument. */
export async function knownActivity({ lookup }: Services, id: string, field: string): Promise<Activity> {
  const activity = await lookup.activity(id);
  if (!activity) throw new NotFoundError('Activity', id, field);
  return activity;
}

export async function knownTeam({ lookup }: Services, id: string, field: string): Promise<VolunteerTeam> {
  const team = await lookup.team(id);
  if (!team) throw new NotFoundError('VolunteerTeam', id, field);
  return team;
}
