import type { DataSource } from 'typeorm';
import { now as clockNow, Scope, today as clockToday, type RequestInfo, type ServiceRuntime } from '@cpb/kit';
import { AgreementRepository } from './data/agreement-repository';
import { BookingRepository } from './data/booking-repository';
import { CoBuildingRepository } from './data/co-building-repository';
import { MeetingRepository } from './data/meeting-repository';
import { NeedRepository } from './data/need-repository';
import { ResourceRepository } from './data/resource-repository';
import { Policy } from './domain/policy';
import type { Services } from './domain/services';
import { createLoaders, type Loaders, type Repositories } from './loaders';

export interface Context extends RequestInfo, Services {
  dataSource: DataSource;
  repos: Repositories;
  loaders: Loaders;
  /** The request's instant and local date, so every field of one answer agrees on "now". */
  now: Date;
  today: string;
}

export function createContext({ dataSource, peers, transact }: ServiceRuntime, request: RequestInfo): Context {
  const repos: Repositories = {
    resources: new ResourceRepository(dataSource),
    bookings: new BookingRepository(dataSource),
    agreements: new AgreementRepository(dataSource),
    needs: new NeedRepository(dataSource),
    meetings: new MeetingRepository(dataSource),
    coBuilding: new CoBuildingRepository(dataSource),
  };
  const now = clockNow();
  const today = clockToday(now);
  const policy = new Policy(request.actor, new Scope(request.actor, (id) => peers.subtreeIds(id)), peers);
  return { ...request, dataSource, peers, transact, policy, repos, loaders: createLoaders(repos, today), now, today };
}
