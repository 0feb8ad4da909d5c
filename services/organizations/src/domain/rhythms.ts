import { msg, useCase, ValidationError } from '@cpb/kit';
import { RhythmStore, type RhythmRow } from '../data/rhythm-store';
import { MEETING_TYPES, type MeetingType } from '../entities';
import { meetingRhythmEvents } from '../events';
import { RHYTHM_MONTHS } from './meeting-types';
import type { Services } from './services';

/**
 * The district sets how often each meeting type is due (docs/decisions/0018): a district
 * administrator's change, audited like any other, applied by compliance from the next request on.
 * Months divide the year (1, 2, 3, 4, 6, 12), so windows stay calendar months, quarters, halves, years.
 */
export const setMeetingRhythm = useCase({
  authorize(services: Services, args: { type: MeetingType; everyMonths: number }) {
    services.policy.permit('setMeetingRhythm');
    if (!MEETING_TYPES.includes(args.type)) throw new ValidationError('type', msg('rhythm.unknownType', { type: args.type }));
    if (!(RHYTHM_MONTHS as readonly number[]).includes(args.everyMonths))
      throw new ValidationError('everyMonths', msg('rhythm.months', { allowed: RHYTHM_MONTHS.join(', ') }));
    return { ...args, sub: services.actor.sub };
  },
  async change({ tx, outbox }, { type, everyMonths, sub }): Promise<RhythmRow> {
    const row = await new RhythmStore(tx).set(type, everyMonths, sub);
    await outbox.emit(meetingRhythmEvents.set(row));
    return row;
  },
});
