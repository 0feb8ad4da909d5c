import type { Actor, Peers, UseCaseContext } from '@cpb/kit';
import type { MeetingStore } from '../data/meeting-store';
import type { OrganizationStore } from '../data/organization-store';
import type { RhythmStore } from '../data/rhythm-store';
import type { StructureStore } from '../data/structure-store';
import type { Policy } from './policy';

/**
 * What a use case works with (the request's context): it authorises against `policy` on the rows as
 * `reads` finds them, asks `peers` before opening its one transaction (`transact`), so no row lock
 * ever waits on HTTP, and checks again on the rows it locks.
 */
export interface Services extends UseCaseContext {
  actor: Actor;
  peers: Peers;
  policy: Policy;
  /** This service's rows as they are, read outside any transaction. */
  reads: { organizations: OrganizationStore; structure: StructureStore; meetings: MeetingStore; rhythms: RhythmStore };
}
