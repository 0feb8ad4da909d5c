import { addYears, check, ConflictError, msg, ValidationError, type TermValue } from '@cpb/kit';
import type { ApplicantStage } from '../entities';

/** Members join at 18 or older; probation (预备期) lasts one year from the branch meeting's vote. */
export const ADULT_AGE = 18;
export const PROBATION_YEARS = 1;
/** An activist is observed for at least a year before becoming a candidate (培养考察一年以上). */
export const ACTIVIST_YEARS_BEFORE_CANDIDATE = 1;

/** The date `years` after a date; 29 February becomes 28 February in a common year, as in Postgres (the kit's calendar). */
export { addYears };

export function eighteenthBirthday(birthDate: string): string {
  return addYears(birthDate, ADULT_AGE);
}

export function probationEndsOn(joinedOn: string): string {
  return addYears(joinedOn, PROBATION_YEARS);
}

/** A date of the record (joining, applying) that is real, on or after the 18th birthday and not in the future. */
export function checkAdultDate(field: string, value: string, birthDate: string, today: string): string {
  check.isoDate(field, value);
  if (value > today) throw new ValidationError(field, msg('date.inFuture', { field, value }));
  const adult = eighteenthBirthday(birthDate);
  if (value < adult) throw new ValidationError(field, msg('member.beforeEighteenth', { field, value, date: adult }));
  return value;
}

/** A birth date that is real and in the past. */
export function checkBirthDate(field: string, value: string, today: string): string {
  check.isoDate(field, value);
  if (value >= today) throw new ValidationError(field, msg('date.mustBePast', { field }));
  return value;
}

/** A date an action happened on: real, not in the future, and not before `notBefore` (what it follows). */
export function checkActionDate(
  field: string,
  value: string,
  today: string,
  notBefore?: { date: string; what: TermValue<'milestone'> },
): string {
  check.isoDate(field, value);
  if (value > today) throw new ValidationError(field, msg('date.inFuture', { field, value }));
  if (notBefore && value < notBefore.date)
    throw new ValidationError(field, msg('date.beforeMilestone', { field, value, milestone: notBefore.what, date: notBefore.date }));
  return value;
}

/** Conversion to full membership (转正): only a probationary member whose year of probation is over. */
export function checkConversion(member: { name: string; status: string; probationEndsOn: string | null }, convertedOn: string): void {
  if (member.status !== 'PROBATIONARY' || !member.probationEndsOn)
    throw new ConflictError(msg('member.alreadyFull', { name: member.name }));
  if (convertedOn < member.probationEndsOn) {
    throw new ConflictError(msg('member.probationNotOver', { name: member.name, probationEndsOn: member.probationEndsOn }));
  }
}

const stageOrder: ApplicantStage[] = ['APPLICANT', 'ACTIVIST', 'CANDIDATE'];

/** An applicant moves one stage at a time: applicant → activist → candidate, a candidate after a year as activist. */
export function checkAdvance(
  applicant: { name: string; stage: ApplicantStage; activistOn: string | null; admittedMemberId: string | null },
  to: ApplicantStage,
  on: string,
): void {
  if (applicant.admittedMemberId) throw new ConflictError(msg('applicant.alreadyAdmitted', { name: applicant.name }));
  const next = stageOrder[stageOrder.indexOf(applicant.stage) + 1];
  if (to !== next) {
    throw new ConflictError(
      next
        ? msg('applicant.nextStage', { name: applicant.name, stage: applicant.stage, next })
        : msg('applicant.nextIsAdmission', { name: applicant.name, stage: applicant.stage }),
    );
  }
  if (to === 'CANDIDATE' && applicant.activistOn && on < addYears(applicant.activistOn, ACTIVIST_YEARS_BEFORE_CANDIDATE)) {
    throw new ConflictError(msg('applicant.activistTooRecent', { name: applicant.name, activistOn: applicant.activistOn }));
  }
}

/** Only a candidate (发展对象) not yet admitted is admitted as a probationary member. */
export function checkAdmission(applicant: { name: string; stage: ApplicantStage; admittedMemberId: string | null }): void {
  if (applicant.admittedMemberId) throw new ConflictError(msg('applicant.alreadyAdmitted', { name: applicant.name }));
  if (applicant.stage !== 'CANDIDATE')
    throw new ConflictError(msg('applicant.onlyCandidateAdmitted', { name: applicant.name, stage: applicant.stage }));
}
