import { randomUUID } from 'node:crypto';
import { check, ConflictError, NotFoundError, ValidationError, type Peers, type UnitOfWork } from '@cpb/kit';
import { NeedStore } from '../data/need-store';
import { ResourceStore } from '../data/resource-store';
import type { Need, NeedCategory, Project } from '../entities';
import { needEvents } from '../events';
import { localToday } from './local-time';
import { community as communityFacts, residentUnits } from './peer-facts';
import { mayManageCoBuilding } from './policy';
import { checkCompletable, checkMatchable, checkStartable } from './project-rules';
import { freeText, idList } from './text';
import { requireCommunityInScope } from './scope';

export interface RaiseNeedInput {
  communityId: string;
  title: string;
  category: NeedCategory;
  description?: string | null;
}

export interface MatchNeedInput {
  needId: string;
  title: string;
  resourceIds: string[];
  /** Units beyond the resources' providers (who always take part). */
  partnerUnitIds?: string[] | null;
}

/** Residents' need raised in a community (需求清单). */
export async function raiseNeed({ tx, outbox, actor }: UnitOfWork, peers: Peers, input: RaiseNeedInput, today = localToday()): Promise<Need> {
  mayManageCoBuilding(actor);
  await requireCommunityInScope(actor, peers, input.communityId);
  const communityId = check.uuid('communityId', input.communityId);
  const title = check.name('title', input.title, 100);
  const description = freeText('description', input.description, 2000);
  await communityFacts(peers, communityId, 'communityId');
  const need: Need = { id: randomUUID(), communityId, title, category: input.category, description, status: 'OPEN', raisedOn: today, resolvedOn: null };
  await new NeedStore(tx).insertNeed(need);
  await outbox.emit(needEvents.raised(need));
  return need;
}

/**
 * Matches a need to resources (and the units behind them) as a planned project (项目清单): the
 * three lists of need, resource and project joined. The resources are held shared so none is
 * withdrawn under the new project.
 */
export async function matchNeed({ tx, outbox, actor }: UnitOfWork, peers: Peers, input: MatchNeedInput, today = localToday()): Promise<Project> {
  mayManageCoBuilding(actor);
  const needId = check.uuid('needId', input.needId);
  const title = check.name('title', input.title, 100);
  const resourceIds = idList('resourceIds', input.resourceIds, 1, 20);
  const extraUnitIds = idList('partnerUnitIds', input.partnerUnitIds ?? [], 0, 20);
  const needs = new NeedStore(tx);
  const need = await needs.lockNeed(needId);
  if (!need) throw new NotFoundError('Need', needId, 'needId');
  checkMatchable(need);
  const resources = await new ResourceStore(tx).lockShared(resourceIds);
  for (const id of resourceIds) {
    const resource = resources.get(id);
    if (!resource) throw new NotFoundError('Resource', id, 'resourceIds');
    if (resource.status !== 'AVAILABLE') throw new ConflictError(`${resource.name} has been withdrawn`);
  }
  const providers = [...new Set([...resources.values()].map((r) => r.providerId))];
  const others = extraUnitIds.filter((id) => !providers.includes(id));
  if (others.length) await residentUnits(peers, others, 'partnerUnitIds');
  const project: Project = {
    id: randomUUID(), needId, communityId: need.communityId, title, partnerUnitIds: [...providers, ...others],
    status: 'PLANNED', plannedOn: today, startedOn: null, completedOn: null, outcome: null,
  };
  await needs.insertProject(project, resourceIds);
  if (need.status === 'OPEN') await needs.setNeedStatus(need.id, 'MATCHED', null);
  await outbox.emit(needEvents.projectPlanned(project, resourceIds, need.category));
  return project;
}

async function requireProject(needs: NeedStore, id: string): Promise<Project> {
  const project = await needs.lockProject(check.uuid('id', id));
  if (!project) throw new NotFoundError('Project', id, 'id');
  return project;
}

function checkDay(field: string, value: string | null | undefined, earliest: string, today: string): string {
  const day = check.isoDate(field, value ?? today);
  if (day > today) throw new ValidationError(field, `${field} cannot be in the future`);
  if (day < earliest) throw new ValidationError(field, `${field} cannot be before ${earliest}`);
  return day;
}

/** PLANNED → ACTIVE. */
export async function startProject({ tx, outbox, actor }: UnitOfWork, id: string, startedOn?: string | null, today = localToday()): Promise<Project> {
  mayManageCoBuilding(actor);
  const needs = new NeedStore(tx);
  const project = await requireProject(needs, id);
  checkStartable(project);
  const on = checkDay('startedOn', startedOn, project.plannedOn, today);
  await needs.startProject(project.id, on);
  await outbox.emit(needEvents.projectStarted(project, on));
  return { ...project, status: 'ACTIVE', startedOn: on };
}

/** ACTIVE → COMPLETED; completing the project resolves its need. */
export async function completeProject({ tx, outbox, actor }: UnitOfWork, id: string, outcome: string, completedOn?: string | null, today = localToday()): Promise<Project> {
  mayManageCoBuilding(actor);
  const needs = new NeedStore(tx);
  const project = await requireProject(needs, id);
  checkCompletable(project);
  const result = check.name('outcome', outcome, 1000);
  const on = checkDay('completedOn', completedOn, project.startedOn!, today);
  await needs.completeProject(project.id, on, result);
  const need = await needs.lockNeed(project.needId);
  if (need && need.status !== 'RESOLVED') await needs.setNeedStatus(need.id, 'RESOLVED', on);
  await outbox.emit(needEvents.projectCompleted(project, on));
  return { ...project, status: 'COMPLETED', completedOn: on, outcome: result };
}
