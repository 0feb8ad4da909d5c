import { In, type DataSource } from 'typeorm';
import { keyset, likeContains, type Page, type SortKey, whereEquals, type LazyCount } from '@cpb/kit';
import { ResourceEntity, type Resource } from '../entities';

export interface ResourceFilter {
  kind?: string | null;
  communityId?: string | null;
  providerId?: string | null;
  text?: string | null;
  status?: string | null;
}

const byName = keyset({ sort: 'r.name', type: 'text', id: 'r.id' });

/** Reads of the resource list (资源清单), batched by key. */
export class ResourceRepository {
  constructor(private readonly db: DataSource) {}

  byIds(ids: readonly string[]): Promise<Resource[]> {
    return this.db.getRepository(ResourceEntity).findBy({ id: In([...ids]) });
  }

  availableByProviders(providerIds: readonly string[]): Promise<Resource[]> {
    return this.db
      .getRepository(ResourceEntity)
      .find({ where: { providerId: In([...providerIds]), status: 'AVAILABLE' }, order: { name: 'ASC', id: 'ASC' } });
  }

  /** Resources by name, then id. */
  page(filter: ResourceFilter, page: Page<SortKey>): Promise<{ rows: Resource[]; total: LazyCount }> {
    const query = whereEquals(this.db.getRepository(ResourceEntity).createQueryBuilder('r'), {
      'r.kind': filter.kind,
      'r.community_id': filter.communityId,
      'r.provider_id': filter.providerId,
      'r.status': filter.status,
    });
    if (filter.text) query.andWhere('(r.name LIKE :text OR r.description LIKE :text)', { text: likeContains(filter.text) });
    return byName.page(query, page);
  }
}
