import { In, LessThan, MoreThan, type DataSource } from 'typeorm';
import { keyset, type Page, type SortKey, whereEquals, type LazyCount } from '@cpb/kit';
import { BookingEntity, type Booking } from '../entities';
import type { Period } from '../domain/periods';

export interface BookingFilter {
  resourceId?: string | null;
  bookedById?: string | null;
  activityId?: string | null;
  status?: string | null;
  startsFrom?: Date | null;
  startsBefore?: Date | null;
}

const byStart = keyset({ sort: 'b.starts_at', type: 'timestamptz', id: 'b.id' });

/** Reads of bookings, batched by key. */
export class BookingRepository {
  constructor(private readonly db: DataSource) {}

  byIds(ids: readonly string[]): Promise<Booking[]> {
    return this.db.getRepository(BookingEntity).findBy({ id: In([...ids]) });
  }

  /** Bookings of many resources overlapping one period, by start (one query for a whole page of resources). */
  forResources(resourceIds: readonly string[], period: Period, includeCancelled: boolean): Promise<Booking[]> {
    return this.db.getRepository(BookingEntity).find({
      where: {
        resourceId: In([...resourceIds]),
        startsAt: LessThan(period.to),
        endsAt: MoreThan(period.from),
        ...(includeCancelled ? {} : { status: 'CONFIRMED' }),
      },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
  }

  /** Confirmed seconds booked per resource within the period (bookings clipped to it). */
  async bookedSeconds(resourceIds: readonly string[], period: Period): Promise<Map<string, number>> {
    const rows: { resource_id: string; seconds: number }[] = await this.db.query(
      `SELECT resource_id, sum(extract(epoch FROM least(ends_at, $3) - greatest(starts_at, $2)))::float8 AS seconds
         FROM booking
        WHERE resource_id = ANY($1::uuid[]) AND status = 'CONFIRMED' AND tstzrange(starts_at, ends_at) && tstzrange($2, $3)
        GROUP BY resource_id`,
      [[...resourceIds], period.from, period.to],
    );
    return new Map(rows.map((r) => [r.resource_id, r.seconds]));
  }

  /** Bookings by start, then id. */
  page(filter: BookingFilter, page: Page<SortKey>): Promise<{ rows: Booking[]; total: LazyCount }> {
    const query = whereEquals(this.db.getRepository(BookingEntity).createQueryBuilder('b'), {
      'b.resource_id': filter.resourceId,
      'b.booked_by_id': filter.bookedById,
      'b.activity_id': filter.activityId,
      'b.status': filter.status,
    });
    if (filter.startsFrom) query.andWhere('b.starts_at >= :startsFrom', { startsFrom: filter.startsFrom });
    if (filter.startsBefore) query.andWhere('b.starts_at < :startsBefore', { startsBefore: filter.startsBefore });
    return byStart.page(query, page);
  }
}
