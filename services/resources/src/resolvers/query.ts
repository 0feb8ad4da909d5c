import { check, readAuditTrail, readPage, toConnection, type PageArgs, type SortKey } from '@cpb/kit';
import { auditScope } from '../audit-scope';
import type { Context } from '../context';
import type { AgreementFilter } from '../data/agreement-repository';
import type { BookingFilter } from '../data/booking-repository';
import type { JointMeetingFilter } from '../data/meeting-repository';
import type { NeedFilter, ProjectFilter } from '../data/need-repository';
import type { ResourceFilter } from '../data/resource-repository';
import { checkedFilter, checkedId } from './arguments';

type ListArgs<F> = PageArgs & { filter?: F | null };
type BookingFilterArgs = Omit<BookingFilter, 'startsFrom' | 'startsBefore'> & { startsFrom?: string | null; startsBefore?: string | null };

export const Query = {
  resourcesAuditTrail: (_: unknown, args: PageArgs & { targetId?: string | null }, ctx: Context) =>
    readAuditTrail(ctx.dataSource, ctx.actor, args, auditScope(ctx.peers)),
  resource: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.resource.load(checkedId(id)),
  resources: async (_: unknown, args: ListArgs<ResourceFilter>, ctx: Context) => {
    const page = readPage<SortKey>(args);
    const { rows, total } = await ctx.repos.resources.page(checkedFilter(args.filter, ['communityId', 'providerId']), page);
    for (const row of rows) ctx.loaders.resource.prime(row.id, row);
    return toConnection(rows, page, (r) => [r.name, r.id], total);
  },
  booking: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.booking.load(checkedId(id)),
  bookings: async (_: unknown, args: ListArgs<BookingFilterArgs>, ctx: Context) => {
    const page = readPage<SortKey>(args);
    const filter = checkedFilter(args.filter, ['resourceId', 'bookedById', 'activityId']);
    const { rows, total } = await ctx.repos.bookings.page(
      {
        ...filter,
        startsFrom: filter.startsFrom ? check.isoDateTime('filter.startsFrom', filter.startsFrom) : null,
        startsBefore: filter.startsBefore ? check.isoDateTime('filter.startsBefore', filter.startsBefore) : null,
      },
      page,
    );
    for (const row of rows) ctx.loaders.booking.prime(row.id, row);
    return toConnection(rows, page, (b) => [b.startsAt.toISOString(), b.id], total);
  },
  agreement: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.agreement.load(checkedId(id)),
  agreements: async (_: unknown, args: ListArgs<AgreementFilter>, ctx: Context) => {
    const page = readPage<SortKey>(args);
    const { rows, total } = await ctx.repos.agreements.page(
      checkedFilter(args.filter, ['communityId', 'partnerUnitId', 'organizationId']),
      page,
      ctx.today,
    );
    for (const row of rows) ctx.loaders.agreement.prime(row.id, row);
    return toConnection(rows, page, (a) => [a.signedOn, a.id], total);
  },
  need: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.need.load(checkedId(id)),
  needs: async (_: unknown, args: ListArgs<NeedFilter>, ctx: Context) => {
    const page = readPage<SortKey>(args);
    const { rows, total } = await ctx.repos.needs.needPage(checkedFilter(args.filter, ['communityId']), page);
    for (const row of rows) ctx.loaders.need.prime(row.id, row);
    return toConnection(rows, page, (n) => [n.raisedOn, n.id], total);
  },
  project: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.project.load(checkedId(id)),
  projects: async (_: unknown, args: ListArgs<ProjectFilter>, ctx: Context) => {
    const page = readPage<SortKey>(args);
    const { rows, total } = await ctx.repos.needs.projectPage(checkedFilter(args.filter, ['communityId', 'resourceId']), page);
    for (const row of rows) ctx.loaders.project.prime(row.id, row);
    return toConnection(rows, page, (p) => [p.plannedOn, p.id], total);
  },
  jointMeeting: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.jointMeeting.load(checkedId(id)),
  jointMeetings: async (_: unknown, args: ListArgs<JointMeetingFilter>, ctx: Context) => {
    const page = readPage<SortKey>(args);
    const filter = checkedFilter(args.filter, ['convenerId', 'attendingUnitId']);
    if (filter.year != null) check.year('filter.year', filter.year);
    const { rows, total } = await ctx.repos.meetings.page(filter, page);
    for (const row of rows) ctx.loaders.jointMeeting.prime(row.id, row);
    return toConnection(rows, page, (m) => [m.heldOn, m.id], total);
  },
};
