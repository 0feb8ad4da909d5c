import type { EntityManager } from 'typeorm';
import {
  CommunityRegistrationEntity,
  MigrantCheckInEntity,
  RegistrationFeedbackEntity,
  TransferEntity,
  type CommunityRegistration,
  type MigrantCheckIn,
  type RegistrationFeedback,
  type Transfer,
  type TransferStatus,
} from '../entities';

/**
 * Writes of transfers, registrations, feedback and check-ins inside one transaction. Use cases lock
 * the member before a transfer or registration of theirs, always in that order, so none deadlock.
 */
export class MembershipStore {
  constructor(private readonly tx: EntityManager) {}

  /** A transfer, unlocked: enough to learn whose it is before locking that member. */
  findTransfer(id: string): Promise<Transfer | null> {
    return this.tx.getRepository(TransferEntity).findOneBy({ id });
  }

  lockTransfer(id: string): Promise<Transfer | null> {
    return this.tx.getRepository(TransferEntity).createQueryBuilder('t').where('t.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** The member's requested or approved transfer, if any (at most one: a partial unique index). */
  openTransferOf(memberId: string): Promise<Transfer | null> {
    return this.tx
      .getRepository(TransferEntity)
      .createQueryBuilder('t')
      .where('t.member_id = :memberId', { memberId })
      .andWhere(`t.status IN ('REQUESTED', 'APPROVED')`)
      .getOne();
  }

  insertTransfer(transfer: Transfer): Promise<unknown> {
    return this.tx.getRepository(TransferEntity).insert(transfer);
  }

  setTransferStatus(id: string, status: TransferStatus, changes: Partial<Transfer>): Promise<unknown> {
    return this.tx.getRepository(TransferEntity).update({ id }, { status, ...changes });
  }

  /**
   * Up to `limit` approved transfers whose letter lapsed before `today`, locked; rows another replica
   * holds are skipped (SKIP LOCKED), so each transfer is claimed by one run and expired once.
   */
  claimLapsedTransfers(today: string, limit: number): Promise<Transfer[]> {
    return this.tx
      .getRepository(TransferEntity)
      .createQueryBuilder('t')
      .where(`t.status = 'APPROVED'`)
      .andWhere('t.letter_valid_until < :today', { today })
      .orderBy('t.letter_valid_until')
      .addOrderBy('t.id')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  expireTransfers(ids: string[], expiredOn: string): Promise<unknown> {
    return this.tx.query(`UPDATE transfer SET status = 'EXPIRED', expired_on = $2 WHERE id = ANY($1) AND status = 'APPROVED'`, [
      ids,
      expiredOn,
    ]);
  }

  findRegistration(id: string): Promise<CommunityRegistration | null> {
    return this.tx.getRepository(CommunityRegistrationEntity).findOneBy({ id });
  }

  lockRegistration(id: string): Promise<CommunityRegistration | null> {
    return this.tx
      .getRepository(CommunityRegistrationEntity)
      .createQueryBuilder('r')
      .where('r.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  activeRegistrationOf(memberId: string): Promise<CommunityRegistration | null> {
    return this.tx.getRepository(CommunityRegistrationEntity).findOneBy({ memberId, status: 'ACTIVE' });
  }

  insertRegistration(registration: CommunityRegistration): Promise<unknown> {
    return this.tx.getRepository(CommunityRegistrationEntity).insert(registration);
  }

  endRegistration(id: string, endedOn: string): Promise<unknown> {
    return this.tx.getRepository(CommunityRegistrationEntity).update({ id }, { status: 'ENDED', endedOn });
  }

  insertFeedback(feedback: RegistrationFeedback): Promise<unknown> {
    return this.tx.getRepository(RegistrationFeedbackEntity).insert(feedback);
  }

  insertCheckIn(checkIn: MigrantCheckIn): Promise<unknown> {
    return this.tx.getRepository(MigrantCheckInEntity).insert(checkIn);
  }
}
