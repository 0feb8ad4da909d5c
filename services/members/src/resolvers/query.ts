import { check, readAuditTrail, readPage, toConnection, type PageArgs } from '@cpb/kit';
import { auditScope } from '../audit-scope';
import type { Context } from '../context';
import type { MemberKey, MemberQuery } from '../data/member-repository';
import type { ApplicantQuery, TransferKey, TransferQuery } from '../data/membership-repository';
import { memberQuery, type MemberFilterInput } from '../domain/member-search';
import { organizationRoster } from '../domain/roster';
import { membersWithIdNumbers } from '../domain/member-import-lookup';
import { sixMonthDuesFacts } from '../domain/six-month-dues';

/** A transfer is read by the member and the managers of both the sending and the receiving organisation. */
async function requireTransferParty(
  ctx: Context,
  transfer: { memberId: string; fromOrganizationId: string; toOrganizationId: string },
): Promise<void> {
  if (ctx.actor.role === 'MEMBER' && ctx.actor.memberId === transfer.memberId) return;
  if (await ctx.access.manages(transfer.toOrganizationId)) return ctx.access.requireManagerOf(transfer.toOrganizationId);
  await ctx.access.requireManagerOf(transfer.fromOrganizationId);
}

/** A manager's list never leaves their subtree, whatever the filter asks for. */
function withinScope(query: MemberQuery, scope: string[] | null): MemberQuery {
  if (scope === null) return query;
  const allowed = new Set(scope);
  return { ...query, organizationIds: (query.organizationIds ?? scope).filter((id) => allowed.has(id)) };
}

const optionalId = (field: string, value?: string | null): string | null => (value ? check.uuid(field, value) : null);

export const Query = {
  membersWithIdNumbers: (_: unknown, args: { idNumbers: string[] }, ctx: Context) => membersWithIdNumbers(ctx.dataSource, ctx.actor, args),
  organizationRoster: (_: unknown, args: { organizationId: string; on: string }, ctx: Context) =>
    organizationRoster(ctx.dataSource, ctx.actor, args),
  sixMonthDuesFacts: (_: unknown, args: { organizationIds: string[]; memberIds: string[] }, ctx: Context) =>
    sixMonthDuesFacts({ dues: ctx.duesReads, members: ctx.members }, ctx.actor, args),
  membersAuditTrail: (_: unknown, args: PageArgs & { targetId?: string | null }, ctx: Context) =>
    readAuditTrail(ctx.dataSource, ctx.actor, args, auditScope(ctx.peers)),
  member: async (_: unknown, { id }: { id: string }, ctx: Context) => {
    const member = await ctx.loaders.member.load(check.uuid('id', id));
    if (member) await ctx.access.accessTo(member);
    return member;
  },
  members: async (_: unknown, args: PageArgs & { filter?: MemberFilterInput | null }, ctx: Context) => {
    const page = readPage<MemberKey>(args);
    const scope = await ctx.access.listScope();
    const { rows, total } = await ctx.members.page(withinScope(await memberQuery(ctx.peers, args.filter ?? {}), scope), page);
    for (const row of rows) ctx.loaders.member.prime(row.id, row);
    return toConnection(rows, page, (m) => [m.name, m.id], total);
  },
  applicant: async (_: unknown, { id }: { id: string }, ctx: Context) => {
    const applicant = await ctx.loaders.applicant.load(check.uuid('id', id));
    if (applicant) await ctx.access.requireManagerOf(applicant.organizationId);
    return applicant;
  },
  applicants: async (_: unknown, args: PageArgs & { filter?: ApplicantQuery | null }, ctx: Context) => {
    const scope = await ctx.access.listScope();
    const page = readPage<MemberKey>(args);
    const filter = args.filter ?? {};
    // Whatever the filter names, a manager's list never leaves their subtree (as applicant(id)).
    const query = {
      ...filter,
      organizationId: optionalId('organizationId', filter.organizationId),
      communityId: optionalId('communityId', filter.communityId),
      organizationIds: scope,
    };
    const { rows, total } = await ctx.membership.applicantPage(query, page);
    return toConnection(rows, page, (a) => [a.name, a.id], total);
  },
  transfer: async (_: unknown, { id }: { id: string }, ctx: Context) => {
    const transfer = await ctx.loaders.transfer.load(check.uuid('id', id));
    if (transfer) await requireTransferParty(ctx, transfer);
    return transfer;
  },
  transfers: async (_: unknown, args: PageArgs & { filter?: TransferQuery | null }, ctx: Context) => {
    const scope = await ctx.access.listScope();
    const page = readPage<TransferKey>(args);
    const filter = args.filter ?? {};
    // Only transfers into or out of the caller's subtree (as transfer(id)), whatever the filter.
    const query = {
      ...filter,
      organizationId: optionalId('organizationId', filter.organizationId),
      memberId: optionalId('memberId', filter.memberId),
      organizationIds: scope,
    };
    const { rows, total } = await ctx.membership.transferPage(query, page);
    return toConnection(rows, page, (t) => [t.requestedOn, t.id], total);
  },
};
