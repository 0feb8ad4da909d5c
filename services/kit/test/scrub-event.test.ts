import { scrubbedProperties, scrubEventData } from '../src';

const published = {
  activityId: '88d1b3c8-b82f-4fb7-a48b-737da53cc177',
  title: '周末助老 联系人王建国 13812345678',
  kind: 'VOLUNTEER_SERVICE',
  organizerId: '17fe1c7a-58fe-4ce3-ae7b-cdcba29771fe',
  communityId: '17fe1c7a-58fe-4ce3-ae7b-cdcba29771fe',
  teamId: null,
  coOrganizerIds: [],
  venueBookingId: null,
  startsAt: '2026-05-18T01:30:00.000Z',
  endsAt: '2026-05-18T03:30:00.000Z',
  capacity: 13812345678,
};

it('scrubs the properties the schema marks x-scrubbed, with the names given, and nothing else', () => {
  expect(scrubEventData('activity.published', published, ['王建国'])).toEqual({ ...published, title: '周末助老 联系人[NAME] [PHONE]' });
});

it('withholds the whole text where the schema says so (a paired-assistance title names the household)', () => {
  const paired = { ...published, kind: 'PAIRED_ASSISTANCE', title: '结对帮扶李家 困难户' };
  expect(scrubEventData('activity.published', paired)).toEqual({ ...paired, title: '[WITHHELD]' });
});

it("leaves the caller's data as it was: the original stays in the service's own tables", () => {
  const data = structuredClone(published);
  scrubEventData('activity.published', data, ['王建国']);
  expect(data).toEqual(published);
});

it('leaves codes (x-code) and events without free text alone', () => {
  const updated = {
    memberId: published.activityId,
    changedFields: ['phone', 'name'],
    category: 'RETIRED',
    workUnitId: null,
    residenceCommunityId: null,
    skills: ['MEDICAL'],
  };
  expect(scrubEventData('member.updated', updated, ['phone'])).toEqual(updated);
  const credited = { participationId: published.activityId, hours: 2 };
  expect(scrubEventData('participation.hours-credited', credited, ['王建国'])).toBe(credited);
});

it('keeps a null text null (a booking cancelled without a reason)', () => {
  const cancelled = { bookingId: published.activityId, reason: null };
  expect(scrubEventData('booking.cancelled', cancelled)).toEqual(cancelled);
});

it('finds marked properties at any depth, array items included, with their withholding rule', () => {
  expect(
    scrubbedProperties({
      properties: {
        id: {},
        title: { 'x-scrubbed': true },
        notes: { items: { 'x-scrubbed': true } },
        steps: { items: { properties: { text: { 'x-scrubbed': { withheldWhen: { kind: ['SECRET'] } } } } } },
      },
    }),
  ).toEqual([{ path: ['title'] }, { path: ['notes', '[]'] }, { path: ['steps', '[]', 'text'], withheldWhen: { kind: ['SECRET'] } }]);
});
