import { randomUUID } from 'node:crypto';
import { check, ConflictError, NotFoundError, todayIso, translateConstraint, type Peers, type UnitOfWork } from '@cpb/kit';
import { MemberStore } from '../data/member-store';
import { MembershipStore } from '../data/membership-store';
import type { MigrantCheckIn } from '../entities';
import { registrationEvents } from '../events';
import { checkActionDate } from './membership-rules';
import { requireActiveOrganization } from './peer-facts';

const oneCheckInADay = { migrant_check_in_once_a_day: () => new ConflictError('This member has already checked in at this station on that day') };

/** A migrant member (流动党员) reports in at a migrant member station: an active organisation of MIGRANT scope. */
export async function checkInMigrant({ tx, outbox }: UnitOfWork, peers: Peers, memberId: string, organizationId: string, checkedInOn?: string | null): Promise<MigrantCheckIn> {
  const id = check.uuid('memberId', memberId);
  const stationId = check.uuid('organizationId', organizationId);
  const member = await new MemberStore(tx).lockMember(id);
  if (!member) throw new NotFoundError('Member', id, 'memberId');
  if (member.category !== 'MIGRANT') throw new ConflictError(`${member.name} is not a migrant member (流动党员)`);
  const on = checkActionDate('checkedInOn', checkedInOn ?? todayIso(), todayIso(), { date: member.joinedOn, what: 'joining' });
  await requireActiveOrganization(peers, stationId, 'organizationId', 'MIGRANT');
  const checkIn: MigrantCheckIn = { id: randomUUID(), memberId: id, organizationId: stationId, checkedInOn: on };
  await new MembershipStore(tx).insertCheckIn(checkIn).catch((error: unknown) => translateConstraint(error, oneCheckInADay));
  await outbox.emit(registrationEvents.migrantCheckedIn(checkIn));
  return checkIn;
}
