import type { Peers, Transact } from '@cpb/kit';

/**
 * What a use case that asks other services works with: it asks its peers first, then opens its one
 * transaction, so no row lock (and no pooled connection) ever waits on HTTP.
 */
export interface Changes {
  transact: Transact;
  peers: Peers;
}
