import {
  addMonths,
  check,
  ConflictError,
  loadExisting,
  msg,
  NotFoundError,
  today,
  translateConstraint,
  useCase,
  ValidationError,
} from '@cpb/kit';
import { MemberStore } from '../data/member-store';
import { probationExtensionOf, recordProbationExtension, type ProbationExtension } from '../data/probation-extensions';
import type { Member } from '../entities';
import { memberEvents } from '../events';
import { checkActionDate } from './membership-rules';
import type { Services } from './services';

/** Probation (预备期) may be extended once, by 6 to 12 months (the Party's working regulations). */
export const EXTENSION_MONTHS = { min: 6, max: 12 } as const;

export function readExtensionMonths(months: number): number {
  if (!Number.isInteger(months) || months < EXTENSION_MONTHS.min || months > EXTENSION_MONTHS.max)
    throw new ValidationError('months', msg('probation.months', { field: 'months' }));
  return months;
}

/**
 * The rule of an extension, over the member as locked: a probationary member, never extended before,
 * decided before the year of probation ends (on `probationEndsOn` it is over: conversion is possible
 * from that day, so that day is too late). Returns the new end: `months` after the old one.
 */
export function checkProbationExtension(
  member: Pick<Member, 'name' | 'status' | 'probationEndsOn'>,
  earlier: ProbationExtension | null,
  months: number,
  extendedOn: string,
): string {
  if (member.status !== 'PROBATIONARY' || !member.probationEndsOn)
    throw new ConflictError(msg('probation.notProbationary', { name: member.name }));
  if (earlier)
    throw new ConflictError(
      msg('probation.alreadyExtended', { name: member.name, extendedOn: earlier.extendedOn, months: earlier.months }),
    );
  if (extendedOn >= member.probationEndsOn)
    throw new ConflictError(msg('probation.yearOver', { name: member.name, probationEndsOn: member.probationEndsOn }));
  return addMonths(member.probationEndsOn, months);
}

export interface ExtendProbationArgs {
  memberId: string;
  months: number;
  reason: string;
  extendedOn?: string | null;
}

/**
 * The branch extends a probationary member's probation (延长预备期) instead of converting them: once,
 * by 6 to 12 months, before the year ends. The member's row is locked, so an extension and a conversion
 * of one member queue; the table's key refuses a second extension even if two race.
 */
export const extendProbation = useCase({
  async authorize({ policy, loaders }: Services, args: ExtendProbationArgs) {
    const member = await loadExisting(loaders.member, 'Member', args.memberId, 'memberId');
    await policy.permit('extendProbation', { organizationId: member.organizationId });
    const months = readExtensionMonths(args.months);
    const reason = check.name('reason', args.reason, 500);
    return { id: member.id, months, reason, extendedOn: args.extendedOn };
  },
  async change({ tx, outbox }, { id, months, reason, extendedOn }) {
    const member = await new MemberStore(tx).lockMember(id);
    if (!member) throw new NotFoundError('Member', id, 'memberId');
    const on = checkActionDate('extendedOn', extendedOn ?? today(), today(), { date: member.joinedOn, what: 'JOINING' });
    const probationEndsOn = checkProbationExtension(member, await probationExtensionOf(tx, id), months, on);
    const extension: ProbationExtension = {
      memberId: id,
      months,
      extendedOn: on,
      previousEndsOn: member.probationEndsOn!,
      probationEndsOn,
      reason,
    };
    await recordProbationExtension(tx, extension).catch((error: unknown) =>
      translateConstraint(error, {
        probation_extension_pkey: () => new ConflictError(msg('probation.alreadyExtended', { name: member.name, extendedOn: on, months })),
      }),
    );
    await outbox.emit(memberEvents.probationExtended(member, extension));
    return { ...member, probationEndsOn };
  },
});
