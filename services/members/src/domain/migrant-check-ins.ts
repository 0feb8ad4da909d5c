import { randomUUID } from 'node:crypto';
import { check, ConflictError, loadExisting, msg, NotFoundError, today, translateConstraint, useCase } from '@cpb/kit';
import { MemberStore } from '../data/member-store';
import { MembershipStore } from '../data/membership-store';
import type { Member, MigrantCheckIn } from '../entities';
import { registrationEvents } from '../events';
import { checkActionDate } from './membership-rules';
import { requireActiveOrganization } from './peer-facts';
import type { Services } from './services';

const oneCheckInADay = { migrant_check_in_once_a_day: () => new ConflictError(msg('migrant.checkedInThatDay')) };

function checkMigrant(member: Member): void {
  if (member.category !== 'MIGRANT') throw new ConflictError(msg('migrant.notMigrant', { name: member.name }));
}

/**
 * A migrant member (流动党员) reports in at a migrant member station: an active organisation of MIGRANT
 * scope, asked of organizations before the transaction; the member's category is decided again on its locked row.
 */
export const checkInMigrant = useCase({
  async authorize({ policy, loaders }: Services, args: { memberId: string; organizationId: string; checkedInOn?: string | null }) {
    const member = await loadExisting(loaders.member, 'Member', args.memberId, 'memberId');
    const stationId = check.uuid('organizationId', args.organizationId);
    await policy.permit('checkInMigrant', { organizationId: stationId, memberId: member.id });
    checkMigrant(member);
    const on = checkActionDate('checkedInOn', args.checkedInOn ?? today(), today(), { date: member.joinedOn, what: 'JOINING' });
    return { memberId: member.id, stationId, on };
  },
  async gather({ peers }: Services, checkingIn) {
    await requireActiveOrganization(peers, checkingIn.stationId, 'organizationId', 'MIGRANT');
    return checkingIn;
  },
  async change({ tx, outbox }, { memberId, stationId, on }) {
    const member = await new MemberStore(tx).lockMember(memberId);
    if (!member) throw new NotFoundError('Member', memberId, 'memberId');
    checkMigrant(member);
    const checkIn: MigrantCheckIn = { id: randomUUID(), memberId, organizationId: stationId, checkedInOn: on };
    await new MembershipStore(tx).insertCheckIn(checkIn).catch((error: unknown) => translateConstraint(error, oneCheckInADay));
    await outbox.emit(registrationEvents.migrantCheckedIn(checkIn));
    return checkIn;
  },
});
