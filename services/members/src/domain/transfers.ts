import { randomUUID } from 'node:crypto';
import { check, ConflictError, NotFoundError, todayIso, translateConstraint, type Peers, type UnitOfWork } from '@cpb/kit';
import { MemberStore } from '../data/member-store';
import { MembershipStore } from '../data/membership-store';
import { OrganizationGate } from '../data/organization-gate';
import type { Member, Transfer } from '../entities';
import { transferEvents } from '../events';
import type { Changes } from './changes';
import { optionalText } from './person';
import { requireActiveOrganization } from './peer-facts';
import { checkTransition } from './transfer-rules';

const oneOpenTransfer = { transfer_one_open_per_member_idx: () => new ConflictError('This member already has an open transfer: complete or reject it first') };

/** The transfer and its member, locked member first (the order every use case keeps). */
async function lockTransferAndMember(tx: UnitOfWork['tx'], id: string): Promise<{ transfer: Transfer; member: Member; store: MembershipStore }> {
  const transferId = check.uuid('id', id);
  const store = new MembershipStore(tx);
  const found = await store.findTransfer(transferId);
  if (!found) throw new NotFoundError('Transfer', transferId, 'id');
  const member = await new MemberStore(tx).lockMember(found.memberId);
  const transfer = await store.lockTransfer(transferId);
  if (!member || !transfer) throw new NotFoundError('Transfer', transferId, 'id');
  return { transfer, member, store };
}

/** Asks to move a member's relationship (组织关系转接) to another active organisation; one open transfer per member. */
export async function requestTransfer({ tx, outbox }: UnitOfWork, peers: Peers, memberId: string, toOrganizationId: string, reason: string): Promise<Transfer> {
  const id = check.uuid('memberId', memberId);
  const to = check.uuid('toOrganizationId', toOrganizationId);
  const why = check.name('reason', reason, 200);
  const member = await new MemberStore(tx).lockMember(id);
  if (!member) throw new NotFoundError('Member', id, 'memberId');
  if (member.organizationId === to) throw new ConflictError(`${member.name}'s relationship is already held by this organisation`);
  const target = await requireActiveOrganization(peers, to, 'toOrganizationId');
  const store = new MembershipStore(tx);
  if (await store.openTransferOf(id)) throw oneOpenTransfer.transfer_one_open_per_member_idx();
  const transfer: Transfer = {
    id: randomUUID(), memberId: id, fromOrganizationId: member.organizationId, toOrganizationId: target.id, reason: why,
    status: 'REQUESTED', requestedOn: todayIso(), decidedOn: null, completedOn: null, rejectionReason: null,
  };
  await store.insertTransfer(transfer).catch((error: unknown) => translateConstraint(error, oneOpenTransfer));
  await outbox.emit(transferEvents.requested(transfer));
  return transfer;
}

export async function approveTransfer({ tx, outbox }: UnitOfWork, id: string): Promise<Transfer> {
  const { transfer, store } = await lockTransferAndMember(tx, id);
  checkTransition(transfer, 'APPROVED');
  const decidedOn = todayIso();
  await store.setTransferStatus(transfer.id, 'APPROVED', { decidedOn });
  await outbox.emit(transferEvents.approved(transfer, decidedOn));
  return { ...transfer, status: 'APPROVED', decidedOn };
}

export async function rejectTransfer({ tx, outbox }: UnitOfWork, id: string, reason?: string | null): Promise<Transfer> {
  const { transfer, store } = await lockTransferAndMember(tx, id);
  checkTransition(transfer, 'REJECTED');
  const decidedOn = todayIso();
  const rejectionReason = optionalText('reason', reason, 200);
  await store.setTransferStatus(transfer.id, 'REJECTED', { decidedOn, rejectionReason });
  await outbox.emit(transferEvents.rejected(transfer, decidedOn));
  return { ...transfer, status: 'REJECTED', decidedOn, rejectionReason };
}

/**
 * The member reports in at the receiving organisation: organizations is asked first whether it is
 * active (`known`, read before: a transfer's organisations never change); then, in one transaction,
 * the receiving organisation's gate is held open, the relationship moves (one UPDATE of the member's
 * single organisation column) and the transfer completes.
 */
export async function completeTransfer({ transact, peers }: Changes, known: Transfer): Promise<Transfer> {
  const receiving = await requireActiveOrganization(peers, known.toOrganizationId, 'id');
  return transact(async ({ tx, outbox }) => {
    const { transfer, store } = await lockTransferAndMember(tx, known.id);
    checkTransition(transfer, 'COMPLETED');
    await new OrganizationGate(tx).holdOpen(transfer.toOrganizationId, receiving.name);
    const completedOn = todayIso();
    await new MemberStore(tx).moveToOrganization(transfer.memberId, transfer.fromOrganizationId, transfer.toOrganizationId);
    await store.setTransferStatus(transfer.id, 'COMPLETED', { completedOn });
    await outbox.emit(transferEvents.completed(transfer, completedOn));
    return { ...transfer, status: 'COMPLETED', completedOn };
  });
}
