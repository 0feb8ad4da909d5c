import { readPage, toConnection, today, type PageArgs } from '@cpb/kit';
import type { Context } from '../context';
import { memberYear, type ArrearsRow } from '../data/dues-reads';
import { checkPeriod, checkYear } from '../domain/dues-input';
import { firstDay, LONG_ARREARS_MONTHS, periodOfDay } from '../domain/dues-months';
import type { DuesMonth, DuesPayment, Member } from '../entities';
import type { OrganizationRef } from '../loaders';

/** `Member.dues(year)`: the member and the secretaries of their organisation only (the base is sensitive, and amounts reveal it). */
export async function memberDues(member: Member, args: { year: number }, ctx: Context) {
  await ctx.access.requireDuesReaderOf(member);
  const year = checkYear('year', args.year);
  const key = memberYear(member.id, year);
  const [months, bases, payments, reductions] = await Promise.all([
    ctx.dues.months.load(key),
    ctx.dues.bases.load(key),
    ctx.dues.payments.load(key),
    ctx.dues.reductions.load(key),
  ]);
  const thisMonth = firstDay(periodOfDay(today()));
  const sum = (rows: DuesMonth[]) => rows.reduce((total, m) => total + m.dueFen, 0);
  return {
    year,
    bases,
    payments,
    reductions,
    months: months.map((m) => ({ ...m, month: m.month.slice(0, 7), paid: m.paymentId !== null })),
    dueFen: sum(months),
    paidFen: sum(months.filter((m) => m.paymentId)),
    overdueFen: sum(months.filter((m) => !m.paymentId && m.month < thisMonth)),
  };
}

/** Ledger entries with months as `YYYY-MM`. */
export const DuesPaymentType = {
  months: (p: DuesPayment) => p.months.map((m) => m.slice(0, 7)),
  reverses: (p: DuesPayment, _: unknown, ctx: Context) => (p.reversesId ? ctx.dues.payment.load(p.reversesId) : null),
};

export const DuesReductionType = {
  fromMonth: (r: { fromMonth: string }) => r.fromMonth.slice(0, 7),
  untilMonth: (r: { untilMonth: string }) => r.untilMonth.slice(0, 7),
};

/** `Organization.duesSummary(year, month)`: totals over its subtree, for analysts and its managers. */
export async function duesSummary(org: OrganizationRef, args: { year: number; month: number }, ctx: Context) {
  await ctx.access.requireDuesTotalsReader(org.id);
  const year = checkYear('year', args.year);
  const month = `${year}-${String(args.month).padStart(2, '0')}`;
  const totals = await ctx.dues.totals.load({
    organizationId: org.id,
    subtreeIds: org.subtreeIds ?? [org.id],
    month: checkPeriod('month', month),
  });
  return { month, ...totals };
}

/** `Organization.arrears(first, after)`: members of its subtree with months overdue, by member id; six in a row flagged. */
export async function arrears(org: OrganizationRef, args: PageArgs, ctx: Context) {
  await ctx.access.requireArrearsReader(org.id);
  const page = readPage<[string]>(args);
  const rows = await ctx.duesReads.arrears(
    org.subtreeIds ?? [org.id],
    firstDay(periodOfDay(today())),
    page.after?.[0] ?? null,
    page.limit + 1,
  );
  return toConnection(
    rows.map((r: ArrearsRow) => ({
      ...r,
      oldestMonth: r.oldestMonth.slice(0, 7),
      longArrears: r.consecutiveMonths >= LONG_ARREARS_MONTHS,
      member: ctx.loaders.member.load(r.memberId),
    })),
    page,
    (r) => [r.memberId],
  );
}
