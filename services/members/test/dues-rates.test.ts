import { baseAmountProblem, monthlyDues, percentOf, yuan } from '../src/domain/dues-rates';
import { firstOwedMonth, longestRun, monthsBetween } from '../src/domain/dues-months';

const fen = (yuanAmount: number) => Math.round(yuanAmount * 100);

describe('dues rates by the 2008 regulation, at every band edge (each bound on the lower band)', () => {
  it.each([
    // employed: after-tax monthly income
    ['EMPLOYED', fen(0), 'EMPLOYED_UP_TO_3000', 0],
    ['EMPLOYED', fen(3000), 'EMPLOYED_UP_TO_3000', 1500],
    ['EMPLOYED', fen(3000.01), 'EMPLOYED_3000_TO_5000', 3000],
    ['EMPLOYED', fen(5000), 'EMPLOYED_3000_TO_5000', 5000],
    ['EMPLOYED', fen(5000.01), 'EMPLOYED_5000_TO_10000', 7500],
    ['EMPLOYED', fen(10000), 'EMPLOYED_5000_TO_10000', 15000],
    ['EMPLOYED', fen(10000.01), 'EMPLOYED_ABOVE_10000', 20000],
    ['EMPLOYED', fen(25000), 'EMPLOYED_ABOVE_10000', 50000],
    // retired: pension
    ['RETIRED', fen(5000), 'RETIRED_UP_TO_5000', 2500],
    ['RETIRED', fen(5000.01), 'RETIRED_ABOVE_5000', 5000],
    ['RETIRED', fen(1234.56), 'RETIRED_UP_TO_5000', 617],
  ] as const)('%s on %i fen: %s, %i fen a month', (basis, base, rule, amount) => {
    expect(monthlyDues(basis, base)).toMatchObject({ rule, amountFen: amount });
  });

  it('charges students, laid-off members and members on relief 0.2 yuan a month whatever they earn', () => {
    for (const basis of ['STUDENT', 'LAID_OFF', 'RELIEF'] as const)
      expect(monthlyDues(basis, null)).toEqual({ rule: 'FLAT_0_2_YUAN', rateBasisPoints: null, amountFen: 20 });
  });

  it('charges farmers the amount the branch set, 0.2 to 1 yuan, and refuses one outside it', () => {
    expect(monthlyDues('FARMER', 20).amountFen).toBe(20);
    expect(monthlyDues('FARMER', 100).amountFen).toBe(100);
    expect(baseAmountProblem('FARMER', 19)).toBe('dues.farmerRange');
    expect(baseAmountProblem('FARMER', 101)).toBe('dues.farmerRange');
    expect(baseAmountProblem('FARMER', 50)).toBeNull();
  });

  it('wants an amount for income and pension bases, none for flat ones, integers in range', () => {
    expect(baseAmountProblem('EMPLOYED', null)).toBe('dues.baseRequired');
    expect(baseAmountProblem('STUDENT', 100)).toBe('dues.baseNotTaken');
    expect(baseAmountProblem('EMPLOYED', 12.5)).toBe('dues.baseRange');
    expect(baseAmountProblem('RETIRED', -1)).toBe('dues.baseRange');
    expect(baseAmountProblem('EMPLOYED', 100_000_001)).toBe('dues.baseRange');
    expect(baseAmountProblem('STUDENT', null)).toBeNull();
  });
});

describe('rounding to the fen: nearest, halves up, in integers', () => {
  it('rounds 0.5% of 1,001 fen (5.005) down to 5 and of 1,100 fen (5.5) up to 6', () => {
    expect(percentOf(1_001, 50)).toBe(5);
    expect(percentOf(1_100, 50)).toBe(6);
    expect(percentOf(1_099, 50)).toBe(5);
  });

  it('rounds 1.5% of 5,000.33 yuan (7500.495 fen) to 7500 and 0.5% of 2,999.99 yuan (1499.995) to 1500', () => {
    expect(monthlyDues('EMPLOYED', 500_033).amountFen).toBe(7500);
    expect(monthlyDues('EMPLOYED', 299_999).amountFen).toBe(1500);
  });

  it('is exact for the largest base accepted (no floating point drift)', () => {
    expect(monthlyDues('EMPLOYED', 100_000_000).amountFen).toBe(2_000_000);
    expect(percentOf(99_999_999, 150)).toBe(1_500_000);
  });

  it('writes fen as yuan with two decimals', () => {
    expect(yuan(1500)).toBe('15.00');
    expect(yuan(5)).toBe('0.05');
    expect(yuan(-2005)).toBe('-20.05');
  });
});

describe('months of dues', () => {
  it('owes from the month the member became probationary, never before the declared month', () => {
    expect(firstOwedMonth(2026, 1, '2026-03-31')).toBe('2026-03');
    expect(firstOwedMonth(2026, 5, '2020-01-01')).toBe('2026-05');
    expect(firstOwedMonth(2026, 1, '2027-01-01')).toBeNull();
  });

  it('finds the longest run of consecutive unpaid months across a year end', () => {
    expect(longestRun(monthsBetween('2025-10', '2026-03'))).toBe(6);
    expect(longestRun(['2026-01', '2026-03', '2026-04'])).toBe(2);
    expect(longestRun([])).toBe(0);
  });
});
