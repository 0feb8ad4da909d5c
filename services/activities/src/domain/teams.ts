import { randomUUID } from 'node:crypto';
import {
  check,
  ConflictError,
  msg,
  NotFoundError,
  today,
  translateConstraint,
  useCase,
  ValidationError,
  activeOrganization,
} from '@cpb/kit';
import { TeamStore } from '../data/team-store';
import type { Skill, TeamMembership, VolunteerTeam } from '../entities';
import { teamEvents } from '../events';

import { knownTeam, type Services } from './services';

export interface CreateVolunteerTeamInput {
  name: string;
  specialty: Skill;
  organizationId: string;
  leaderId: string;
  foundedOn?: string | null;
}

type TeamMemberArgs = { teamId: string; memberId: string };

const refusals = {
  volunteer_team_name_key: () => new ConflictError(msg('team.nameTaken')),
  team_membership_current_idx: () => new ConflictError(msg('team.alreadyMember')),
};

async function requireTeam(store: TeamStore, teamId: string): Promise<VolunteerTeam> {
  const team = await store.lock(teamId);
  if (!team) throw new NotFoundError('VolunteerTeam', teamId, 'teamId');
  return team;
}

/** A disbanded team takes no new members or activities; its history stays. */
function requireServing(team: VolunteerTeam): void {
  if (team.disbandedOn) throw new ConflictError(msg('team.disbanded', { team: team.name, disbandedOn: team.disbandedOn }));
}

/** Whether a member may join `team` on `on`: it serves, and was founded by then (joinVolunteerTeam's rule, and the import's for each row). */
export function checkJoining(team: VolunteerTeam, on: string, field = 'joinedOn'): void {
  requireServing(team);
  if (on < team.foundedOn)
    throw new ValidationError(field, msg('team.joinedBeforeFounded', { team: team.name, foundedOn: team.foundedOn }));
}

function readIds(args: TeamMemberArgs) {
  return { teamId: check.uuid('teamId', args.teamId), memberId: check.uuid('memberId', args.memberId) };
}

/** A member joins or leaves on a day (today by default): by themself, or by a manager of the team's organisation. */
async function permitMembershipChange(
  services: Services,
  change: 'joinVolunteerTeam' | 'leaveVolunteerTeam',
  args: TeamMemberArgs,
  field: string,
  day: string | null | undefined,
) {
  const ids = readIds(args);
  const on = check.isoDate(field, day ?? today());
  const team = await knownTeam(services, ids.teamId, 'teamId');
  await services.policy.permit(change, { organizationId: team.organizationId, memberId: ids.memberId });
  return { ...ids, on };
}

/** Sets up a team (党员志愿者服务队) under an active organisation; its leader is its first member. */
export const createVolunteerTeam = useCase({
  async authorize({ peers, policy }: Services, { input }: { input: CreateVolunteerTeamInput }) {
    const name = check.name('name', input.name, 50);
    const organizationId = check.uuid('organizationId', input.organizationId);
    const leaderId = check.uuid('leaderId', input.leaderId);
    const foundedOn = check.isoDate('foundedOn', input.foundedOn ?? today());
    const organization = await activeOrganization(peers, organizationId, 'organizationId');
    await policy.permit('createVolunteerTeam', { organizationId });
    return { name, specialty: input.specialty, organizationId, communityId: organization.communityId, leaderId, foundedOn };
  },
  async gather({ peers }: Services, team) {
    await peers.require('Member', [team.leaderId], 'leaderId');
    return team;
  },
  async change({ tx, outbox }, draft) {
    const store = new TeamStore(tx);
    const team: VolunteerTeam = { id: randomUUID(), ...draft, disbandedOn: null };
    await store.insert(team).catch((error: unknown) => translateConstraint(error, refusals));
    const membership: TeamMembership = {
      id: randomUUID(),
      teamId: team.id,
      memberId: draft.leaderId,
      joinedOn: draft.foundedOn,
      leftOn: null,
    };
    await store.addMember(membership);
    await outbox.emit(teamEvents.created(team), teamEvents.memberJoined(membership));
    return team;
  },
});

