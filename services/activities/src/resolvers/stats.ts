import { msg, ValidationError } from '@cpb/kit';
import type { Context } from '../context';
import type { StatsScope, StatsScopeKind, VolunteerRank } from '../data/stats-repository';
import { authorizeAggregates, authorizePersonData } from '../domain/policy';
import { readPeriod } from '../domain/period';

/** The parent every VolunteerStats field resolves from: one object, so its fields share one loader key. */
export interface StatsSubject {
  kind: StatsScopeKind;
  scope: StatsScope;
  period: ReturnType<typeof readPeriod>;
}

/** Statistics of a subject over a period; any signed-in user reads aggregates (the ranking names people: see topVolunteers). */
export function statsOf(ctx: Context, kind: StatsScopeKind, id: string, ids: string[], args: { from: string; to: string }): StatsSubject {
  authorizeAggregates(ctx.actor);
  return { kind, scope: { id, ids }, period: readPeriod(args.from, args.to) };
}

const totals = (s: StatsSubject, ctx: Context) => ctx.loaders.volunteerTotals({ kind: s.kind, period: s.period }).load(s.scope);

export const VolunteerStats = {
  from: (s: StatsSubject) => s.period.from,
  to: (s: StatsSubject) => s.period.to,
  hours: async (s: StatsSubject, _: unknown, ctx: Context) => (await totals(s, ctx)).hours,
  participations: async (s: StatsSubject, _: unknown, ctx: Context) => (await totals(s, ctx)).participations,
  volunteers: async (s: StatsSubject, _: unknown, ctx: Context) => (await totals(s, ctx)).volunteers,
  activitiesHeld: async (s: StatsSubject, _: unknown, ctx: Context) => (await totals(s, ctx)).activitiesHeld,
  topVolunteers: (s: StatsSubject, { first }: { first?: number | null }, ctx: Context) => {
    authorizePersonData(ctx.actor);
    const limit = first ?? 10;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      throw new ValidationError('first', msg('page.first', { field: 'first', max: 100 }));
    return ctx.loaders.topVolunteers({ kind: s.kind, period: s.period, limit }).load(s.scope);
  },
};

export const VolunteerRanking = {
  member: (r: VolunteerRank) => ({ id: r.memberId }),
};
