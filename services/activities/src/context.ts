import type { DataSource } from 'typeorm';
import { Scope, type Peers, type RequestInfo, type ServiceRuntime, type Transact } from '@cpb/kit';
import { ActivityRepository } from './data/activity-repository';
import { ParticipationRepository } from './data/participation-repository';
import { StatsRepository } from './data/stats-repository';
import { TeamRepository } from './data/team-repository';
import { Policy } from './domain/policy';
import type { Services } from './domain/services';
import { createLoaders, type Loaders } from './loaders';

export interface Context extends RequestInfo, Services {
  dataSource: DataSource;
  peers: Peers;
  transact: Transact;
  teams: TeamRepository;
  loaders: Loaders;
  /** The non-public reads of the policy (drafts, volunteer records, rosters): `policy` under the name reads use. */
  records: Policy;
}

export function createContext({ dataSource, peers, transact }: ServiceRuntime, request: RequestInfo): Context {
  const repositories = {
    activities: new ActivityRepository(dataSource),
    participations: new ParticipationRepository(dataSource),
    teams: new TeamRepository(dataSource),
    stats: new StatsRepository(dataSource),
  };
  // Not through the loaders: a mutation's own result must not be served from what it read before the change.
  const lookup = {
    activity: async (id: string) => (await repositories.activities.byIds([id]))[0] ?? null,
    team: async (id: string) => (await repositories.teams.byIds([id]))[0] ?? null,
  };
  const policy = new Policy(request.actor, new Scope(request.actor, (id) => peers.subtreeIds(id)), peers);
  return {
    ...request,
    dataSource,
    peers,
    transact,
    lookup,
    policy,
    records: policy,
    teams: repositories.teams,
    loaders: createLoaders(repositories),
  };
}
