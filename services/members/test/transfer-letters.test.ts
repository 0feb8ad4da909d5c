import { issueLetter, letterLapsed, maximumLetterDays } from '../src/domain/transfer-letters';

describe('introduction letters (介绍信)', () => {
  it('are valid 10 days within the city and 30 outside it, through their last day', () => {
    expect(issueLetter('WITHIN_CITY', '2026-03-01')).toEqual({
      letterReach: 'WITHIN_CITY',
      letterIssuedOn: '2026-03-01',
      letterValidUntil: '2026-03-11',
    });
    expect(issueLetter('OUTSIDE_CITY', '2026-03-01').letterValidUntil).toBe('2026-03-31');
    expect(letterLapsed({ status: 'APPROVED', letterValidUntil: '2026-03-11' }, '2026-03-11')).toBe(false);
    expect(letterLapsed({ status: 'APPROVED', letterValidUntil: '2026-03-11' }, '2026-03-12')).toBe(true);
    expect(letterLapsed({ status: 'COMPLETED', letterValidUntil: '2026-03-11' }, '2026-04-01')).toBe(false);
  });

  it('last at most three calendar months: to the same day, or the shorter month’s last day', () => {
    expect(maximumLetterDays('2026-03-01')).toBe(92);
    expect(maximumLetterDays('2026-01-31')).toBe(89); // to 30 April
    expect(maximumLetterDays('2027-11-30')).toBe(91); // to 29 February 2028
    expect(issueLetter('OUTSIDE_CITY', '2026-01-31', 89).letterValidUntil).toBe('2026-04-30');
    expect(() => issueLetter('OUTSIDE_CITY', '2026-01-31', 90)).toThrow(expect.objectContaining({ field: 'letter.validDays' }));
    expect(() => issueLetter('WITHIN_CITY', '2026-01-31', 0)).toThrow(expect.objectContaining({ field: 'letter.validDays' }));
  });
});
