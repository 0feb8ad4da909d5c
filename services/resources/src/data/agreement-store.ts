import type { EntityManager } from 'typeorm';
import { AgreementEntity, CommitmentEntity, CommitmentNoteEntity, type Agreement, type Commitment, type CommitmentNote, type CommitmentStatus } from '../entities';

/** Writes of agreements and their commitments inside one transaction. */
export class AgreementStore {
  constructor(private readonly tx: EntityManager) {}

  /** Marks the pair's lapsed agreement EXPIRED, so the one-active-per-pair index admits a new one. */
  expireLapsed(communityId: string, partnerUnitId: string, today: string): Promise<unknown> {
    return this.tx.query(
      `UPDATE agreement SET status = 'EXPIRED' WHERE community_id = $1 AND partner_unit_id = $2 AND status = 'ACTIVE' AND valid_to < $3`,
      [communityId, partnerUnitId, today],
    );
  }

  /** May fail on `agreement_one_active_per_pair_idx`: the caller translates that. */
  insert(agreement: Agreement): Promise<unknown> {
    return this.tx.getRepository(AgreementEntity).insert(agreement);
  }

  insertCommitments(commitments: Commitment[]): Promise<unknown> {
    return this.tx.getRepository(CommitmentEntity).insert(commitments);
  }

  lock(id: string): Promise<Agreement | null> {
    return this.tx.getRepository(AgreementEntity).createQueryBuilder('a').where('a.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** A commitment and its agreement, both locked (agreement first, as termination locks it). */
  async lockCommitment(id: string): Promise<{ commitment: Commitment; agreement: Agreement } | null> {
    const unlocked = await this.tx.getRepository(CommitmentEntity).findOneBy({ id });
    if (!unlocked) return null;
    const agreement = await this.lock(unlocked.agreementId);
    const commitment = await this.tx.getRepository(CommitmentEntity).createQueryBuilder('c').where('c.id = :id', { id }).setLock('pessimistic_write').getOne();
    return commitment && agreement ? { commitment, agreement } : null;
  }

  async nextPosition(agreementId: string): Promise<number> {
    const [row]: { next: number }[] = await this.tx.query(`SELECT coalesce(max(position), 0) + 1 AS next FROM commitment WHERE agreement_id = $1`, [agreementId]);
    return row.next;
  }

  setCommitmentStatus(id: string, status: CommitmentStatus, completedOn: string | null): Promise<unknown> {
    return this.tx.getRepository(CommitmentEntity).update({ id }, { status, completedOn });
  }

  insertNote(note: CommitmentNote): Promise<unknown> {
    return this.tx.getRepository(CommitmentNoteEntity).insert(note);
  }

  terminate({ id, terminatedOn, terminationReason, terminationReasonCode }: Agreement): Promise<unknown> {
    return this.tx.getRepository(AgreementEntity).update({ id }, { status: 'TERMINATED', terminatedOn, terminationReason, terminationReasonCode });
  }

  /** The liaisons' member ids, read without a lock: they never change after signing. */
  async liaisonIds(id: string): Promise<string[]> {
    const found = await this.tx.getRepository(AgreementEntity).findOne({ where: { id }, select: { communityLiaisonId: true, unitLiaisonId: true } });
    return found ? [found.communityLiaisonId, found.unitLiaisonId] : [];
  }
}
