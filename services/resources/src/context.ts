import type { Peers, RequestInfo, ServiceRuntime } from '@cpb/kit';
import { ResourceRepository } from './data/resource-repository';
import { createLoaders, type Loaders } from './loaders';

export interface Context extends RequestInfo {
  peers: Peers;
  resources: ResourceRepository;
  loaders: Loaders;
}

export function createContext({ dataSource, peers }: ServiceRuntime, request: RequestInfo): Context {
  const resources = new ResourceRepository(dataSource);
  return { ...request, peers, resources, loaders: createLoaders(resources) };
}
