import type { DataSource } from 'typeorm';
import type { Peers, RequestInfo, ServiceRuntime, Transact } from '@cpb/kit';
import { MemberPages } from './data/member-pages';
import { MemberRepository } from './data/member-repository';
import { MembershipRepository } from './data/membership-repository';
import { MemberAccessPolicy } from './domain/access';
import { createLoaders, type Loaders } from './loaders';

export interface Context extends RequestInfo {
  dataSource: DataSource;
  peers: Peers;
  transact: Transact;
  members: MemberRepository;
  membership: MembershipRepository;
  loaders: Loaders;
  access: MemberAccessPolicy;
}

export function createContext({ dataSource, peers, transact }: ServiceRuntime, request: RequestInfo): Context {
  const members = new MemberRepository(dataSource);
  const membership = new MembershipRepository(dataSource);
  return { ...request, dataSource, peers, transact, members, membership, loaders: createLoaders(members, membership, new MemberPages(dataSource)), access: new MemberAccessPolicy(request.actor, peers) };
}
