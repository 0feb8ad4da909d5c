import type { DuesBase, DuesMonth, DuesReduction } from '../entities';
import { firstDay, firstOwedMonth, monthsBetween, type Period } from './dues-months';
import { monthlyDues } from './dues-rates';

/**
 * A member's months of a year, computed from the year's declared bases (each from its first month
 * until the next) and the reductions granted: what each month costs, by which rule, and what is due.
 * Pure: the use cases write the result (a month already paid keeps what it was paid at).
 */
export function scheduleYear(
  memberId: string,
  year: number,
  joinedOn: string,
  bases: readonly DuesBase[],
  reductions: readonly DuesReduction[],
): DuesMonth[] {
  if (bases.length === 0) return [];
  const earliest = Math.min(...bases.map((b) => b.fromMonth));
  const first = firstOwedMonth(year, earliest, joinedOn);
  if (!first) return [];
  return monthsBetween(first, `${year}-12`).flatMap((period) => {
    const month = Number(period.slice(5));
    const base = [...bases].filter((b) => b.fromMonth <= month).sort((a, b) => b.fromMonth - a.fromMonth)[0];
    if (!base) return [];
    const dues = monthlyDues(base.basis, base.baseFen);
    const reduction = reductionOn(reductions, period);
    return [
      {
        memberId,
        month: firstDay(period),
        baseId: base.id,
        rule: dues.rule,
        rateBasisPoints: dues.rateBasisPoints,
        amountFen: dues.amountFen,
        reductionId: reduction?.id ?? null,
        dueFen: reduction ? reducedDue(reduction, dues.amountFen) : dues.amountFen,
        paymentId: null,
      },
    ];
  });
}

/** The reduction covering a month, if any (a member's reductions never overlap). */
export function reductionOn(reductions: readonly DuesReduction[], period: Period): DuesReduction | undefined {
  const day = firstDay(period);
  return reductions.find((r) => r.fromMonth <= day && day <= r.untilMonth);
}

/** What is due under a reduction: nothing when waived, else the reduced amount (never more than the computed one). */
export function reducedDue(reduction: Pick<DuesReduction, 'kind' | 'monthlyFen'>, amountFen: number): number {
  return reduction.kind === 'WAIVED' ? 0 : Math.min(reduction.monthlyFen ?? 0, amountFen);
}
