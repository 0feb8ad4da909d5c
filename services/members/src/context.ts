import type { Peers, RequestInfo, ServiceRuntime } from '@cpb/kit';
import { MemberRepository } from './data/member-repository';
import { createLoaders, type Loaders } from './loaders';

export interface Context extends RequestInfo {
  peers: Peers;
  members: MemberRepository;
  loaders: Loaders;
}

export function createContext({ dataSource, peers }: ServiceRuntime, request: RequestInfo): Context {
  const members = new MemberRepository(dataSource);
  return { ...request, peers, members, loaders: createLoaders(members) };
}
