import type { DataSource, EntityManager } from 'typeorm';
import { serviceActor, type Actor } from './auth';
import { Outbox } from './events';

export interface UnitOfWork {
  /** Use this manager for every read and write of the change (with PGlite's single connection, anything else deadlocks). */
  tx: EntityManager;
  outbox: Outbox;
  /** Who makes the change: use cases authorise against it (scope follows the organisation tree). */
  actor: Actor;
}

/** The one way a mutation changes data: one transaction holding the change and its outbox events. */
export type Transact = <T>(work: (unit: UnitOfWork) => Promise<T>) => Promise<T>;

/** A transactor recording `actor` as the author of every event (and so of every audit row). */
export function transactor(db: DataSource, actor: Actor = serviceActor('system')): Transact {
  return (work) => db.transaction((tx) => work({ tx, outbox: new Outbox(tx, actor), actor }));
}
