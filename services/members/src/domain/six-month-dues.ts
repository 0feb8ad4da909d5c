import { check, requireRole, today, type Actor } from '@cpb/kit';
import type { DuesReads } from '../data/dues-reads';
import type { MemberRepository } from '../data/member-repository';
import { firstDay, LONG_ARREARS_MONTHS, periodOfDay } from './dues-months';

/**
 * Internal, for the organizations service's six-month list (自行脱党: six months without organisational
 * life or without dues): which of the members it found absent the organisations still hold, and who
 * there owes `LONG_ARREARS_MONTHS` months or more in a row before the current month, from the ledger
 * as it is (never a stored total). Only a service may ask (hidden from the gateway); the organizations
 * service has authorised its caller.
 */
export async function sixMonthDuesFacts(
  reads: { dues: DuesReads; members: MemberRepository },
  actor: Actor,
  args: { organizationIds: string[]; memberIds: string[] },
) {
  requireRole(actor, 'SERVICE');
  const organizationIds = args.organizationIds.map((id, i) => check.uuid(`organizationIds[${i}]`, id));
  const memberIds = args.memberIds.map((id, i) => check.uuid(`memberIds[${i}]`, id));
  const [held, longArrears] = await Promise.all([
    reads.members.heldAmong(memberIds, organizationIds),
    reads.dues.longArrears(organizationIds, firstDay(periodOfDay(today())), LONG_ARREARS_MONTHS),
  ]);
  return { held, longArrears: longArrears.map((a) => ({ ...a, since: a.since.slice(0, 7) })) };
}
