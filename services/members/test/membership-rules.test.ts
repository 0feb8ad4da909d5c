import {
  addYears,
  checkAdmission,
  checkAdultDate,
  checkAdvance,
  checkConversion,
  eighteenthBirthday,
  probationEndsOn,
} from '../src/domain/membership-rules';
import { checkTransition } from '../src/domain/transfer-rules';

const TODAY = '2026-11-15';

describe('joining age and dates', () => {
  it('puts the 18th birthday of a 29 February birth on 28 February, as Postgres does', () => {
    expect(eighteenthBirthday('2004-02-29')).toBe('2022-02-28');
    expect(eighteenthBirthday('2000-06-15')).toBe('2018-06-15');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('accepts joining on the 18th birthday and refuses the day before', () => {
    expect(checkAdultDate('joinedOn', '2018-06-15', '2000-06-15', TODAY)).toBe('2018-06-15');
    expect(() => checkAdultDate('joinedOn', '2018-06-14', '2000-06-15', TODAY)).toThrow(
      expect.objectContaining({ field: 'joinedOn', message: expect.stringContaining('18th birthday') }),
    );
  });

  it('refuses a join date in the future or not a date', () => {
    expect(() => checkAdultDate('joinedOn', '2026-11-16', '1990-01-01', TODAY)).toThrow(
      expect.objectContaining({ field: 'joinedOn', message: expect.stringContaining('future') }),
    );
    expect(() => checkAdultDate('joinedOn', '2026-02-30', '1990-01-01', TODAY)).toThrow(
      expect.objectContaining({ field: 'joinedOn', code: 'BAD_USER_INPUT' }),
    );
  });
});

describe('probation and conversion (转正)', () => {
  const probationary = { name: '王伟', status: 'PROBATIONARY', probationEndsOn: probationEndsOn('2025-11-15') };

  it('ends probation one year after joining', () => {
    expect(probationEndsOn('2025-11-15')).toBe('2026-11-15');
  });

  it('refuses conversion before the year is over, with CONFLICT', () => {
    expect(() => checkConversion(probationary, '2026-11-14')).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('2026-11-15') }),
    );
  });

  it('allows conversion on the day probation ends', () => {
    expect(() => checkConversion(probationary, '2026-11-15')).not.toThrow();
  });

  it('refuses converting a full member', () => {
    expect(() => checkConversion({ name: '王伟', status: 'FULL', probationEndsOn: null }, TODAY)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('already a full member') }),
    );
  });
});

describe('applicant stages (入党申请人 → 积极分子 → 发展对象)', () => {
  const applicant = { name: '李娜', stage: 'APPLICANT' as const, activistOn: null, admittedMemberId: null };

  it('moves one stage at a time', () => {
    expect(() => checkAdvance(applicant, 'ACTIVIST', TODAY)).not.toThrow();
    expect(() => checkAdvance(applicant, 'CANDIDATE', TODAY)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('入党积极分子') }),
    );
  });

  it('makes a candidate only after a year as activist', () => {
    const activist = { ...applicant, stage: 'ACTIVIST' as const, activistOn: '2025-11-16' };
    expect(() => checkAdvance(activist, 'CANDIDATE', TODAY)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('a year as activist') }),
    );
    expect(() => checkAdvance({ ...activist, activistOn: '2025-11-15' }, 'CANDIDATE', TODAY)).not.toThrow();
  });

  it('admits only a candidate not yet admitted', () => {
    expect(() => checkAdmission({ ...applicant, stage: 'ACTIVIST' })).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('only a candidate') }),
    );
    expect(() => checkAdmission({ ...applicant, stage: 'CANDIDATE', admittedMemberId: 'x' })).toThrow(
      expect.objectContaining({ message: expect.stringContaining('already been admitted') }),
    );
    expect(() => checkAdmission({ ...applicant, stage: 'CANDIDATE' })).not.toThrow();
  });
});

describe('transfer steps (组织关系转接)', () => {
  it('goes requested → approved → completed, or requested → rejected', () => {
    expect(() => checkTransition({ status: 'REQUESTED' }, 'APPROVED')).not.toThrow();
    expect(() => checkTransition({ status: 'REQUESTED' }, 'REJECTED')).not.toThrow();
    expect(() => checkTransition({ status: 'APPROVED' }, 'COMPLETED')).not.toThrow();
  });

  it('refuses completing before approval and any step after the end, with CONFLICT', () => {
    expect(() => checkTransition({ status: 'REQUESTED' }, 'COMPLETED')).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('approve it first') }),
    );
    expect(() => checkTransition({ status: 'COMPLETED' }, 'APPROVED')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => checkTransition({ status: 'REJECTED' }, 'COMPLETED')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });
});
