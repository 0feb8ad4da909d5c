import type { DataSource } from 'typeorm';
import { Scope, type RequestInfo, type ServiceRuntime } from '@cpb/kit';
import { DuesReads, type DuesLoaders } from './data/dues-reads';
import { MemberPages } from './data/member-pages';
import { MemberRepository } from './data/member-repository';
import { MembershipRepository } from './data/membership-repository';
import { Policy } from './domain/policy';
import type { Services } from './domain/services';
import { createLoaders, type Loaders } from './loaders';

export interface Context extends RequestInfo, Services {
  dataSource: DataSource;
  members: MemberRepository;
  membership: MembershipRepository;
  loaders: Loaders;
  dues: DuesLoaders;
  duesReads: DuesReads;
  /** The policy under the name reads use: who sees which members (personal data, lists in scope). */
  access: Policy;
}

export function createContext({ dataSource, peers, transact }: ServiceRuntime, request: RequestInfo): Context {
  const members = new MemberRepository(dataSource);
  const membership = new MembershipRepository(dataSource);
  const policy = new Policy(request.actor, new Scope(request.actor, (id) => peers.subtreeIds(id)), peers);
  const duesReads = new DuesReads(dataSource);
  return {
    ...request,
    dataSource,
    duesReads,
    dues: duesReads.loaders(),
    peers,
    transact,
    members,
    membership,
    policy,
    access: policy,
    loaders: createLoaders(members, membership, new MemberPages(dataSource), dataSource),
  };
}
