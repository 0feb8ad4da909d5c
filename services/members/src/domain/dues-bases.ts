import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  check,
  ConflictError,
  loadExisting,
  msg,
  NotFoundError,
  translateConstraint,
  useCase,
  ValidationError,
  type Actor,
} from '@cpb/kit';
import { DuesStore } from '../data/dues-store';
import { MemberStore } from '../data/member-store';
import type { DuesBase, DuesReduction, Member } from '../entities';
import { duesEvents } from '../events';
import { checkPastDay, checkPeriod, checkYear } from './dues-input';
import { firstOwedMonth } from './dues-months';
import { baseAmountProblem, type DuesBasis } from './dues-rates';
import { scheduleYear } from './dues-schedule';
import type { Services } from './services';

/** Who did it, as the ledger records it: the actor's subject (never a name: records stay free of personal data). */
export const recordedBy = (actor: Actor) => `${actor.role}:${actor.sub}`;

/** Recomputes the unpaid months of the given years from the bases and reductions now in force. */
export async function rescheduleYears(store: DuesStore, member: Member, years: Iterable<number>): Promise<void> {
  for (const year of years) {
    const reductions = await store.reductionsOf(member.id, `${year}-01-01`, `${year}-12-01`);
    await store.writeMonths(scheduleYear(member.id, year, member.joinedOn, await store.basesOf(member.id, year), reductions));
  }
}

/** The member's row, locked: every dues change of one member runs one after the other. */
export async function lockMember(tx: EntityManager, memberId: string): Promise<Member> {
  const member = await new MemberStore(tx).lockMember(memberId);
  if (!member) throw new NotFoundError('Member', memberId, 'memberId');
  return member;
}

export interface DeclareInput {
  memberId: string;
  year: number;
  fromMonth?: number | null;
  basis: DuesBasis;
  baseFen?: number | null;
}

/**
 * Declares a member's dues base (党费基数) for a year from a month on; the months from then until the next
 * declared change are computed again (those already paid keep what they were paid at). A member pays from
 * the month they became probationary. The event carries neither the income nor the basis (PIPL).
 */
export const declareDuesBase = useCase({
  async authorize({ policy, loaders, actor }: Services, { input }: { input: DeclareInput }) {
    const member = await loadExisting(loaders.member, 'Member', input.memberId, 'memberId');
    await policy.permit('declareDuesBase', { organizationId: member.organizationId, memberId: member.id });
    const year = checkYear('year', input.year);
    const fromMonth = input.fromMonth ?? 1;
    if (!Number.isInteger(fromMonth) || fromMonth < 1 || fromMonth > 12)
      throw new ValidationError('fromMonth', msg('dues.monthNumber', { field: 'fromMonth' }));
    const problem = baseAmountProblem(input.basis, input.baseFen);
    if (problem) throw new ValidationError('baseFen', msg(problem, { field: 'baseFen' }));
    if (!firstOwedMonth(year, fromMonth, member.joinedOn))
      throw new ValidationError('year', msg('dues.joinedAfterYear', { name: member.name, joinedOn: member.joinedOn, year }));
    const base = {
      id: randomUUID(),
      memberId: member.id,
      year,
      fromMonth,
      basis: input.basis,
      baseFen: input.baseFen ?? null,
      declaredBy: recordedBy(actor),
    };
    return base;
  },
  async change({ tx, outbox }, declared) {
    const member = await lockMember(tx, declared.memberId);
    const store = new DuesStore(tx);
    const base: DuesBase = await store.upsertBase(declared);
    await rescheduleYears(store, member, [base.year]);
    await outbox.emit(duesEvents.baseDeclared(base, member.organizationId));
    return base;
  },
});

export interface ReductionInput {
  memberId: string;
  kind: 'REDUCED' | 'WAIVED';
  monthlyFen?: number | null;
  fromMonth: string;
  untilMonth: string;
  approvedBy: string;
  approvedOn?: string | null;
  reason: string;
}

const overlapping = { dues_reduction_no_overlap: () => new ConflictError(msg('dues.reductionOverlaps')) };

/**
 * A branch reduces or waives a member's dues for hardship (困难党员减免), recorded with who approved it and
 * until when; the unpaid months it covers are due at the reduced amount (nothing when waived).
 */
export const grantDuesReduction = useCase({
  async authorize({ policy, loaders, actor }: Services, { input }: { input: ReductionInput }) {
    const member = await loadExisting(loaders.member, 'Member', input.memberId, 'memberId');
    await policy.permit('grantDuesReduction', { organizationId: member.organizationId });
    const fromMonth = checkPeriod('fromMonth', input.fromMonth);
    const untilMonth = checkPeriod('untilMonth', input.untilMonth);
    if (untilMonth < fromMonth)
      throw new ValidationError('untilMonth', msg('dues.untilBeforeFrom', { from: input.fromMonth, until: input.untilMonth }));
    const reduced = input.kind === 'REDUCED';
    const monthlyFen = input.monthlyFen ?? null;
    if (reduced !== (monthlyFen !== null) || (monthlyFen !== null && (!Number.isSafeInteger(monthlyFen) || monthlyFen < 0))) {
      throw new ValidationError('monthlyFen', msg('dues.reducedAmount', { field: 'monthlyFen' }));
    }
    const reduction: DuesReduction = {
      id: randomUUID(),
      memberId: member.id,
      kind: input.kind,
      monthlyFen,
      fromMonth,
      untilMonth,
      approvedBy: check.name('approvedBy', input.approvedBy, 100),
      approvedOn: checkPastDay('approvedOn', input.approvedOn),
      recordedBy: recordedBy(actor),
      reason: check.freeText('reason', input.reason, 500),
    };
    return reduction;
  },
  async change({ tx, outbox }, reduction) {
    const member = await lockMember(tx, reduction.memberId);
    const store = new DuesStore(tx);
    await store.insertReduction(reduction).catch((error: unknown) => translateConstraint(error, overlapping));
    const years = new Set<number>();
    for (let y = Number(reduction.fromMonth.slice(0, 4)); y <= Number(reduction.untilMonth.slice(0, 4)); y++) years.add(y);
    await rescheduleYears(store, member, years);
    await outbox.emit(duesEvents.reductionGranted(reduction, member.organizationId));
    return reduction;
  },
});
