import type { EntityManager } from 'typeorm';
import { BookingEntity, type Booking } from '../entities';

/** Writes of bookings inside one transaction. */
export class BookingStore {
  constructor(private readonly tx: EntityManager) {}

  /** May fail on `booking_no_overlap` (the exclusion constraint): the caller translates that. */
  insert(booking: Booking): Promise<unknown> {
    return this.tx.getRepository(BookingEntity).insert(booking);
  }

  lock(id: string): Promise<Booking | null> {
    return this.tx.getRepository(BookingEntity).createQueryBuilder('b').where('b.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** The confirmed bookings serving an activity, locked, in id order. */
  lockConfirmedOfActivity(activityId: string): Promise<Booking[]> {
    return this.tx
      .getRepository(BookingEntity)
      .createQueryBuilder('b')
      .where('b.activity_id = :activityId AND b.status = :status', { activityId, status: 'CONFIRMED' })
      .orderBy('b.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  cancel({ id, cancelledAt, cancellationReason, cancellationReasonCode }: Booking): Promise<unknown> {
    return this.tx
      .getRepository(BookingEntity)
      .update({ id }, { status: 'CANCELLED', cancelledAt, cancellationReason, cancellationReasonCode });
  }

  attach(id: string, activityId: string): Promise<unknown> {
    return this.tx.getRepository(BookingEntity).update({ id }, { activityId });
  }
}
