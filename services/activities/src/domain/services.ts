import type { Actor, Peers, Transact } from '@cpb/kit';
import type { Activity, VolunteerTeam } from '../entities';

/**
 * What a use case works with. Use cases that need another service's facts ask for them before
 * opening their transaction, so a pooled connection (and any row lock) never waits on HTTP.
 */
export interface Services {
  transact: Transact;
  peers: Peers;
  /** Who is asking (verified by the gateway); use cases authorise against it. */
  actor: Actor;
  /** Reads outside the transaction, for facts that never change: an activity's organiser, a team's organisation. */
  lookup: {
    activity(id: string): Promise<Activity | null>;
    team(id: string): Promise<VolunteerTeam | null>;
  };
}
