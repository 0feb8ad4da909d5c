import type { DataSource } from 'typeorm';
import type { RequestInfo } from '@cpb/kit';
import { ResourceRepository } from './data/resource-repository';
import { createLoaders, type Loaders } from './loaders';

export interface Context extends RequestInfo {
  resources: ResourceRepository;
  loaders: Loaders;
}

export function createContext(db: DataSource, request: RequestInfo): Context {
  const resources = new ResourceRepository(db);
  return { ...request, resources, loaders: createLoaders(resources) };
}
