import {
  checkCancellation,
  checkCheckIn,
  checkCheckOut,
  checkCompletion,
  checkReschedule,
  checkSchedule,
  readMoment,
  shownStatus,
  signUpRefusal,
} from '../src/domain/activity-rules';
import type { Activity, Participation } from '../src/entities';

const start = new Date('2026-05-01T09:00:00+08:00');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const activity = (overrides: Partial<Activity> = {}): Activity => ({
  id: 'a',
  title: '社区环境清洁行动',
  kind: 'VOLUNTEER_SERVICE',
  status: 'PUBLISHED',
  organizerId: 'o',
  communityId: 'c',
  teamId: null,
  coOrganizerIds: [],
  venueBookingId: null,
  place: null,
  startsAt: start,
  endsAt: at(120),
  capacity: 10,
  signedUpCount: 3,
  completedAt: null,
  ...overrides,
});
const signedUp: Participation = {
  id: 'p',
  activityId: 'a',
  memberId: 'm',
  status: 'SIGNED_UP',
  signedUpAt: at(-1440),
  checkedInAt: null,
  checkedOutAt: null,
  hours: null,
  creditedAt: null,
};
const conflict = (text: string) => expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining(text) });

describe('activity rules', () => {
  it('shows a published activity past its start as ONGOING', () => {
    expect(shownStatus(activity(), at(-1))).toBe('PUBLISHED');
    expect(shownStatus(activity(), at(0))).toBe('ONGOING');
    expect(shownStatus(activity({ status: 'COMPLETED' }), at(500))).toBe('COMPLETED');
  });

  it('explains why a sign-up found no place: not published, started, full', () => {
    expect(signUpRefusal(activity({ status: 'DRAFT' }), at(-60))).toEqual(conflict('not published yet'));
    expect(signUpRefusal(activity(), at(1))).toEqual(conflict('already started'));
    expect(signUpRefusal(activity({ signedUpCount: 10 }), at(-60))).toEqual(conflict('all 10 places are taken'));
  });

  it('opens check-in 30 minutes before the start and closes it at the end, for signed-up members only', () => {
    expect(() => checkCheckIn(activity(), signedUp, at(-30))).not.toThrow();
    expect(() => checkCheckIn(activity(), signedUp, at(120))).not.toThrow();
    expect(() => checkCheckIn(activity(), signedUp, at(-31))).toThrow(conflict('Check-in'));
    expect(() => checkCheckIn(activity(), signedUp, at(121))).toThrow(conflict('Check-in'));
    expect(() => checkCheckIn(activity(), null, at(0))).toThrow(conflict('signed up'));
    expect(() => checkCheckIn(activity(), { ...signedUp, status: 'CANCELLED' }, at(0))).toThrow(conflict('signed up'));
    expect(() => checkCheckIn(activity(), { ...signedUp, status: 'ATTENDED', checkedInAt: at(0) }, at(5))).toThrow(
      conflict('already checked in'),
    );
    expect(() => checkCheckIn(activity({ status: 'COMPLETED' }), signedUp, at(0))).toThrow(conflict('already completed'));
  });

  it('checks out only after checking in, not before the check-in, once', () => {
    const attended = { ...signedUp, status: 'ATTENDED' as const, checkedInAt: at(10) };
    expect(() => checkCheckOut(activity(), attended, at(200))).not.toThrow();
    expect(() => checkCheckOut(activity(), signedUp, at(60))).toThrow(conflict('checked in'));
    expect(() => checkCheckOut(activity(), attended, at(5))).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'at' }));
    expect(() => checkCheckOut(activity(), { ...attended, checkedOutAt: at(60) }, at(70))).toThrow(conflict('already checked out'));
  });

  it('completes a published activity once it has started, and only once', () => {
    expect(() => checkCompletion(activity(), at(0))).not.toThrow();
    expect(() => checkCompletion(activity(), at(-1))).toThrow(conflict('not started'));
    expect(() => checkCompletion(activity({ status: 'COMPLETED', completedAt: at(180) }), at(200))).toThrow(conflict('already completed'));
    expect(() => checkCompletion(activity({ status: 'DRAFT' }), at(200))).toThrow(conflict('not published'));
  });

  it('cancels only what is neither completed nor attended', () => {
    expect(() => checkCancellation(activity(), 0)).not.toThrow();
    expect(() => checkCancellation(activity(), 2)).toThrow(conflict('complete it instead'));
    expect(() => checkCancellation(activity({ status: 'CANCELLED' }), 0)).toThrow(conflict('was cancelled'));
  });

  it('wants the end after the start, within a week, and check-in moments not in the future', () => {
    expect(() => checkSchedule(at(60), at(60))).toThrow(expect.objectContaining({ field: 'endsAt' }));
    expect(() => checkSchedule(at(0), at(8 * 24 * 60))).toThrow(expect.objectContaining({ field: 'endsAt' }));
    expect(readMoment(null, at(0))).toEqual(at(0));
    expect(readMoment(at(0.5).toISOString(), at(0))).toEqual(at(0.5));
    expect(() => readMoment(at(5).toISOString(), at(0))).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'at' }));
  });
});

describe('rescheduling (改期)', () => {
  const now = new Date('2026-12-02T02:00:00Z');
  const published = {
    id: 'a',
    title: '义诊',
    status: 'PUBLISHED',
    startsAt: new Date('2026-12-05T01:00:00Z'),
    endsAt: new Date('2026-12-05T03:00:00Z'),
  } as Parameters<typeof checkReschedule>[0];

  it('moves a published activity that has not started to a time to come', () => {
    expect(() => checkReschedule(published, { startsAt: new Date('2026-12-06T01:00:00Z') }, now)).not.toThrow();
  });

  it('refuses drafts, cancelled, completed and started activities (CONFLICT), and a start that has passed (BAD_USER_INPUT)', () => {
    for (const status of ['DRAFT', 'CANCELLED', 'COMPLETED'] as const) {
      expect(() => checkReschedule({ ...published, status }, { startsAt: new Date('2026-12-06T01:00:00Z') }, now)).toThrow(
        expect.objectContaining({ code: 'CONFLICT' }),
      );
    }
    expect(() =>
      checkReschedule({ ...published, startsAt: new Date('2026-12-02T01:59:00Z') }, { startsAt: new Date('2026-12-06T01:00:00Z') }, now),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => checkReschedule(published, { startsAt: new Date('2026-12-02T01:00:00Z') }, now)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'startsAt' }),
    );
  });
});
