import { MoreThan, type EntityManager } from 'typeorm';
import { BookingEntity, ResourceEntity, type OpeningWindow, type Resource } from '../entities';

/** Writes of resources inside one transaction (a use case's unit of work). */
export class ResourceStore {
  constructor(private readonly tx: EntityManager) {}

  insert(resource: Resource): Promise<unknown> {
    return this.tx.getRepository(ResourceEntity).insert(resource);
  }

  /**
   * Resources locked FOR SHARE: projects that rely on a resource still being offered hold it shared
   * (and do not block one another); a withdrawal locks it FOR UPDATE and waits for them.
   */
  async lockShared(ids: readonly string[]): Promise<Map<string, Resource>> {
    const rows = await this.tx
      .getRepository(ResourceEntity)
      .createQueryBuilder('r')
      .where('r.id IN (:...ids)', { ids: [...new Set(ids)].sort() })
      .orderBy('r.id')
      .setLock('pessimistic_read')
      .getMany();
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Locked FOR UPDATE: changes to the resource, and its bookings, one at a time. */
  /** The resource as it is, unlocked: enough to authorise against its provider (which never changes) before locking. */
  find(id: string): Promise<Resource | null> {
    return this.tx.getRepository(ResourceEntity).findOneBy({ id });
  }

  lockForChange(id: string): Promise<Resource | null> {
    return this.tx.getRepository(ResourceEntity).createQueryBuilder('r').where('r.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  setOpeningHours(id: string, openingHours: OpeningWindow[]): Promise<unknown> {
    return this.tx.getRepository(ResourceEntity).update({ id }, { openingHours });
  }

  withdraw(id: string, withdrawnOn: string): Promise<unknown> {
    return this.tx.getRepository(ResourceEntity).update({ id }, { status: 'WITHDRAWN', withdrawnOn });
  }

  /** Confirmed bookings that have not yet ended. */
  upcomingBookingCount(id: string, now: Date): Promise<number> {
    return this.tx.getRepository(BookingEntity).countBy({ resourceId: id, status: 'CONFIRMED', endsAt: MoreThan(now) });
  }

  /** Planned or active projects that draw on the resource. */
  async openProjectCount(id: string): Promise<number> {
    const [row]: { n: number }[] = await this.tx.query(
      `SELECT count(*)::int AS n FROM project_resource pr JOIN project p ON p.id = pr.project_id WHERE pr.resource_id = $1 AND p.status <> 'COMPLETED'`,
      [id],
    );
    return row.n;
  }
}
