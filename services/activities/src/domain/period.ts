/**
 * Dashboards count by calendar day as people in the district see it: the kit's periods (shared with
 * organisational life's compliance), in the district's time zone.
 */
export { readOpenPeriod, readPeriod, type ClosedPeriod, type Period } from '@cpb/kit';

/** Today's date in the district: the kit's `today` (the name its unit test knows it by). */
export { today as chinaToday } from '@cpb/kit';
