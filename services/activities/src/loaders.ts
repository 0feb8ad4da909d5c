import { groupedLoader, keyedLoader, type Page, pagedLoader, perArguments, valueLoader } from '@cpb/kit';
import type { ActivityKey, ActivityRepository } from './data/activity-repository';
import type { MemberParticipationKey, ParticipantKey, ParticipationRepository } from './data/participation-repository';
import { NO_VOLUNTEERING, type StatsRepository, type StatsScope, type StatsScopeKind } from './data/stats-repository';
import type { MembershipKey, TeamRepository } from './data/team-repository';
import type { ActivityFilter } from './domain/activity-filter';
import type { ClosedPeriod, Period } from './domain/period';
import type { ParticipationStatus } from './entities';

export interface Repositories {
  activities: ActivityRepository;
  participations: ParticipationRepository;
  teams: TeamRepository;
  stats: StatsRepository;
}

/** Per-request DataLoaders: every reference, nested list and statistic is one batched query per level. */
export function createLoaders({ activities, participations, teams, stats }: Repositories) {
  return {
    activity: keyedLoader(
      (ids: readonly string[]) => activities.byIds(ids),
      (a) => a.id,
    ),
    activitiesOfCommunity: perArguments((filter: ActivityFilter) =>
      pagedLoader(
        (ids: readonly string[], page: Page<ActivityKey>) => activities.communityPages(ids, filter, page),
        (a) => a.communityId,
        (a): ActivityKey => [a.startsAt.toISOString(), a.id],
      ),
    ),
    participantsOfActivity: perArguments((status: ParticipationStatus | null) =>
      pagedLoader(
        (ids: readonly string[], page: Page<ParticipantKey>) => participations.activityPages(ids, status, page),
        (p) => p.activityId,
        (p): ParticipantKey => [p.signedUpAt.toISOString(), p.id],
      ),
    ),
    participationsOfMember: perArguments((status: ParticipationStatus | null) =>
      pagedLoader(
        (ids: readonly string[], page: Page<MemberParticipationKey>) => participations.memberPages(ids, status, page),
        (p) => p.memberId,
        (p): MemberParticipationKey => [p.activityStartsAt.toISOString(), p.id],
      ),
    ),
    team: keyedLoader(
      (ids: readonly string[]) => teams.byIds(ids),
      (t) => t.id,
    ),
    teamMemberCount: valueLoader((ids: readonly string[]) => teams.memberCounts(ids), 0),
    membershipsOfTeam: perArguments((includeFormer: boolean) =>
      pagedLoader(
        (ids: readonly string[], page: Page<MembershipKey>) => teams.membershipPages(ids, includeFormer, page),
        (m) => m.teamId,
        (m): MembershipKey => [m.joinedOn, m.id],
      ),
    ),
    teamsOfMember: groupedLoader(
      (ids: readonly string[]) => teams.currentTeamsOf(ids),
      (t) => t.memberId,
    ),
    memberHours: perArguments((period: Period) => valueLoader((ids: readonly string[]) => stats.memberHours(ids, period), 0)),
    // Stats subjects are objects (an organisation brings its subtree); the resolver hands the same object to every field.
    volunteerTotals: perArguments(({ kind, period }: { kind: StatsScopeKind; period: ClosedPeriod }) =>
      valueLoader((scopes: readonly StatsScope[]) => stats.totals(kind, scopes, period), NO_VOLUNTEERING),
    ),
    topVolunteers: perArguments(({ kind, period, limit }: { kind: StatsScopeKind; period: ClosedPeriod; limit: number }) =>
      valueLoader((scopes: readonly StatsScope[]) => stats.topVolunteers(kind, scopes, period, limit), []),
    ),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
