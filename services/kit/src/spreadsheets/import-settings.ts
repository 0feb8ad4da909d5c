import { z } from 'zod';

/**
 * How many checked rows an import writes at a time, inside its one transaction: the rows, their
 * ledger rows, their events and the events' JSON are built per slice, so the whole file's never sit
 * in memory at once (a 10,000-row roster: five slices). Smaller slices cost round trips, not safety.
 */
export const importEnvSchema = z.object({
  IMPORT_SLICE_ROWS: z.coerce.number().int().min(1).max(20_000).default(2_000),
});

let sliceRows = 2_000;

/** Sets the slice size (once, at start-up, from the validated config). */
export function useImportSliceRows(rows: number): void {
  sliceRows = rows;
}

export function importSliceRows(): number {
  return sliceRows;
}
