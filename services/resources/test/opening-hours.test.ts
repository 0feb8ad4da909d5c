import { useTimeZone } from '@cpb/kit';
import type { OpeningWindow } from '../src/entities';
import { checkOpeningHours, isOpenThroughout, openHours, weeklyOpenHours } from '../src/domain/opening-hours';

const weekdays: OpeningWindow[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map(
  (weekday) => ({ weekday, opensAt: '08:30', closesAt: '17:30' }) as OpeningWindow,
);
// 2026-06-01 is a Monday.
const t = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

describe('opening hours (weekly windows in UTC+8)', () => {
  it('accepts windows in any order and sorts them Monday first', () => {
    const sorted = checkOpeningHours([
      { weekday: 'SUNDAY', opensAt: '09:00', closesAt: '12:00' },
      { weekday: 'MONDAY', opensAt: '14:00', closesAt: '24:00' },
      { weekday: 'MONDAY', opensAt: '08:00', closesAt: '12:00' },
    ]);
    expect(sorted.map((w) => `${w.weekday} ${w.opensAt}`)).toEqual(['MONDAY 08:00', 'MONDAY 14:00', 'SUNDAY 09:00']);
  });

  it('refuses a window that closes before it opens, overlapping windows and malformed times', () => {
    expect(() => checkOpeningHours([{ weekday: 'MONDAY', opensAt: '12:00', closesAt: '09:00' }])).toThrow('must open before it closes');
    expect(() =>
      checkOpeningHours([
        { weekday: 'MONDAY', opensAt: '08:00', closesAt: '12:00' },
        { weekday: 'MONDAY', opensAt: '11:00', closesAt: '13:00' },
      ]),
    ).toThrow('Two MONDAY windows overlap at 11:00');
    expect(() => checkOpeningHours([{ weekday: 'MONDAY', opensAt: '8:00', closesAt: '12:00' }])).toThrow('HH:MM');
    expect(() => checkOpeningHours([{ weekday: 'MONDAY', opensAt: '24:00', closesAt: '24:00' }])).toThrow('HH:MM');
    expect(() => checkOpeningHours([{ weekday: 'MONDAY', opensAt: '10:60', closesAt: '12:00' }])).toThrow('HH:MM');
  });

  it('knows a booking inside one window is open throughout, and one running past closing is not', () => {
    expect(isOpenThroughout(weekdays, t('2026-06-01', '08:30'), t('2026-06-01', '17:30'))).toBe(true);
    expect(isOpenThroughout(weekdays, t('2026-06-01', '16:00'), t('2026-06-01', '18:00'))).toBe(false);
    expect(isOpenThroughout(weekdays, t('2026-06-06', '10:00'), t('2026-06-06', '11:00'))).toBe(false);
  });

  it('judges in local time: 01:00 UTC on a Monday is 09:00 in the district', () => {
    expect(isOpenThroughout(weekdays, new Date('2026-06-01T01:00:00Z'), new Date('2026-06-01T02:00:00Z'))).toBe(true);
    expect(isOpenThroughout(weekdays, new Date('2026-06-01T12:00:00Z'), new Date('2026-06-01T13:00:00Z'))).toBe(false);
  });

  it('joins windows that touch across midnight into one open stretch', () => {
    const late: OpeningWindow[] = [
      { weekday: 'FRIDAY', opensAt: '18:00', closesAt: '24:00' },
      { weekday: 'SATURDAY', opensAt: '00:00', closesAt: '02:00' },
    ];
    expect(isOpenThroughout(late, t('2026-06-05', '22:00'), t('2026-06-06', '01:00'))).toBe(true);
    expect(isOpenThroughout(late, t('2026-06-05', '22:00'), t('2026-06-06', '03:00'))).toBe(false);
  });

  it('counts open hours in a period and in a week', () => {
    expect(openHours(weekdays, t('2026-06-01', '00:00'), t('2026-06-08', '00:00'))).toBe(45);
    expect(openHours(weekdays, t('2026-06-01', '12:00'), t('2026-06-02', '09:30'))).toBe(6.5);
    expect(weeklyOpenHours(weekdays)).toBe(45);
  });

  it('lays out a period once for every resource asked about it, and again in another time zone', () => {
    const year = [t('2026-01-01', '00:00'), t('2027-01-01', '00:00')] as const;
    // 2026 has 261 weekdays: 9 hours each. The second resource reads the laid-out calendar.
    expect(openHours(weekdays, ...year)).toBe(2349);
    expect(openHours(weekdays.slice(0, 1), ...year)).toBe(52 * 9);
    const monday = [t('2026-06-01', '00:00'), t('2026-06-02', '00:00')] as const;
    expect(openHours(weekdays, ...monday)).toBe(9);
    try {
      // The same instants in UTC run from Sunday 16:00 to Monday 16:00 there: 08:30-16:00 of Monday is open.
      useTimeZone('UTC');
      expect(openHours(weekdays, ...monday)).toBe(7.5);
    } finally {
      useTimeZone('Asia/Shanghai');
    }
  });
});
