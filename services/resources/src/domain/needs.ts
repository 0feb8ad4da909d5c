import { randomUUID } from 'node:crypto';
import { check, ConflictError, loadExisting, msg, NotFoundError, today, useCase, ValidationError } from '@cpb/kit';
import { NeedStore } from '../data/need-store';
import { ResourceStore } from '../data/resource-store';
import type { Need, NeedCategory, Project } from '../entities';
import { needEvents } from '../events';
import { checkCompletable, checkMatchable, checkStartable } from './project-rules';
import type { Services } from './services';
import { freeText, idList } from './text';

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
export const raiseNeed = useCase({
  async authorize({ policy }: Services, { input }: { input: RaiseNeedInput }) {
    policy.permit('raiseNeed');
    await policy.community(input.communityId);
    return {
      communityId: check.uuid('communityId', input.communityId),
      title: check.name('title', input.title, 100),
      category: input.category,
      description: freeText('description', input.description, 2000),
    };
  },
  async gather({ peers }: Services, raising) {
    await peers.require('Community', [raising.communityId], 'communityId');
    return raising;
  },
  async change({ tx, outbox }, raising) {
    const need: Need = { id: randomUUID(), ...raising, status: 'OPEN', raisedOn: today(), resolvedOn: null };
    await new NeedStore(tx).insertNeed(need);
    await outbox.emit(needEvents.raised(need));
    return need;
  },
});

/**
 * Matches a need to resources (and the units behind them) as a planned project (项目清单): the
 * three lists of need, resource and project joined. The resources are held shared so none is
 * withdrawn under the new project. Partner units beyond the resources' providers are asked of
 * organizations before the transaction (a resource's provider never changes).
 */
export const matchNeed = useCase({
  async authorize(services: Services, { input }: { input: MatchNeedInput }) {
    await services.policy.communityRecord('matchNeed', () => loadExisting(services.loaders.need, 'Need', input.needId, 'needId'));
    return {
      needId: check.uuid('needId', input.needId),
      title: check.name('title', input.title, 100),
      resourceIds: idList('resourceIds', input.resourceIds, 1, 20),
      extraUnitIds: idList('partnerUnitIds', input.partnerUnitIds ?? [], 0, 20),
    };
  },
  async gather({ peers, loaders }: Services, matching) {
    const providers = (await loaders.resource.loadMany(matching.resourceIds)).flatMap((r) =>
      r && !(r instanceof Error) ? [r.providerId] : [],
    );
    const others = matching.extraUnitIds.filter((id) => !providers.includes(id));
    if (others.length) await peers.require('ResidentUnit', others, 'partnerUnitIds');
    return matching;
  },
  async change({ tx, outbox }, { needId, title, resourceIds, extraUnitIds }) {
    const needs = new NeedStore(tx);
    const need = await needs.lockNeed(needId);
    if (!need) throw new NotFoundError('Need', needId, 'needId');
    checkMatchable(need);
    const resources = await new ResourceStore(tx).lockShared(resourceIds);
    for (const id of resourceIds) {
      const resource = resources.get(id);
      if (!resource) throw new NotFoundError('Resource', id, 'resourceIds');
      if (resource.status !== 'AVAILABLE') throw new ConflictError(msg('resource.withdrawn', { name: resource.name }));
    }
    const providers = [...new Set([...resources.values()].map((r) => r.providerId))];
    const others = extraUnitIds.filter((id) => !providers.includes(id));
    const project: Project = {
      id: randomUUID(),
      needId,
      communityId: need.communityId,
      title,
      partnerUnitIds: [...providers, ...others],
      status: 'PLANNED',
      plannedOn: today(),
      startedOn: null,
      completedOn: null,
      outcome: null,
    };
    await needs.insertProject(project, resourceIds);
    if (need.status === 'OPEN') await needs.setNeedStatus(need.id, 'MATCHED', null);
    await outbox.emit(needEvents.projectPlanned(project, resourceIds, need.category));
    return project;
  },
});

async function requireProject(needs: NeedStore, id: string): Promise<Project> {
  const project = await needs.lockProject(check.uuid('id', id));
  if (!project) throw new NotFoundError('Project', id, 'id');
  return project;
}

function checkDay(field: string, value: string | null | undefined, earliest: string, today: string): string {
  const day = check.isoDate(field, value ?? today);
  if (day > today) throw new ValidationError(field, msg('date.notInFuture', { field }));
  if (day < earliest) throw new ValidationError(field, msg('date.notBefore', { field, date: earliest }));
  return day;
}

/** PLANNED → ACTIVE. */
export const startProject = useCase({
  async authorize(services: Services, args: { id: string; startedOn?: string | null }) {
    await services.policy.communityRecord('startProject', () => loadExisting(services.loaders.project, 'Project', args.id, 'id'));
    return args;
  },
  async change({ tx, outbox }, { id, startedOn }) {
    const needs = new NeedStore(tx);
    const project = await requireProject(needs, id);
    checkStartable(project);
    const on = checkDay('startedOn', startedOn, project.plannedOn, today());
    await needs.startProject(project.id, on);
    await outbox.emit(needEvents.projectStarted(project, on));
    return { ...project, status: 'ACTIVE' as const, startedOn: on };
  },
});

/** ACTIVE → COMPLETED; completing the project resolves its need. */
export const completeProject = useCase({
  async authorize(services: Services, args: { id: string; outcome: string; completedOn?: string | null }) {
    await services.policy.communityRecord('completeProject', () => loadExisting(services.loaders.project, 'Project', args.id, 'id'));
    return args;
  },
  async change({ tx, outbox }, { id, outcome, completedOn }) {
    const needs = new NeedStore(tx);
    const project = await requireProject(needs, id);
    checkCompletable(project);
    const result = check.name('outcome', outcome, 1000);
    const on = checkDay('completedOn', completedOn, project.startedOn!, today());
    await needs.completeProject(project.id, on, result);
    const need = await needs.lockNeed(project.needId);
    if (need && need.status !== 'RESOLVED') await needs.setNeedStatus(need.id, 'RESOLVED', on);
    await outbox.emit(needEvents.projectCompleted(project, on));
    return { ...project, status: 'COMPLETED' as const, completedOn: on, outcome: result };
  },
});
