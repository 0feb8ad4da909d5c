import { In, type DataSource } from 'typeorm';
import { keyset, type Page, type SortKey, whereEquals, type LazyCount } from '@cpb/kit';
import {
  ApplicantEntity,
  CommunityRegistrationEntity,
  MigrantCheckInEntity,
  RegistrationFeedbackEntity,
  TransferEntity,
  type Applicant,
  type ApplicantStage,
  type CommunityRegistration,
  type MigrantCheckIn,
  type RegistrationFeedback,
  type Transfer,
  type TransferStatus,
} from '../entities';
import type { MemberKey } from './member-repository';

export interface ApplicantQuery {
  organizationId?: string | null;
  /** The caller's scope: only applicants these organisations trained (null: no limit). */
  organizationIds?: string[] | null;
  stage?: ApplicantStage | null;
  communityId?: string | null;
  includeAdmitted?: boolean | null;
}

export interface TransferQuery {
  organizationId?: string | null;
  /** The caller's scope: only transfers into or out of these organisations (null: no limit). */
  organizationIds?: string[] | null;
  direction?: 'INCOMING' | 'OUTGOING' | null;
  status?: TransferStatus | null;
  memberId?: string | null;
}

/** Sort key of transfer lists: newest request first, then id. */
export type TransferKey = SortKey;

const applicantsByName = keyset({ sort: 'a.name', type: 'text', id: 'a.id' });
const newestTransferFirst = keyset({ sort: 't.requested_on', type: 'date', id: 't.id', direction: 'DESC' });

/** Reads of what surrounds membership (applicants, transfers, registrations, check-ins), batched by key. */
export class MembershipRepository {
  constructor(private readonly db: DataSource) {}

  applicantsByIds(ids: readonly string[]): Promise<Applicant[]> {
    return this.db.getRepository(ApplicantEntity).findBy({ id: In([...ids]) });
  }

  async applicantPage(filter: ApplicantQuery, page: Page<MemberKey>): Promise<{ rows: Applicant[]; total: LazyCount }> {
    const query = this.db.getRepository(ApplicantEntity).createQueryBuilder('a');
    if (!filter.includeAdmitted) query.andWhere('a.admitted_member_id IS NULL');
    whereEquals(query, {
      'a.organization_id': filter.organizationId,
      'a.stage': filter.stage,
      'a.residence_community_id': filter.communityId,
    });
    if (filter.organizationIds) query.andWhere('a.organization_id = ANY(CAST(:scope AS uuid[]))', { scope: filter.organizationIds });
    return applicantsByName.page(query, page);
  }

  transfersByIds(ids: readonly string[]): Promise<Transfer[]> {
    return this.db.getRepository(TransferEntity).findBy({ id: In([...ids]) });
  }

  transfersOfMembers(memberIds: readonly string[]): Promise<Transfer[]> {
    return this.db
      .getRepository(TransferEntity)
      .find({ where: { memberId: In([...memberIds]) }, order: { requestedOn: 'DESC', id: 'DESC' } });
  }

  async transferPage(filter: TransferQuery, page: Page<TransferKey>): Promise<{ rows: Transfer[]; total: LazyCount }> {
    const query = this.db.getRepository(TransferEntity).createQueryBuilder('t');
    if (filter.organizationId) {
      const sides = filter.direction === 'INCOMING' ? ['to'] : filter.direction === 'OUTGOING' ? ['from'] : ['to', 'from'];
      query.andWhere(`(${sides.map((side) => `t.${side}_organization_id = :organizationId`).join(' OR ')})`, {
        organizationId: filter.organizationId,
      });
    }
    if (filter.organizationIds) {
      query.andWhere('(t.from_organization_id = ANY(CAST(:scope AS uuid[])) OR t.to_organization_id = ANY(CAST(:scope AS uuid[])))', {
        scope: filter.organizationIds,
      });
    }
    whereEquals(query, { 't.status': filter.status, 't.member_id': filter.memberId });
    return newestTransferFirst.page(query, page);
  }

  registrationsByIds(ids: readonly string[]): Promise<CommunityRegistration[]> {
    return this.db.getRepository(CommunityRegistrationEntity).findBy({ id: In([...ids]) });
  }

  registrationsOfMembers(memberIds: readonly string[]): Promise<CommunityRegistration[]> {
    return this.db
      .getRepository(CommunityRegistrationEntity)
      .find({ where: { memberId: In([...memberIds]) }, order: { registeredOn: 'DESC', id: 'DESC' } });
  }

  feedbackOfRegistrations(registrationIds: readonly string[]): Promise<RegistrationFeedback[]> {
    return this.db
      .getRepository(RegistrationFeedbackEntity)
      .find({ where: { registrationId: In([...registrationIds]) }, order: { recordedOn: 'ASC', id: 'ASC' } });
  }

  checkInsOfMembers(memberIds: readonly string[]): Promise<MigrantCheckIn[]> {
    return this.db
      .getRepository(MigrantCheckInEntity)
      .find({ where: { memberId: In([...memberIds]) }, order: { checkedInOn: 'DESC', id: 'DESC' } });
  }
}
