import { today, type Transact } from '@cpb/kit';
import { MembershipStore } from '../data/membership-store';
import { transferEvents } from '../events';

const BATCH = 200;

/**
 * The scheduled step that expires approved transfers whose introduction letter lapsed: each becomes
 * EXPIRED with a `member.transfer-expired` event, and the member stays where they were (nothing moves).
 * Batches of rows claimed with SKIP LOCKED, one transaction each: every replica runs the step, and a
 * transfer is expired, and its event emitted, exactly once. Returns how many expired.
 */
export async function expireLapsedTransfers({ transact }: { transact: Transact }): Promise<number> {
  let expired = 0;
  for (;;) {
    const count = await transact(async ({ tx, outbox }) => {
      const on = today();
      const store = new MembershipStore(tx);
      const lapsed = await store.claimLapsedTransfers(on, BATCH);
      if (lapsed.length === 0) return 0;
      await store.expireTransfers(
        lapsed.map((t) => t.id),
        on,
      );
      await outbox.emit(...lapsed.map((t) => transferEvents.expired(t, on)));
      return lapsed.length;
    });
    expired += count;
    if (count < BATCH) return expired;
  }
}

/** The step as the service schedules it (hourly: a letter lapses by the day). */
export const transferLetterExpiry = {
  component: 'transfer-letters',
  describe: 'expired transfers whose introduction letter lapsed',
  run: expireLapsedTransfers,
};
