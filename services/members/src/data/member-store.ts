import type { EntityManager } from 'typeorm';
import { invariant } from '@cpb/kit';
import { ApplicantEntity, MemberEntity, type Applicant, type ApplicantStage, type Member } from '../entities';

/**
 * Writes of members and applicants inside one transaction (a use case's unit of work). Every use
 * case that touches a member locks its row first, so changes to one member run one at a time.
 */
export class MemberStore {
  constructor(private readonly tx: EntityManager) {}

  /** The member, fresh and locked until the transaction ends; null when there is none. */
  lockMember(id: string): Promise<Member | null> {
    return this.tx.getRepository(MemberEntity).createQueryBuilder('m').where('m.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** Whether a member with this resident ID number is recorded (an applicant must not be one already). */
  async hasMemberWithIdNumber(idNumber: string): Promise<boolean> {
    return (await this.tx.getRepository(MemberEntity).countBy({ idNumber })) > 0;
  }

  insertMember(member: Member): Promise<unknown> {
    return this.tx.getRepository(MemberEntity).insert(member);
  }

  updateMember(id: string, patch: Partial<Member>): Promise<unknown> {
    return this.tx.getRepository(MemberEntity).update({ id }, patch);
  }

  convertToFull(id: string, convertedOn: string): Promise<unknown> {
    return this.tx.getRepository(MemberEntity).update({ id }, { status: 'FULL', probationEndsOn: null, convertedOn });
  }

  /**
   * Moves the member's relationship in one UPDATE: the single NOT NULL column changes from one
   * organisation to the other, so at no instant does the member have none or two.
   */
  async moveToOrganization(memberId: string, fromOrganizationId: string, toOrganizationId: string): Promise<void> {
    const [, affected]: [unknown, number] = await this.tx.query(
      `UPDATE member SET organization_id = $3, updated_at = now() WHERE id = $1 AND organization_id = $2`,
      [memberId, fromOrganizationId, toOrganizationId],
    );
    invariant(affected === 1, `member ${memberId} was not held by ${fromOrganizationId}`);
  }

  lockApplicant(id: string): Promise<Applicant | null> {
    return this.tx.getRepository(ApplicantEntity).createQueryBuilder('a').where('a.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  insertApplicant(applicant: Applicant): Promise<unknown> {
    return this.tx.getRepository(ApplicantEntity).insert(applicant);
  }

  advanceApplicant(id: string, stage: ApplicantStage, on: string): Promise<unknown> {
    const dates = stage === 'ACTIVIST' ? { activistOn: on } : { candidateOn: on };
    return this.tx.getRepository(ApplicantEntity).update({ id }, { stage, ...dates });
  }

  markAdmitted(applicantId: string, memberId: string): Promise<unknown> {
    return this.tx.getRepository(ApplicantEntity).update({ id: applicantId }, { admittedMemberId: memberId });
  }
}
