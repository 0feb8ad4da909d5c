import type { DataSource } from 'typeorm';
import type { RequestInfo } from '@cpb/kit';
import { MemberRepository } from './data/member-repository';
import { createLoaders, type Loaders } from './loaders';

export interface Context extends RequestInfo {
  members: MemberRepository;
  loaders: Loaders;
}

export function createContext(db: DataSource, request: RequestInfo): Context {
  const members = new MemberRepository(db);
  return { ...request, members, loaders: createLoaders(members) };
}
