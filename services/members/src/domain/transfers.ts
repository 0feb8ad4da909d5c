import { randomUUID } from 'node:crypto';
import { check, ConflictError, loadExisting, msg, NotFoundError, today, translateConstraint, useCase, type UnitOfWork } from '@cpb/kit';
import { MemberStore } from '../data/member-store';
import { MembershipStore } from '../data/membership-store';
import { OrganizationGate } from '../data/organization-gate';
import type { LetterReach, Member, Transfer } from '../entities';
import { transferEvents } from '../events';
import { optionalText } from './person';
import { requireActiveOrganization } from './peer-facts';
import type { TransferStep } from './policy';
import type { Services } from './services';
import { checkLetterValid, issueLetter } from './transfer-letters';
import { checkTransition } from './transfer-rules';

const oneOpenTransfer = { transfer_one_open_per_member_idx: () => new ConflictError(msg('transfer.alreadyOpen')) };

/**
 * The transfer read before the transaction (its member and organisations never change), decided by the
 * managers of the side the policy names for this step.
 */
export async function decidedTransfer({ policy, loaders }: Services, step: TransferStep, id: string): Promise<Transfer> {
  const transfer = await loadExisting(loaders.transfer, 'Transfer', id, 'id');
  await policy.permitTransferStep(step, transfer);
  return transfer;
}

/** The transfer and its member, locked member first (the order every use case keeps). */
export async function lockTransferAndMember(
  tx: UnitOfWork['tx'],
  known: Transfer,
): Promise<{ transfer: Transfer; member: Member; store: MembershipStore }> {
  const store = new MembershipStore(tx);
  const member = await new MemberStore(tx).lockMember(known.memberId);
  const transfer = await store.lockTransfer(known.id);
  if (!member || !transfer) throw new NotFoundError('Transfer', known.id, 'id');
  return { transfer, member, store };
}

function checkNotHeldBy(member: Member, organizationId: string): void {
  if (member.organizationId === organizationId) throw new ConflictError(msg('transfer.alreadyHeld', { name: member.name }));
}

/** Asks to move a member's relationship (组织关系转接) to another active organisation; one open transfer per member. */
export const requestTransfer = useCase({
  async authorize({ policy, loaders }: Services, args: { memberId: string; toOrganizationId: string; reason: string }) {
    const member = await loadExisting(loaders.member, 'Member', args.memberId, 'memberId');
    await policy.permit('requestTransfer', { organizationId: member.organizationId, memberId: member.id });
    return { member, to: check.uuid('toOrganizationId', args.toOrganizationId), why: check.name('reason', args.reason, 200) };
  },
  async gather({ peers }: Services, request) {
    // Worded before asking organizations; the member's row decides again under its lock.
    checkNotHeldBy(request.member, request.to);
    await requireActiveOrganization(peers, request.to, 'toOrganizationId');
    return request;
  },
  async change({ tx, outbox }, { member: known, to, why }) {
    const member = await new MemberStore(tx).lockMember(known.id);
    if (!member) throw new NotFoundError('Member', known.id, 'memberId');
    checkNotHeldBy(member, to);
    const store = new MembershipStore(tx);
    if (await store.openTransferOf(member.id)) throw oneOpenTransfer.transfer_one_open_per_member_idx();
    const transfer: Transfer = {
      id: randomUUID(),
      memberId: member.id,
      fromOrganizationId: member.organizationId,
      toOrganizationId: to,
      reason: why,
      status: 'REQUESTED',
      requestedOn: today(),
      decidedOn: null,
      completedOn: null,
      rejectionReason: null,
      letterReach: null,
      letterIssuedOn: null,
      letterValidUntil: null,
      expiredOn: null,
      receiptReturnedOn: null,
    };
    await store.insertTransfer(transfer).catch((error: unknown) => translateConstraint(error, oneOpenTransfer));
    await outbox.emit(transferEvents.requested(transfer));
    return transfer;
  },
});

export interface LetterInput {
  reach?: LetterReach | null;
  validDays?: number | null;
}

/**
 * The sending side approves and issues the introduction letter (介绍信): valid 10 days within the city
 * (the default), 30 outside, or `validDays` up to three months (transfer-letters.ts).
 */
export const approveTransfer = useCase({
  async authorize(services: Services, { id, letter }: { id: string; letter?: LetterInput | null }) {
    return { known: await decidedTransfer(services, 'approveTransfer', id), letter: letter ?? {} };
  },
  async change({ tx, outbox }, { known, letter }) {
    const { transfer, store } = await lockTransferAndMember(tx, known);
    checkTransition(transfer, 'APPROVED');
    const decidedOn = today();
    const issued = issueLetter(letter.reach ?? 'WITHIN_CITY', decidedOn, letter.validDays);
    await store.setTransferStatus(transfer.id, 'APPROVED', { decidedOn, ...issued });
    await outbox.emit(transferEvents.approved(transfer, decidedOn));
    return { ...transfer, status: 'APPROVED' as const, decidedOn, ...issued };
  },
});

export const rejectTransfer = useCase({
  async authorize(services: Services, args: { id: string; reason?: string | null }) {
    return { known: await decidedTransfer(services, 'rejectTransfer', args.id), reason: args.reason };
  },
  async change({ tx, outbox }, { known, reason }) {
    const { transfer, store } = await lockTransferAndMember(tx, known);
    checkTransition(transfer, 'REJECTED');
    const decidedOn = today();
    const rejectionReason = optionalText('reason', reason, 200);
    await store.setTransferStatus(transfer.id, 'REJECTED', { decidedOn, rejectionReason });
    await outbox.emit(transferEvents.rejected(transfer, decidedOn));
    return { ...transfer, status: 'REJECTED' as const, decidedOn, rejectionReason };
  },
});

/**
 * The member reports in at the receiving organisation: organizations is asked first whether it is
 * active; then, in one transaction, the receiving organisation's gate is held open (docs/decisions/0010),
 * the relationship moves (one UPDATE of the member's single organisation column) and the transfer completes.
 */
export const completeTransfer = useCase({
  authorize: (services: Services, { id }: { id: string }) => decidedTransfer(services, 'completeTransfer', id),
  async gather({ peers }: Services, known) {
    const receiving = await requireActiveOrganization(peers, known.toOrganizationId, 'id');
    return { known, receivingName: receiving.name };
  },
  async change({ tx, outbox }, { known, receivingName }) {
    const { transfer, store } = await lockTransferAndMember(tx, known);
    checkTransition(transfer, 'COMPLETED');
    // The expiry step may not have run yet today: a lapsed letter is refused all the same.
    checkLetterValid(transfer, today());
    await new OrganizationGate(tx).holdOpen(transfer.toOrganizationId, receivingName);
    const completedOn = today();
    await new MemberStore(tx).moveToOrganization(transfer.memberId, transfer.fromOrganizationId, transfer.toOrganizationId);
    await store.setTransferStatus(transfer.id, 'COMPLETED', { completedOn });
    await outbox.emit(transferEvents.completed(transfer, completedOn));
    return { ...transfer, status: 'COMPLETED' as const, completedOn };
  },
});
