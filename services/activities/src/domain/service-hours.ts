/** The activity's times that bound the hours anyone can be credited for it. */
export interface ActivityTimes {
  startsAt: Date;
  endsAt: Date;
}

const MINUTE_MS = 60_000;

/**
 * Service hours for one attendance: from check-in to check-out, never more than the activity's
 * length (checking in early or out late earns nothing extra). A member who never checked out is
 * counted until the activity ended, or until it was completed if that came first. Whole minutes,
 * given in hours to two decimals (the column is numeric(5,2)).
 */
export function serviceHours(activity: ActivityTimes, checkedInAt: Date, checkedOutAt: Date | null, completedAt: Date): number {
  const length = activity.endsAt.getTime() - activity.startsAt.getTime();
  const out = checkedOutAt ?? new Date(Math.min(activity.endsAt.getTime(), completedAt.getTime()));
  const served = Math.max(0, Math.min(out.getTime() - checkedInAt.getTime(), length));
  const minutes = Math.floor(served / MINUTE_MS);
  return Math.round((minutes / 60) * 100) / 100;
}
