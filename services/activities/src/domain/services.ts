import type { Peers, Transact } from '@cpb/kit';

/**
 * What a use case works with. Use cases that need another service's facts ask for them before
 * opening their transaction, so a pooled connection (and any row lock) never waits on HTTP.
 */
export interface Services {
  transact: Transact;
  peers: Peers;
}
