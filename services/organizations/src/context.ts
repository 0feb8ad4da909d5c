import type { DataSource } from 'typeorm';
import type { RequestInfo, ServiceRuntime } from '@cpb/kit';
import { MeetingRepository } from './data/meeting-repository';
import { LifeReads } from './data/life-reads';
import { MeetingStore } from './data/meeting-store';
import { OrganizationStore } from './data/organization-store';
import { RhythmStore } from './data/rhythm-store';
import { StructureRepository } from './data/structure-repository';
import { StructureStore } from './data/structure-store';
import { Policy } from './domain/policy';
import type { Services } from './domain/services';
import { createLifeLoaders, type LifeLoaders } from './life-loaders';
import { createLoaders, type Loaders } from './loaders';
import { createMeetingLoaders } from './meeting-loaders';

export interface Context extends RequestInfo, Services {
  dataSource: DataSource;
  structure: StructureRepository;
  loaders: Loaders & ReturnType<typeof createMeetingLoaders>;
  /** The follow-up of organisational life: rhythms, rankings, attendance, the six-month list. */
  life: LifeLoaders;
  lifeReads: LifeReads;
}

export function createContext({ dataSource, peers, transact }: ServiceRuntime, request: RequestInfo): Context {
  const structure = new StructureRepository(dataSource);
  const rhythms = new RhythmStore(dataSource.manager);
  const reads = {
    organizations: new OrganizationStore(dataSource.manager),
    structure: new StructureStore(dataSource.manager),
    meetings: new MeetingStore(dataSource.manager),
    rhythms,
  };
  const lifeReads = new LifeReads(dataSource);
  const loaders = { ...createLoaders(structure), ...createMeetingLoaders(new MeetingRepository(dataSource)) };
  return {
    ...request,
    dataSource,
    peers,
    transact,
    policy: new Policy(request.actor),
    reads,
    structure,
    lifeReads,
    loaders,
    life: createLifeLoaders(lifeReads, rhythms, peers, loaders.subtreeIds),
  };
}
