import type { Month } from '../../dates';

/** What every panel of the street overview is given: the street, its working committee, the period. */
export interface StreetContext {
  streetId: string;
  streetName: string;
  /** The street working committee (街道党工委): the root of the street's organisation subtree. */
  committeeId: string | null;
  months: Month[];
  from: string;
  to: string;
}
