import { serviceHours } from '../src/domain/service-hours';

const start = new Date('2026-05-01T09:00:00+08:00');
const activity = { startsAt: start, endsAt: new Date('2026-05-01T11:00:00+08:00') };
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const completedLater = at(600);

describe('serviceHours', () => {
  it('counts from check-in to check-out', () => {
    expect(serviceHours(activity, at(30), at(75), completedLater)).toBe(0.75);
  });

  it('never credits more than the activity lasts, however early the check-in or late the check-out', () => {
    expect(serviceHours(activity, at(-30), at(180), completedLater)).toBe(2);
  });

  it('counts a missing check-out until the end, or until completion when that came first', () => {
    expect(serviceHours(activity, at(60), null, completedLater)).toBe(1);
    expect(serviceHours(activity, at(0), null, at(90))).toBe(1.5);
  });

  it('counts whole minutes, given to two decimals', () => {
    expect(serviceHours(activity, at(0), new Date(at(20).getTime() + 59_000), completedLater)).toBe(0.33);
    expect(serviceHours(activity, at(10), at(10), completedLater)).toBe(0);
  });
});
