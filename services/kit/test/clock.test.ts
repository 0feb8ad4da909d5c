import { addMonths, loadConfig, localDateTime, startOfDay, subgraphEnvSchema, timeZone, today, useTimeZone } from '../src';

afterEach(() => useTimeZone('Asia/Shanghai'));

describe("the district's clock", () => {
  it('is Beijing time by default: at 00:30 there it is already the next day, while UTC is still on the last one', () => {
    const halfPastMidnight = new Date('2026-05-01T16:30:00Z');
    expect(timeZone()).toBe('Asia/Shanghai');
    expect(halfPastMidnight.toISOString().slice(0, 10)).toBe('2026-05-01');
    expect(today(halfPastMidnight)).toBe('2026-05-02');
    expect(localDateTime(halfPastMidnight)).toBe('2026-05-02 00:30');
  });

  it('starts a calendar day at local midnight', () => {
    expect(startOfDay('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('follows a configured zone, daylight saving included', () => {
    useTimeZone('Europe/Berlin');
    expect(today(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    expect(startOfDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDay('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('takes TIME_ZONE from the config, refusing a zone that does not exist', () => {
    expect(loadConfig(subgraphEnvSchema(4001), {}).TIME_ZONE).toBe('Asia/Shanghai');
    expect(loadConfig(subgraphEnvSchema(4001), { TIME_ZONE: 'Asia/Urumqi' }).TIME_ZONE).toBe('Asia/Urumqi');
    expect(() => loadConfig(subgraphEnvSchema(4001), { TIME_ZONE: 'Mars/Olympus' })).toThrow('TIME_ZONE: must be an IANA time zone');
  });
});

describe('addMonths', () => {
  it("keeps the day, or takes the month's last day when it is shorter, across years", () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', 12)).toBe('2027-01-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });
});
