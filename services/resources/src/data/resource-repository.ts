import { In, type DataSource } from 'typeorm';
import type { Page } from '@cpb/kit';
import { ResourceEntity, type Resource } from '../entities';

export interface ResourceFilter {
  kind?: string | null;
  communityId?: string | null;
  providerId?: string | null;
  text?: string | null;
  status?: string | null;
}

/** Sort key of resource lists: by name, then id. */
export type ResourceKey = [string, string];

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class ResourceRepository {
  constructor(private readonly db: DataSource) {}

  byIds(ids: readonly string[]): Promise<Resource[]> {
    return this.db.getRepository(ResourceEntity).findBy({ id: In([...ids]) });
  }

  availableByProviders(providerIds: readonly string[]): Promise<Resource[]> {
    return this.db.getRepository(ResourceEntity).find({ where: { providerId: In([...providerIds]), status: 'AVAILABLE' }, order: { name: 'ASC', id: 'ASC' } });
  }

  async page(filter: ResourceFilter, page: Page<ResourceKey>): Promise<{ rows: Resource[]; total: number }> {
    const query = this.db.getRepository(ResourceEntity).createQueryBuilder('r');
    if (filter.kind) query.andWhere('r.kind = :kind', { kind: filter.kind });
    if (filter.communityId) query.andWhere('r.community_id = :communityId', { communityId: filter.communityId });
    if (filter.providerId) query.andWhere('r.provider_id = :providerId', { providerId: filter.providerId });
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.text) query.andWhere('(r.name LIKE :text OR r.description LIKE :text)', { text: likePattern(filter.text) });
    const total = await query.clone().getCount();
    if (page.after) query.andWhere('(r.name, r.id) > (:afterName, :afterId)', { afterName: page.after[0], afterId: page.after[1] });
    const rows = await query.orderBy('r.name', 'ASC').addOrderBy('r.id', 'ASC').limit(page.limit + 1).getMany();
    return { rows, total };
  }
}
