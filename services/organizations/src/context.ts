import type { DataSource } from 'typeorm';
import type { Peers, RequestInfo, ServiceRuntime, Transact } from '@cpb/kit';
import { StructureRepository } from './data/structure-repository';
import { createLoaders, type Loaders } from './loaders';

export interface Context extends RequestInfo {
  dataSource: DataSource;
  peers: Peers;
  transact: Transact;
  structure: StructureRepository;
  loaders: Loaders;
}

export function createContext({ dataSource, peers, transact }: ServiceRuntime, request: RequestInfo): Context {
  const structure = new StructureRepository(dataSource);
  return { ...request, dataSource, peers, transact, structure, loaders: createLoaders(structure) };
}
