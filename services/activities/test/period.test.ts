import { chinaToday, readOpenPeriod, readPeriod } from '../src/domain/period';

describe('statistics periods (calendar days, China time)', () => {
  it('covers from midnight of `from` to midnight after `to`, at UTC+8', () => {
    const period = readPeriod('2026-01-01', '2026-12-31');
    expect(period.start.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(period.end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('accepts a single day and refuses `to` before `from`, naming the argument', () => {
    expect(readPeriod('2026-03-01', '2026-03-01').end.getTime() - readPeriod('2026-03-01', '2026-03-01').start.getTime()).toBe(86_400_000);
    expect(() => readPeriod('2026-03-02', '2026-03-01')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'to' }));
    expect(() => readPeriod('2026-02-30', '2026-03-01')).toThrow(expect.objectContaining({ field: 'from' }));
  });

  it('leaves either end open when not given', () => {
    expect(readOpenPeriod(null, '2026-01-01')).toMatchObject({ start: null, end: new Date('2026-01-01T16:00:00.000Z') });
    expect(readOpenPeriod()).toMatchObject({ start: null, end: null });
  });

  it("takes today's date in China, which is a day ahead of UTC in the early morning", () => {
    expect(chinaToday(new Date('2026-05-01T17:00:00Z'))).toBe('2026-05-02');
  });
});
