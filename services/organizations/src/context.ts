import type { DataSource } from 'typeorm';
import type { RequestInfo } from '@cpb/kit';
import { StructureRepository } from './data/structure-repository';
import { createLoaders, type Loaders } from './loaders';

export interface Context extends RequestInfo {
  structure: StructureRepository;
  loaders: Loaders;
}

export function createContext(db: DataSource, request: RequestInfo): Context {
  const structure = new StructureRepository(db);
  return { ...request, structure, loaders: createLoaders(structure) };
}
