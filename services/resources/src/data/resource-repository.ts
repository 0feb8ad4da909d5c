import { In, type DataSource } from 'typeorm';
import type { Page } from '@cpb/kit';
import { ResourceEntity, type Resource } from '../entities';
import { keysetPage, likePattern, type SortKey } from './keyset';

export interface ResourceFilter {
  kind?: string | null;
  communityId?: string | null;
  providerId?: string | null;
  text?: string | null;
  status?: string | null;
}

/** Reads of the resource list (资源清单), batched by key. */
export class ResourceRepository {
  constructor(private readonly db: DataSource) {}

  byIds(ids: readonly string[]): Promise<Resource[]> {
    return this.db.getRepository(ResourceEntity).findBy({ id: In([...ids]) });
  }

  availableByProviders(providerIds: readonly string[]): Promise<Resource[]> {
    return this.db.getRepository(ResourceEntity).find({ where: { providerId: In([...providerIds]), status: 'AVAILABLE' }, order: { name: 'ASC', id: 'ASC' } });
  }

  /** Resources by name, then id. */
  page(filter: ResourceFilter, page: Page<SortKey>): Promise<{ rows: Resource[]; total: number }> {
    const query = this.db.getRepository(ResourceEntity).createQueryBuilder('r');
    if (filter.kind) query.andWhere('r.kind = :kind', { kind: filter.kind });
    if (filter.communityId) query.andWhere('r.community_id = :communityId', { communityId: filter.communityId });
    if (filter.providerId) query.andWhere('r.provider_id = :providerId', { providerId: filter.providerId });
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.text) query.andWhere('(r.name LIKE :text OR r.description LIKE :text)', { text: likePattern(filter.text) });
    return keysetPage(query, ['r.name', 'r.id'], 'ASC', page);
  }
}
