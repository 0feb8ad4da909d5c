import { check, readPage, toConnection, type PageArgs } from '@cpb/kit';
import type { Context } from '../context';
import type { MemberKey } from '../data/member-repository';
import type { ApplicantQuery, TransferKey, TransferQuery } from '../data/membership-repository';
import { memberQuery, type MemberFilterInput } from '../domain/member-search';

const optionalId = (field: string, value?: string | null): string | null => (value ? check.uuid(field, value) : null);

export const Query = {
  member: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.member.load(check.uuid('id', id)),
  members: async (_: unknown, args: PageArgs & { filter?: MemberFilterInput | null }, ctx: Context) => {
    const page = readPage<MemberKey>(args);
    const { rows, total } = await ctx.members.page(await memberQuery(ctx.peers, args.filter ?? {}), page);
    for (const row of rows) ctx.loaders.member.prime(row.id, row);
    return toConnection(rows, page, (m) => [m.name, m.id], total);
  },
  applicant: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.applicant.load(check.uuid('id', id)),
  applicants: async (_: unknown, args: PageArgs & { filter?: ApplicantQuery | null }, ctx: Context) => {
    const page = readPage<MemberKey>(args);
    const filter = args.filter ?? {};
    const query = { ...filter, organizationId: optionalId('organizationId', filter.organizationId), communityId: optionalId('communityId', filter.communityId) };
    const { rows, total } = await ctx.membership.applicantPage(query, page);
    return toConnection(rows, page, (a) => [a.name, a.id], total);
  },
  transfer: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.transfer.load(check.uuid('id', id)),
  transfers: async (_: unknown, args: PageArgs & { filter?: TransferQuery | null }, ctx: Context) => {
    const page = readPage<TransferKey>(args);
    const filter = args.filter ?? {};
    const query = { ...filter, organizationId: optionalId('organizationId', filter.organizationId), memberId: optionalId('memberId', filter.memberId) };
    const { rows, total } = await ctx.membership.transferPage(query, page);
    return toConnection(rows, page, (t) => [t.requestedOn, t.id], total);
  },
};
