/**
 * Monthly Party dues (党费) by the 2008 regulation (《关于中国共产党党费收缴、使用和管理的规定》), as a
 * table: pure, no I/O. Money is integer fen (分), never floating point.
 *
 * Rounding, stated once: a percentage of the base is rounded to the nearest fen, halves up
 * (四舍五入): 0.5% of 1,001 fen = 5.005 → 5 fen,
 * 0.5% of 1,100 fen = 5.5 → 6 fen. Computed in integers: (base × basis points + 5,000) ÷ 10,000, floored.
 */

/** What a member's dues are computed on, declared per member per year (党费基数). */
export type DuesBasis = 'EMPLOYED' | 'RETIRED' | 'STUDENT' | 'LAID_OFF' | 'RELIEF' | 'FARMER';

/** The row of the regulation that produced a monthly amount; stored beside the amount. */
export type DuesRule =
  | 'EMPLOYED_UP_TO_3000'
  | 'EMPLOYED_3000_TO_5000'
  | 'EMPLOYED_5000_TO_10000'
  | 'EMPLOYED_ABOVE_10000'
  | 'RETIRED_UP_TO_5000'
  | 'RETIRED_ABOVE_5000'
  | 'FLAT_0_2_YUAN'
  | 'FARMER_SET_BY_BRANCH';

export interface MonthlyDues {
  rule: DuesRule;
  /** Basis points of the base (50 = 0.5%); null for a flat amount. */
  rateBasisPoints: number | null;
  amountFen: number;
}

const YUAN = 100;

/** Bands of after-tax monthly income (employed) or pension (retired): `upToFen` inclusive, the last open. */
interface Band {
  upToFen: number | null;
  rateBasisPoints: number;
  rule: DuesRule;
}

export const duesBands: Record<'EMPLOYED' | 'RETIRED', readonly Band[]> = {
  EMPLOYED: [
    { upToFen: 3_000 * YUAN, rateBasisPoints: 50, rule: 'EMPLOYED_UP_TO_3000' },
    { upToFen: 5_000 * YUAN, rateBasisPoints: 100, rule: 'EMPLOYED_3000_TO_5000' },
    { upToFen: 10_000 * YUAN, rateBasisPoints: 150, rule: 'EMPLOYED_5000_TO_10000' },
    { upToFen: null, rateBasisPoints: 200, rule: 'EMPLOYED_ABOVE_10000' },
  ],
  RETIRED: [
    { upToFen: 5_000 * YUAN, rateBasisPoints: 50, rule: 'RETIRED_UP_TO_5000' },
    { upToFen: null, rateBasisPoints: 100, rule: 'RETIRED_ABOVE_5000' },
  ],
};

/** Students, laid-off members, members on relief or the minimum living allowance: 0.2 yuan a month. */
export const FLAT_MONTHLY_FEN = 20;
/** Farmers: 0.2 to 1 yuan a month, the amount the branch sets. */
export const FARMER_RANGE_FEN = { min: 20, max: 100 } as const;
/** The largest base accepted (1,000,000 yuan a month): keeps base × rate well inside exact integers. */
export const MAX_BASE_FEN = 100_000_000;

/** A percentage of `baseFen`, rounded to the fen halves up. */
export function percentOf(baseFen: number, rateBasisPoints: number): number {
  return Math.floor((baseFen * rateBasisPoints + 5_000) / 10_000);
}

/** Which bases need a declared amount: income or pension, or the farmer's amount set by the branch. */
export function basisTakesAmount(basis: DuesBasis): boolean {
  return basis === 'EMPLOYED' || basis === 'RETIRED' || basis === 'FARMER';
}

/**
 * The monthly amount for a basis and its declared amount (fen). The caller has checked the amount
 * (`checkBaseAmount`); here a wrong one is a programming error.
 */
export function monthlyDues(basis: DuesBasis, baseFen: number | null): MonthlyDues {
  if (basis === 'EMPLOYED' || basis === 'RETIRED') {
    if (baseFen === null || !Number.isSafeInteger(baseFen) || baseFen < 0)
      throw new Error(`a ${basis} base needs an amount in fen, got ${baseFen}`);
    const band = duesBands[basis].find((b) => b.upToFen === null || baseFen <= b.upToFen)!;
    return { rule: band.rule, rateBasisPoints: band.rateBasisPoints, amountFen: percentOf(baseFen, band.rateBasisPoints) };
  }
  if (basis === 'FARMER') {
    if (baseFen === null || baseFen < FARMER_RANGE_FEN.min || baseFen > FARMER_RANGE_FEN.max)
      throw new Error(`a farmer's amount is 20-100 fen, got ${baseFen}`);
    return { rule: 'FARMER_SET_BY_BRANCH', rateBasisPoints: null, amountFen: baseFen };
  }
  return { rule: 'FLAT_0_2_YUAN', rateBasisPoints: null, amountFen: FLAT_MONTHLY_FEN };
}

/** Why a declared amount is wrong for its basis (a catalogue key and its parameters), or null when it fits. */
export function baseAmountProblem(
  basis: DuesBasis,
  baseFen: number | null | undefined,
): 'dues.baseRequired' | 'dues.baseNotTaken' | 'dues.baseRange' | 'dues.farmerRange' | null {
  if (!basisTakesAmount(basis)) return baseFen === null || baseFen === undefined ? null : 'dues.baseNotTaken';
  if (baseFen === null || baseFen === undefined) return 'dues.baseRequired';
  if (!Number.isSafeInteger(baseFen)) return 'dues.baseRange';
  if (basis === 'FARMER') return baseFen < FARMER_RANGE_FEN.min || baseFen > FARMER_RANGE_FEN.max ? 'dues.farmerRange' : null;
  return baseFen < 0 || baseFen > MAX_BASE_FEN ? 'dues.baseRange' : null;
}

/** `12345` fen → `123.45` (yuan, two decimals), for messages. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
