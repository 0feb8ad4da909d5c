import type { DataSource, EntityManager } from 'typeorm';
import { Outbox } from './events';

export interface UnitOfWork {
  /** Use this manager for every read and write of the change (with PGlite's single connection, anything else deadlocks). */
  tx: EntityManager;
  outbox: Outbox;
}

/** The one way a mutation changes data: one transaction holding the change and its outbox events. */
export type Transact = <T>(work: (unit: UnitOfWork) => Promise<T>) => Promise<T>;

export function transactor(db: DataSource): Transact {
  return (work) => db.transaction((tx) => work({ tx, outbox: new Outbox(tx) }));
}
