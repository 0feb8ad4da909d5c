import { check, readAuditTrail, readPage, toConnection, type PageArgs } from '@cpb/kit';
import { auditScope } from '../audit-scope';
import type { Context } from '../context';
import type { TeamKey } from '../data/team-repository';
import type { Skill } from '../entities';

type TeamFilterArgs = { organizationId?: string | null; communityId?: string | null; specialty?: Skill | null };

export const Query = {
  activitiesAuditTrail: (_: unknown, args: PageArgs & { targetId?: string | null }, ctx: Context) =>
    readAuditTrail(ctx.dataSource, ctx.actor, args, auditScope(ctx.peers)),
  activity: async (_: unknown, { id }: { id: string }, ctx: Context) =>
    ctx.records.shown(await ctx.loaders.activity.load(check.uuid('id', id))),
  volunteerTeam: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.team.load(check.uuid('id', id)),
  volunteerTeams: async (_: unknown, args: PageArgs & { filter?: TeamFilterArgs | null }, ctx: Context) => {
    const page = readPage<TeamKey>(args);
    const filter = {
      organizationId: args.filter?.organizationId ? check.uuid('organizationId', args.filter.organizationId) : null,
      communityId: args.filter?.communityId ? check.uuid('communityId', args.filter.communityId) : null,
      specialty: args.filter?.specialty ?? null,
    };
    const { rows, total } = await ctx.teams.page(filter, page);
    for (const row of rows) ctx.loaders.team.prime(row.id, row);
    return toConnection(rows, page, (t) => [t.name, t.id], total);
  },
};
