import type { Peers, RequestInfo, ServiceRuntime } from '@cpb/kit';
import { ActivityRepository } from './data/activity-repository';
import { createLoaders, type Loaders } from './loaders';

export interface Context extends RequestInfo {
  peers: Peers;
  activities: ActivityRepository;
  loaders: Loaders;
}

export function createContext({ dataSource, peers }: ServiceRuntime, request: RequestInfo): Context {
  const activities = new ActivityRepository(dataSource);
  return { ...request, peers, activities, loaders: createLoaders(activities) };
}
