import { check } from '@cpb/kit';
import type { ActivityKind } from '../entities';
import type { ShownStatus } from './activity-rules';
import { readOpenPeriod } from './period';

export interface ActivityFilterInput {
  kind?: ActivityKind | null;
  status?: ShownStatus | null;
  teamId?: string | null;
  from?: string | null;
  to?: string | null;
}

/** A validated filter of activity lists: the start falls in [startsFrom, startsBefore). */
export interface ActivityFilter {
  kind: ActivityKind | null;
  status: ShownStatus | null;
  teamId: string | null;
  startsFrom: Date | null;
  startsBefore: Date | null;
  /** Drafts are plans, listed only to the managers of the community they are planned in. */
  includeDrafts: boolean;
}

export function readActivityFilter(input: ActivityFilterInput | null | undefined, includeDrafts = false): ActivityFilter {
  const period = readOpenPeriod(input?.from, input?.to);
  return {
    kind: input?.kind ?? null,
    status: input?.status ?? null,
    teamId: input?.teamId ? check.uuid('teamId', input.teamId) : null,
    startsFrom: period.start,
    startsBefore: period.end,
    includeDrafts,
  };
}
