import type { DataSource } from 'typeorm';
import type { Peers, RequestInfo, ServiceRuntime, Transact } from '@cpb/kit';
import { AgreementRepository } from './data/agreement-repository';
import { BookingRepository } from './data/booking-repository';
import { CoBuildingRepository } from './data/co-building-repository';
import { MeetingRepository } from './data/meeting-repository';
import { NeedRepository } from './data/need-repository';
import { ResourceRepository } from './data/resource-repository';
import { localToday } from './domain/local-time';
import { createLoaders, type Loaders, type Repositories } from './loaders';

export interface Context extends RequestInfo {
  dataSource: DataSource;
  peers: Peers;
  transact: Transact;
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
  const now = new Date();
  const today = localToday(now);
  return { ...request, dataSource, peers, transact, repos, loaders: createLoaders(repos, today), now, today };
}
