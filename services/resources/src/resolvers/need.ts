import type { Context } from '../context';
import type { Need as NeedRecord, Project as ProjectRecord, Resource } from '../entities';

export const Need = {
  __resolveReference: ({ id }: { id: string }, ctx: Context) => ctx.loaders.need.load(id),
  community: (need: NeedRecord) => ({ id: need.communityId }),
  projects: (need: NeedRecord, _: unknown, ctx: Context) => ctx.loaders.projectsOfNeed.load(need.id),
};

export const Project = {
  __resolveReference: ({ id }: { id: string }, ctx: Context) => ctx.loaders.project.load(id),
  need: (project: ProjectRecord, _: unknown, ctx: Context) => ctx.loaders.need.load(project.needId),
  community: (project: ProjectRecord) => ({ id: project.communityId }),
  resources: async (project: ProjectRecord, _: unknown, ctx: Context) => {
    const found = await ctx.loaders.resource.loadMany(await ctx.loaders.resourceIdsOfProject.load(project.id));
    return found.filter((r): r is Resource => Boolean(r) && !(r instanceof Error));
  },
  partnerUnits: (project: ProjectRecord) => project.partnerUnitIds.map((id) => ({ id })),
};
