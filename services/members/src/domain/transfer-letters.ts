import { addDays, ConflictError, msg, ValidationError } from '@cpb/kit';
import type { LetterReach, Transfer } from '../entities';

/**
 * The introduction letter (介绍信) of a transfer (组织关系转接), by the rules the organisation department
 * states: valid 10 days within the city and 30 days outside it, and never more than three months. The
 * sending organisation issues it when it approves, and may give a longer validity up to that bound (a
 * member who cannot report in sooner). It is valid through its last day: issued on 1 March for 10
 * days, the member reports in by 11 March; from 12 March the approved transfer lapses.
 */
export const LETTER_DAYS: Record<LetterReach, number> = { WITHIN_CITY: 10, OUTSIDE_CITY: 30 };

const DAY_MS = 86_400_000;

/** The same day three months later (the month's last day when it has fewer days), YYYY-MM-DD. */
function threeMonthsAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m + 3, 0)).getUTCDate();
  return new Date(Date.UTC(y, m + 2, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** The longest validity, in days, of a letter issued on `issuedOn`: up to the same day three months on. */
export function maximumLetterDays(issuedOn: string): number {
  return Math.round((Date.parse(threeMonthsAfter(issuedOn)) - Date.parse(issuedOn)) / DAY_MS);
}

export interface Letter {
  letterReach: LetterReach;
  letterIssuedOn: string;
  letterValidUntil: string;
}

/** The letter issued on `issuedOn` for `reach`; `validDays` (optional) overrides the reach's days, up to three months. */
export function issueLetter(reach: LetterReach, issuedOn: string, validDays?: number | null): Letter {
  const maximum = maximumLetterDays(issuedOn);
  const days = validDays ?? LETTER_DAYS[reach];
  if (!Number.isInteger(days) || days < 1 || days > maximum)
    throw new ValidationError('letter.validDays', msg('transfer.letterDays', { field: 'letter.validDays', maximum }));
  return { letterReach: reach, letterIssuedOn: issuedOn, letterValidUntil: addDays(issuedOn, days) };
}

/** Whether an approved transfer's letter has lapsed on `today` (valid through its last day). */
export function letterLapsed(transfer: Pick<Transfer, 'status' | 'letterValidUntil'>, today: string): boolean {
  return transfer.status === 'APPROVED' && transfer.letterValidUntil !== null && today > transfer.letterValidUntil;
}

/** Completing needs a letter still valid today: a lapsed one leaves the member where they were. */
export function checkLetterValid(transfer: Pick<Transfer, 'status' | 'letterValidUntil'>, today: string): void {
  if (letterLapsed(transfer, today)) throw new ConflictError(msg('transfer.letterLapsed', { validUntil: transfer.letterValidUntil! }));
}

/** The receipt (回执) of a completed transfer, once, on a day from the member's reporting in to today. */
export function checkReceipt(transfer: Pick<Transfer, 'status' | 'completedOn' | 'receiptReturnedOn'>, returnedOn: string): void {
  if (transfer.receiptReturnedOn) throw new ConflictError(msg('transfer.receiptRecorded', { returnedOn: transfer.receiptReturnedOn }));
  if (transfer.status !== 'COMPLETED' || !transfer.completedOn) throw new ConflictError(msg('transfer.receiptNotCompleted'));
  if (returnedOn < transfer.completedOn) {
    throw new ValidationError(
      'returnedOn',
      msg('transfer.receiptBeforeCompleted', { field: 'returnedOn', value: returnedOn, completedOn: transfer.completedOn }),
    );
  }
}
