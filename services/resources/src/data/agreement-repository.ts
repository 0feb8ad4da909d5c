import { In, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { keyset, type Page, type SortKey, whereEquals, type LazyCount } from '@cpb/kit';
import {
  AgreementEntity,
  CommitmentEntity,
  CommitmentNoteEntity,
  type Agreement,
  type AgreementStatus,
  type Commitment,
  type CommitmentNote,
} from '../entities';

export interface AgreementFilter {
  communityId?: string | null;
  partnerUnitId?: string | null;
  /** Either side's organisation. */
  organizationId?: string | null;
  status?: AgreementStatus | null;
}

/** An agreement found for one of several keys (an organisation may be on either side). */
export interface Keyed<T> {
  key: string;
  value: T;
}

/** Filters by the status a reader sees: ACTIVE rows past valid_to are EXPIRED (see domain/agreement-rules). */
function whereStatus(query: SelectQueryBuilder<Agreement>, status: AgreementStatus | null | undefined, today: string): void {
  if (status === 'ACTIVE') query.andWhere(`a.status = 'ACTIVE' AND a.valid_to >= :today`, { today });
  else if (status === 'EXPIRED') query.andWhere(`(a.status = 'EXPIRED' OR (a.status = 'ACTIVE' AND a.valid_to < :today))`, { today });
  else if (status === 'TERMINATED' || status === 'RENEWED') query.andWhere(`a.status = :status`, { status });
}

const latestSignedFirst = keyset({ sort: 'a.signed_on', type: 'date', id: 'a.id', direction: 'DESC' });

/** Reads of agreements (共建协议) and their commitments, batched by key; lists newest signed first. */
export class AgreementRepository {
  constructor(private readonly db: DataSource) {}

  byIds(ids: readonly string[]): Promise<Agreement[]> {
    return this.db.getRepository(AgreementEntity).findBy({ id: In([...ids]) });
  }

  /** The renewals of these agreements (at most one each), by the agreement they renew. */
  renewalsOf(ids: readonly string[]): Promise<Agreement[]> {
    return this.db.getRepository(AgreementEntity).findBy({ renewsId: In([...ids]) });
  }

  private list(column: string, keys: readonly string[], status: AgreementStatus | null, today: string): Promise<Agreement[]> {
    const query = this.db
      .getRepository(AgreementEntity)
      .createQueryBuilder('a')
      .where(`a.${column} IN (:...keys)`, { keys: [...keys] });
    whereStatus(query, status, today);
    return query.orderBy('a.signed_on', 'DESC').addOrderBy('a.id', 'DESC').getMany();
  }

  byPartnerUnits(unitIds: readonly string[], status: AgreementStatus | null, today: string): Promise<Agreement[]> {
    return this.list('partner_unit_id', unitIds, status, today);
  }

  byCommunities(communityIds: readonly string[], status: AgreementStatus | null, today: string): Promise<Agreement[]> {
    return this.list('community_id', communityIds, status, today);
  }

  /** Agreements where the organisation signed on either side, keyed by that organisation. */
  async byOrganizations(organizationIds: readonly string[], status: AgreementStatus | null, today: string): Promise<Keyed<Agreement>[]> {
    const query = this.db
      .getRepository(AgreementEntity)
      .createQueryBuilder('a')
      .where('(a.community_organization_id IN (:...ids) OR a.partner_organization_id IN (:...ids))', { ids: [...organizationIds] });
    whereStatus(query, status, today);
    const rows = await query.orderBy('a.signed_on', 'DESC').addOrderBy('a.id', 'DESC').getMany();
    const wanted = new Set(organizationIds);
    return rows.flatMap((a) =>
      [a.communityOrganizationId, a.partnerOrganizationId]
        .filter((id): id is string => id !== null && wanted.has(id))
        .map((key) => ({ key, value: a })),
    );
  }

  commitmentsByIds(ids: readonly string[]): Promise<Commitment[]> {
    return this.db.getRepository(CommitmentEntity).findBy({ id: In([...ids]) });
  }

  commitmentsOf(agreementIds: readonly string[]): Promise<Commitment[]> {
    return this.db.getRepository(CommitmentEntity).find({ where: { agreementId: In([...agreementIds]) }, order: { position: 'ASC' } });
  }

  notesOf(commitmentIds: readonly string[]): Promise<CommitmentNote[]> {
    return this.db
      .getRepository(CommitmentNoteEntity)
      .createQueryBuilder('n')
      .where('n.commitment_id IN (:...ids)', { ids: [...commitmentIds] })
      .orderBy('n.recorded_at', 'ASC')
      .getMany();
  }

  page(filter: AgreementFilter, page: Page<SortKey>, today: string): Promise<{ rows: Agreement[]; total: LazyCount }> {
    const query = whereEquals(this.db.getRepository(AgreementEntity).createQueryBuilder('a'), {
      'a.community_id': filter.communityId,
      'a.partner_unit_id': filter.partnerUnitId,
    });
    if (filter.organizationId)
      query.andWhere('(a.community_organization_id = :orgId OR a.partner_organization_id = :orgId)', { orgId: filter.organizationId });
    whereStatus(query, filter.status, today);
    return latestSignedFirst.page(query, page);
  }
}
