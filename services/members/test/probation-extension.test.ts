import { checkProbationExtension, readExtensionMonths } from '../src/domain/probation-extension';

const member = { name: '张三', status: 'PROBATIONARY' as const, probationEndsOn: '2026-08-31' };

describe('probation extension (延长预备期)', () => {
  it("moves the end by 6 to 12 months from the end of the year (the month's last day when it is shorter)", () => {
    expect(checkProbationExtension(member, null, 6, '2026-08-30')).toBe('2027-02-28');
    expect(checkProbationExtension(member, null, 12, '2026-01-01')).toBe('2027-08-31');
    expect(checkProbationExtension({ ...member, probationEndsOn: '2027-08-31' }, null, 6, '2027-01-01')).toBe('2028-02-29');
  });

  it('takes 6 to 12 whole months only', () => {
    expect(readExtensionMonths(6)).toBe(6);
    expect(readExtensionMonths(12)).toBe(12);
    for (const months of [5, 13, 0, 6.5])
      expect(() => readExtensionMonths(months)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'months' }));
  });

  it('is decided before the year ends: the last day is too late', () => {
    expect(() => checkProbationExtension(member, null, 6, '2026-08-31')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => checkProbationExtension(member, null, 6, '2026-09-01')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('extends once, and only a probationary member', () => {
    const earlier = {
      memberId: 'm',
      months: 6,
      extendedOn: '2026-05-01',
      previousEndsOn: '2026-06-01',
      probationEndsOn: '2026-12-01',
      reason: '',
    };
    expect(() => checkProbationExtension(member, earlier, 6, '2026-05-02')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => checkProbationExtension({ ...member, status: 'FULL', probationEndsOn: null }, null, 6, '2026-05-02')).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });
});
