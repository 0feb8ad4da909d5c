import type { Resource } from '../src/entities';
import { checkBooking } from '../src/domain/booking-rules';
import { bookingWindow, datePeriod } from '../src/domain/periods';
import { utilization } from '../src/domain/utilization';

const hall: Resource = {
  id: 'r1',
  providerId: 'u1',
  communityId: 'c1',
  kind: 'VENUE',
  name: '多功能会议室',
  description: '',
  capacity: 80,
  address: null,
  openingHours: [
    { weekday: 'MONDAY', opensAt: '08:00', closesAt: '22:00' },
    { weekday: 'WEDNESDAY', opensAt: '09:00', closesAt: '13:00' },
  ],
  status: 'AVAILABLE',
  withdrawnOn: null,
};
const now = new Date('2026-05-20T00:00:00Z');
const t = (iso: string) => new Date(`${iso}:00+08:00`);
const request = (overrides: Partial<{ startsAt: Date; endsAt: Date; headcount: number }> = {}) => ({
  startsAt: t('2026-06-01T14:00'),
  endsAt: t('2026-06-01T16:00'),
  headcount: 40,
  ...overrides,
});

function refusalOf(work: () => void): { code: string; field?: string } {
  try {
    work();
  } catch (error) {
    const { code, field } = error as { code: string; field?: string };
    return field ? { code, field } : { code };
  }
  throw new Error('expected a refusal');
}

describe('booking rules', () => {
  it('takes a future booking inside the opening hours within capacity', () => {
    expect(() => checkBooking(hall, request(), now)).not.toThrow();
  });

  it("refuses a headcount above a venue's capacity", () => {
    expect(refusalOf(() => checkBooking(hall, request({ headcount: 81 }), now))).toEqual({ code: 'BAD_USER_INPUT', field: 'headcount' });
  });

  it('leaves headcount alone for a facility, whose capacity counts units', () => {
    expect(() => checkBooking({ ...hall, kind: 'FACILITY', capacity: 1 }, request({ headcount: 40 }), now)).not.toThrow();
  });

  it('refuses times outside the opening hours, in the past, or ending before they start', () => {
    expect(refusalOf(() => checkBooking(hall, request({ startsAt: t('2026-06-01T21:00'), endsAt: t('2026-06-01T23:00') }), now))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'startsAt',
    });
    expect(refusalOf(() => checkBooking(hall, request({ startsAt: t('2026-06-02T10:00'), endsAt: t('2026-06-02T11:00') }), now))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'startsAt',
    });
    expect(refusalOf(() => checkBooking(hall, request({ startsAt: t('2026-05-18T10:00'), endsAt: t('2026-05-18T11:00') }), now))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'startsAt',
    });
    expect(refusalOf(() => checkBooking(hall, request({ endsAt: t('2026-06-01T13:00') }), now))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'endsAt',
    });
  });

  it('refuses kinds that are not booked, and withdrawn resources', () => {
    expect(refusalOf(() => checkBooking({ ...hall, kind: 'EXPERT' }, request(), now))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'resourceId',
    });
    expect(refusalOf(() => checkBooking({ ...hall, status: 'WITHDRAWN' }, request(), now))).toEqual({ code: 'CONFLICT' });
  });
});

describe('periods and utilisation', () => {
  it('defaults a booking window to the next 30 days and bounds it at 366', () => {
    const window = bookingWindow(null, null, now);
    expect(window.to.getTime() - window.from.getTime()).toBe(30 * 86_400_000);
    expect(refusalOf(() => bookingWindow('2026-01-01T00:00:00Z', '2027-06-01T00:00:00Z'))).toEqual({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('reads a date period as local days', () => {
    expect(datePeriod('2026-06-01', '2026-06-08').from.toISOString()).toBe('2026-05-31T16:00:00.000Z');
  });

  it('divides booked hours by open hours, and gives no rate where the venue never opens', () => {
    const week = datePeriod('2026-06-01', '2026-06-08');
    expect(utilization(hall, week, 9 * 3600)).toEqual({ bookedHours: 9, openHours: 18, rate: 0.5 });
    expect(utilization({ ...hall, openingHours: [] }, week, 0)).toEqual({ bookedHours: 0, openHours: 0, rate: null });
  });
});
