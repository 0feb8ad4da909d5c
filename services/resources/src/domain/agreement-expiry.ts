import { today, type ScheduledStepDefinition, type UnitOfWork } from '@cpb/kit';
import { AgreementStore } from '../data/agreement-store';
import { agreementEvents } from '../events';

/** Agreements expired per transaction: a day's lapses in a district are few; a backlog drains batch by batch. */
export const EXPIRY_BATCH = 200;

/**
 * Marks lapsed agreements EXPIRED and writes `agreement.expired` for each, in the transaction that
 * changed the row: of one pair (before it signs or renews again), or a batch of all (the scheduled step).
 */
export async function expireAgreements(
  { tx, outbox }: Pick<UnitOfWork, 'tx' | 'outbox'>,
  on: string,
  only: Parameters<AgreementStore['expireLapsed']>[1],
): Promise<number> {
  const expired = await new AgreementStore(tx).expireLapsed(on, only);
  if (expired.length) await outbox.emit(...expired.map((a) => agreementEvents.expired(a, on)));
  return expired.length;
}

/** One run of the step: batches until a short one, each its own transaction. Returns how many expired. */
export async function expireLapsedAgreements(
  transact: (work: (unit: UnitOfWork) => Promise<number>) => Promise<number>,
  on: string = today(),
): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await transact((unit) => expireAgreements(unit, on, { limit: EXPIRY_BATCH }));
    total += count;
    if (count < EXPIRY_BATCH) return total;
  }
}

/**
 * The scheduled step (every replica runs it hourly): an agreement whose validTo has passed becomes
 * EXPIRED with one `agreement.expired`, whichever replica gets to it first (docs/decisions/0017).
 */
export const agreementExpiry: ScheduledStepDefinition = {
  component: 'agreement-expiry',
  describe: 'expired lapsed agreements',
  run: ({ transact }) => expireLapsedAgreements(transact),
};
