import type { EntityManager } from 'typeorm';
import {
  AgreementEntity,
  CommitmentEntity,
  CommitmentNoteEntity,
  type Agreement,
  type Commitment,
  type CommitmentNote,
  type CommitmentStatus,
} from '../entities';

/** An agreement the expiry step (or a new signing of its pair) marked EXPIRED. */
export interface ExpiredAgreement {
  id: string;
  communityId: string;
  partnerUnitId: string;
  validTo: string;
}

/** Writes of agreements and their commitments inside one transaction. */
export class AgreementStore {
  constructor(private readonly tx: EntityManager) {}

  /**
   * Marks ACTIVE agreements whose validity ended before `today` EXPIRED and returns them: of one pair
   * (before it signs again), or up to `limit` of all. The UPDATE changes a row only while it is still
   * ACTIVE and SKIP LOCKED passes over rows another transaction is expiring, so however many replicas
   * run this at once, each agreement is returned, and its event written, exactly once.
   */
  async expireLapsed(
    today: string,
    only: { pair: { communityId: string; partnerUnitId: string } } | { limit: number },
  ): Promise<ExpiredAgreement[]> {
    const [filter, params] =
      'pair' in only
        ? [`AND community_id = $2 AND partner_unit_id = $3`, [only.pair.communityId, only.pair.partnerUnitId]]
        : [`ORDER BY valid_to LIMIT $2`, [only.limit]];
    const [rows]: [ExpiredAgreement[], number] = await this.tx.query(
      `UPDATE agreement a SET status = 'EXPIRED'
         FROM (SELECT id FROM agreement WHERE status = 'ACTIVE' AND valid_to < $1 ${filter} FOR UPDATE SKIP LOCKED) lapsed
        WHERE a.id = lapsed.id AND a.status = 'ACTIVE'
        RETURNING a.id, a.community_id AS "communityId", a.partner_unit_id AS "partnerUnitId", a.valid_to::text AS "validTo"`,
      [today, ...params],
    );
    return rows;
  }

  /** The agreement that renews `id`, if one does (a renewal is unique per agreement). */
  async renewalOf(id: string): Promise<string | null> {
    const [row]: { id: string }[] = await this.tx.query(`SELECT id FROM agreement WHERE renews_id = $1`, [id]);
    return row?.id ?? null;
  }

  /** An agreement renewed while in force: RENEWED, so its renewal becomes the pair's one ACTIVE agreement. */
  markRenewed(id: string): Promise<unknown> {
    return this.tx.query(`UPDATE agreement SET status = 'RENEWED' WHERE id = $1 AND status = 'ACTIVE'`, [id]);
  }

  commitmentsOf(agreementId: string): Promise<Commitment[]> {
    return this.tx.getRepository(CommitmentEntity).find({ where: { agreementId }, order: { position: 'ASC' } });
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
    const commitment = await this.tx
      .getRepository(CommitmentEntity)
      .createQueryBuilder('c')
      .where('c.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    return commitment && agreement ? { commitment, agreement } : null;
  }

  async nextPosition(agreementId: string): Promise<number> {
    const [row]: { next: number }[] = await this.tx.query(
      `SELECT coalesce(max(position), 0) + 1 AS next FROM commitment WHERE agreement_id = $1`,
      [agreementId],
    );
    return row.next;
  }

  setCommitmentStatus(id: string, status: CommitmentStatus, completedOn: string | null): Promise<unknown> {
    return this.tx.getRepository(CommitmentEntity).update({ id }, { status, completedOn });
  }

  insertNote(note: CommitmentNote): Promise<unknown> {
    return this.tx.getRepository(CommitmentNoteEntity).insert(note);
  }

  terminate({ id, terminatedOn, terminationReason, terminationReasonCode }: Agreement): Promise<unknown> {
    return this.tx
      .getRepository(AgreementEntity)
      .update({ id }, { status: 'TERMINATED', terminatedOn, terminationReason, terminationReasonCode });
  }

  /** The liaisons' member ids, read without a lock: they never change after signing. */
  async liaisonIds(id: string): Promise<string[]> {
    const found = await this.tx
      .getRepository(AgreementEntity)
      .findOne({ where: { id }, select: { communityLiaisonId: true, unitLiaisonId: true } });
    return found ? [found.communityLiaisonId, found.unitLiaisonId] : [];
  }
}
