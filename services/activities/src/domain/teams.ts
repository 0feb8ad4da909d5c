import { randomUUID } from 'node:crypto';
import { check, ConflictError, NotFoundError, translateConstraint, ValidationError } from '@cpb/kit';
import { TeamStore } from '../data/team-store';
import type { Skill, TeamMembership, VolunteerTeam } from '../entities';
import { teamEvents } from '../events';
import { chinaToday } from './period';
import { authorizeManaging, authorizeSelfOrManaging, knownTeam } from './authorization';
import { requireActiveOrganization, requireMembers } from './peer-checks';
import type { Services } from './services';

export interface CreateVolunteerTeamInput {
  name: string;
  specialty: Skill;
  organizationId: string;
  leaderId: string;
  foundedOn?: string | null;
}

const refusals = {
  volunteer_team_name_key: () => new ConflictError('This organisation already has a volunteer team of that name'),
  team_membership_current_idx: () => new ConflictError('The member already belongs to this team'),
};

async function requireTeam(store: TeamStore, teamId: string): Promise<VolunteerTeam> {
  const team = await store.lock(teamId);
  if (!team) throw new NotFoundError('VolunteerTeam', teamId, 'teamId');
  return team;
}

/** Sets up a team (党员志愿者服务队) under an active organisation; its leader is its first member. */
export async function createVolunteerTeam({ transact, peers, actor }: Services, input: CreateVolunteerTeamInput): Promise<VolunteerTeam> {
  const name = check.name('name', input.name, 50);
  const organizationId = check.uuid('organizationId', input.organizationId);
  const leaderId = check.uuid('leaderId', input.leaderId);
  const foundedOn = check.isoDate('foundedOn', input.foundedOn ?? chinaToday());
  const organization = await requireActiveOrganization(peers, organizationId, 'organizationId');
  await authorizeManaging(actor, peers, organizationId, organization.path);
  await requireMembers(peers, [leaderId], 'leaderId');
  return transact(async ({ tx, outbox }) => {
    const store = new TeamStore(tx);
    const team: VolunteerTeam = { id: randomUUID(), name, specialty: input.specialty, organizationId, communityId: organization.communityId, leaderId, foundedOn };
    await store.insert(team).catch((error: unknown) => translateConstraint(error, refusals));
    const membership: TeamMembership = { id: randomUUID(), teamId: team.id, memberId: leaderId, joinedOn: foundedOn, leftOn: null };
    await store.addMember(membership);
    await outbox.emit(teamEvents.created(team), teamEvents.memberJoined(membership));
    return team;
  });
}

/** A member joins: for themselves, or by a manager of the team's organisation. */
export async function joinVolunteerTeam(services: Services, teamId: string, memberId: string, joinedOn?: string | null): Promise<TeamMembership> {
  const { transact, peers, actor } = services;
  const ids = { teamId: check.uuid('teamId', teamId), memberId: check.uuid('memberId', memberId) };
  const on = check.isoDate('joinedOn', joinedOn ?? chinaToday());
  await authorizeSelfOrManaging(actor, peers, ids.memberId, (await knownTeam(services, ids.teamId, 'teamId')).organizationId);
  await requireMembers(peers, [ids.memberId], 'memberId');
  return transact(async ({ tx, outbox }) => {
    const store = new TeamStore(tx);
    const team = await requireTeam(store, ids.teamId);
    if (on < team.foundedOn) throw new ValidationError('joinedOn', `${team.name} was founded on ${team.foundedOn}: nobody joined it before`);
    const membership: TeamMembership = { id: randomUUID(), teamId: team.id, memberId: ids.memberId, joinedOn: on, leftOn: null };
    await store.addMember(membership).catch((error: unknown) => translateConstraint(error, refusals));
    await outbox.emit(teamEvents.memberJoined(membership));
    return membership;
  });
}

/** A member leaves; the leader hands over first, so a team always has a leader among its members. */
export async function leaveVolunteerTeam(services: Services, teamId: string, memberId: string, leftOn?: string | null): Promise<TeamMembership> {
  const { transact, peers, actor } = services;
  const ids = { teamId: check.uuid('teamId', teamId), memberId: check.uuid('memberId', memberId) };
  const on = check.isoDate('leftOn', leftOn ?? chinaToday());
  await authorizeSelfOrManaging(actor, peers, ids.memberId, (await knownTeam(services, ids.teamId, 'teamId')).organizationId);
  return transact(async ({ tx, outbox }) => {
    const store = new TeamStore(tx);
    const team = await requireTeam(store, ids.teamId);
    const membership = await store.currentMembership(team.id, ids.memberId);
    if (!membership) throw new ConflictError(`The member is not a current member of ${team.name}`);
    if (team.leaderId === ids.memberId) throw new ConflictError(`The member leads ${team.name}: hand the leadership to another member first`);
    if (on < membership.joinedOn) throw new ValidationError('leftOn', `The member joined on ${membership.joinedOn}: leftOn cannot be earlier`);
    await store.endMembership(membership.id, on);
    await outbox.emit(teamEvents.memberLeft(membership, on));
    return { ...membership, leftOn: on };
  });
}

export async function changeVolunteerTeamLeader(services: Services, teamId: string, memberId: string): Promise<VolunteerTeam> {
  const { transact, peers, actor } = services;
  const ids = { teamId: check.uuid('teamId', teamId), memberId: check.uuid('memberId', memberId) };
  await authorizeManaging(actor, peers, (await knownTeam(services, ids.teamId, 'teamId')).organizationId);
  return transact(async ({ tx, outbox }) => {
    const store = new TeamStore(tx);
    const team = await requireTeam(store, ids.teamId);
    if (team.leaderId === ids.memberId) return team;
    if (!(await store.currentMembership(team.id, ids.memberId))) throw new ConflictError(`Only a current member of ${team.name} can lead it`);
    await store.setLeader(team.id, ids.memberId);
    await outbox.emit(teamEvents.leaderChanged(team, ids.memberId));
    return { ...team, leaderId: ids.memberId };
  });
}
