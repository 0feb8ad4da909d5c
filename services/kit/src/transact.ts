import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import { serviceActor, type Actor } from './auth';
import { Outbox } from './events/outbox';

export interface UnitOfWork {
  /** Use this manager for every read and write of the change (with PGlite's single connection, anything else deadlocks). */
  tx: EntityManager;
  outbox: Outbox;
  /** Who makes the change: use cases authorise against it (scope follows the organisation tree). */
  actor: Actor;
}

/** The one way a mutation changes data: one transaction holding the change and its outbox events. */
export type Transact = <T>(work: (unit: UnitOfWork) => Promise<T>) => Promise<T>;

/**
 * Marks the code running inside a transaction, whatever awaits it spans, so the kit can refuse what
 * must never happen there: a call to another service while row locks are held (see `PeerCaller`).
 */
const openTransaction = new AsyncLocalStorage<true>();

/** Whether the caller runs inside a transaction opened by the kit (a use case's change, an event's effect). */
export function inTransaction(): boolean {
  return openTransaction.getStore() === true;
}

/** Runs `work` marked as inside a transaction (for transactions the kit opens without `transactor`). */
export function withinTransaction<T>(work: () => Promise<T>): Promise<T> {
  return openTransaction.run(true, work);
}

/** A transactor recording `actor` as the author of every event (and so of every audit row). */
export function transactor(db: DataSource, actor: Actor = serviceActor('system')): Transact {
  return (work) => db.transaction((tx) => withinTransaction(() => work({ tx, outbox: new Outbox(tx, actor), actor })));
}
