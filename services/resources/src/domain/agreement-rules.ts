import { addDays, addYears, check, ConflictError, msg, SIX_ONES, ValidationError } from '@cpb/kit';
import type { Agreement, AgreementStatus, Commitment, CommitmentSide, CommitmentStatus } from '../entities';

export interface CommitmentDraft {
  side: CommitmentSide;
  item: string;
  dueBy: string;
}

export interface Validity {
  signedOn: string;
  validFrom: string;
  validTo: string;
}

/** The six ones (六个一, the kit's SIX_ONES) of both sides, due at the end of the agreement's first year (or its end, if sooner). */
export function sixOnes(validFrom: string, validTo: string): CommitmentDraft[] {
  const firstYearEnd = addDays(addYears(validFrom, 1), -1);
  const dueBy = firstYearEnd < validTo ? firstYearEnd : validTo;
  return (['COMMUNITY', 'UNIT'] as const).flatMap((side) => SIX_ONES[side].map((item) => ({ side, item, dueBy })));
}

/** Dates of a new agreement: signed by today, valid for a period that has not already ended. */
export function checkValidity(validity: Validity, today: string): Validity {
  const signedOn = check.isoDate('signedOn', validity.signedOn);
  const validFrom = check.isoDate('validFrom', validity.validFrom);
  const validTo = check.isoDate('validTo', validity.validTo);
  if (signedOn > today) throw new ValidationError('signedOn', msg('agreement.signedInFuture'));
  if (validTo <= validFrom) throw new ValidationError('validTo', msg('date.after', { field: 'validTo', other: 'validFrom' }));
  if (validTo < today) throw new ValidationError('validTo', msg('agreement.alreadyExpired', { validTo }));
  return { signedOn, validFrom, validTo };
}

/** A commitment's item and due date, due within the agreement's validity. */
export function checkCommitment(
  draft: CommitmentDraft,
  agreement: Pick<Validity, 'validFrom' | 'validTo'>,
  field = 'commitments',
): CommitmentDraft {
  const item = check.name(`${field}.item`, draft.item, 200);
  const dueBy = check.isoDate(`${field}.dueBy`, draft.dueBy);
  if (dueBy < agreement.validFrom || dueBy > agreement.validTo) {
    throw new ValidationError(
      `${field}.dueBy`,
      msg('agreement.dueByOutside', { dueBy, validFrom: agreement.validFrom, validTo: agreement.validTo }),
    );
  }
  return { side: draft.side, item, dueBy };
}

/** The status a reader sees: an active agreement past its validTo has expired. */
export function effectiveStatus(agreement: Pick<Agreement, 'status' | 'validTo'>, today: string): AgreementStatus {
  return agreement.status === 'ACTIVE' && agreement.validTo < today ? 'EXPIRED' : agreement.status;
}

/**
 * Commitments are worked on, and agreements terminated, only while the agreement is in force: ACTIVE,
 * or RENEWED and not yet past its validTo (its renewal continues it from the next day).
 */
export function checkInForce(agreement: Agreement, today: string): void {
  const status = effectiveStatus(agreement, today);
  if (status === 'RENEWED' && agreement.validTo >= today) return;
  if (status !== 'ACTIVE') throw new ConflictError(msg('agreement.notActive', { title: agreement.title, status }));
}

/** Progress moves forward only: PENDING → IN_PROGRESS → DONE (or straight to DONE); DONE is final. */
export function checkProgress(commitment: Commitment, requested: CommitmentStatus): Exclude<CommitmentStatus, 'PENDING'> {
  if (requested === 'PENDING') throw new ValidationError('status', msg('commitment.progressStatus'));
  if (commitment.status === 'DONE') throw new ConflictError(msg('commitment.alreadyDone', { item: commitment.item }));
  return requested;
}

export interface Review {
  year: number;
  due: number;
  done: number;
  open: number;
  overdue: number;
  completionRate: number | null;
  doneCommitments: Commitment[];
  openCommitments: Commitment[];
}

/** The yearly review (年度考评): the commitments due in `year`, done and still open, and which are overdue. */
export function reviewYear(commitments: readonly Commitment[], year: number, today: string): Review {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new ValidationError('year', msg('agreement.reviewYear'));
  const due = commitments.filter((c) => c.dueBy.startsWith(`${year}-`));
  const doneCommitments = due.filter((c) => c.status === 'DONE');
  const openCommitments = due.filter((c) => c.status !== 'DONE');
  return {
    year,
    due: due.length,
    done: doneCommitments.length,
    open: openCommitments.length,
    overdue: openCommitments.filter((c) => c.dueBy < today).length,
    completionRate: due.length ? Math.round((doneCommitments.length / due.length) * 10_000) / 10_000 : null,
    doneCommitments,
    openCommitments,
  };
}
