import type { Context } from '../context';
import { statsOf } from './stats';

/** An organisation as the gateway hands it over: its id, and its subtree ids (from organizations) where stats need them. */
type OrganizationRef = { id: string; subtreeIds?: string[] };

export const Organization = {
  __resolveReference: (ref: OrganizationRef) => ref,
  volunteerStats: (org: OrganizationRef, args: { from: string; to: string }, ctx: Context) =>
    statsOf(ctx, 'organizer', org.id, org.subtreeIds ?? [org.id], args),
};
