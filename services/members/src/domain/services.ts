import type { Actor, Peers, UseCaseContext } from '@cpb/kit';
import type { DuesLoaders } from '../data/dues-reads';
import type { Loaders } from '../loaders';
import type { Policy } from './policy';

/**
 * What a use case works with (the request's context): it authorises against `policy`, asks `peers`
 * before opening its one transaction (`transact`), so no row lock (and no pooled connection) ever waits on HTTP.
 */
export interface Services extends UseCaseContext {
  actor: Actor;
  peers: Peers;
  policy: Policy;
  /** Records read outside the transaction, to authorise against (what they belong to) and to word refusals early. */
  loaders: Pick<Loaders, 'member' | 'applicant' | 'transfer' | 'registration'>;
  /** Party dues read outside the transaction (a payment to reverse, to authorise against its member). */
  dues: Pick<DuesLoaders, 'payment'>;
}
