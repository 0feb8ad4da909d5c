import type { DataSource } from 'typeorm';
import type { RequestInfo } from '@cpb/kit';
import { ActivityRepository } from './data/activity-repository';
import { createLoaders, type Loaders } from './loaders';

export interface Context extends RequestInfo {
  activities: ActivityRepository;
  loaders: Loaders;
}

export function createContext(db: DataSource, request: RequestInfo): Context {
  const activities = new ActivityRepository(db);
  return { ...request, activities, loaders: createLoaders(activities) };
}