/** A member joins: for themselves, or by a manager of the team's organisation. */
export const joinVolunteerTeam = useCase({
  authorize: (services: Services, args: TeamMemberArgs & { joinedOn?: string | null }) =>
    permitMembershipChange(services, 'joinVolunteerTeam', args, 'joinedOn', args.joinedOn),
  async gather({ peers }: Services, joining) {
    await peers.require('Member', [joining.memberId], 'memberId');
    return joining;
  },
  async change({ tx, outbox }, { teamId, memberId, on }) {
    const store = new TeamStore(tx);
    const team = await requireTeam(store, teamId);
    checkJoining(team, on);
    const membership: TeamMembership = { id: randomUUID(), teamId: team.id, memberId, joinedOn: on, leftOn: null };
    await store.addMember(membership).catch((error: unknown) => translateConstraint(error, refusals));
    await outbox.emit(teamEvents.memberJoined(membership));
    return membership;
  },
});

/** A member leaves; the leader hands over first, so a team always has a leader among its members. */
export const leaveVolunteerTeam = useCase({
  authorize: (services: Services, args: TeamMemberArgs & { leftOn?: string | null }) =>
    permitMembershipChange(services, 'leaveVolunteerTeam', args, 'leftOn', args.leftOn),
  async change({ tx, outbox }, { teamId, memberId, on }) {
    const store = new TeamStore(tx);
    const team = await requireTeam(store, teamId);
    const membership = await store.currentMembership(team.id, memberId);
    if (!membership) throw new ConflictError(msg('team.notMember', { team: team.name }));
    if (team.leaderId === memberId) throw new ConflictError(msg('team.leaderCannotLeave', { team: team.name }));
    if (on < membership.joinedOn) throw new ValidationError('leftOn', msg('team.leftBeforeJoined', { joinedOn: membership.joinedOn }));
    await store.endMembership(membership.id, on);
    await outbox.emit(teamEvents.memberLeft(membership, on));
    return { ...membership, leftOn: on };
  },
});

export const changeVolunteerTeamLeader = useCase({
  async authorize(services: Services, args: TeamMemberArgs) {
    const ids = readIds(args);
    await services.policy.permit('changeVolunteerTeamLeader', {
      organizationId: (await knownTeam(services, ids.teamId, 'teamId')).organizationId,
    });
    return ids;
  },
  async change({ tx, outbox }, { teamId, memberId }) {
    const store = new TeamStore(tx);
    const team = await requireTeam(store, teamId);
    if (team.leaderId === memberId) return team;
    if (!(await store.currentMembership(team.id, memberId))) throw new ConflictError(msg('team.leaderIsMember', { team: team.name }));
    await store.setLeader(team.id, memberId);
    await outbox.emit(teamEvents.leaderChanged(team, memberId));
    return { ...team, leaderId: memberId };
  },
});

/**
 * Disbands a team (解散): from `disbandedOn` (default today) it takes no new activities or members;
 * its memberships, activities and credited hours stay as they were. Activities already planned keep
 * their team. Disbanding a disbanded team refuses, saying when it was.
 */
export const disbandVolunteerTeam = useCase({
  async authorize(services: Services, args: { teamId: string; disbandedOn?: string | null }) {
    const teamId = check.uuid('teamId', args.teamId);
    const on = check.isoDate('disbandedOn', args.disbandedOn ?? today());
    if (on > today()) throw new ValidationError('disbandedOn', msg('date.notInFuture', { field: 'disbandedOn' }));
    await services.policy.permit('disbandVolunteerTeam', { organizationId: (await knownTeam(services, teamId, 'teamId')).organizationId });
    return { teamId, on };
  },
  async change({ tx, outbox }, { teamId, on }) {
    const store = new TeamStore(tx);
    const team = await requireTeam(store, teamId);
    requireServing(team);
    if (on < team.foundedOn)
      throw new ValidationError('disbandedOn', msg('team.disbandedBeforeFounded', { team: team.name, foundedOn: team.foundedOn }));
    const currentMembers = await store.disband(team.id, on);
    const disbanded: VolunteerTeam = { ...team, disbandedOn: on };
    await outbox.emit(teamEvents.disbanded(disbanded, currentMembers));
    return disbanded;
  },
});
