import { randomUUID } from 'node:crypto';
import { check, msg, today, useCase, ValidationError, activeOrganization } from '@cpb/kit';
import { MeetingStore } from '../data/meeting-store';
import type { JointMeeting, PlanItem } from '../entities';
import { jointMeetingEvents } from '../events';

import type { Services } from './services';
import { idList } from './text';

export interface RecordJointMeetingInput {
  convenerId: string;
  title: string;
  heldOn: string;
  attendingUnitIds: string[];
  resolutions?: string[] | null;
  planItems?: PlanItem[] | null;
}

const MAX_ITEMS = 100;

function checkPlanItems(items: readonly PlanItem[], attending: readonly string[], heldOn: string): PlanItem[] {
  if (items.length > MAX_ITEMS) throw new ValidationError('planItems', msg('meeting.tooManyPlanItems', { max: MAX_ITEMS }));
  return items.map((p, i) => {
    const field = `planItems[${i}]`;
    const leadUnitId = p.leadUnitId ? check.uuid(`${field}.leadUnitId`, p.leadUnitId) : null;
    if (leadUnitId && !attending.includes(leadUnitId)) throw new ValidationError(`${field}.leadUnitId`, msg('meeting.leadUnitAttended'));
    const dueBy = p.dueBy ? check.isoDate(`${field}.dueBy`, p.dueBy) : null;
    if (dueBy && dueBy < heldOn) throw new ValidationError(`${field}.dueBy`, msg('meeting.dueAfterMeeting'));
    return { item: check.name(`${field}.item`, p.item, 200), leadUnitId, dueBy };
  });
}

/**
 * Records a joint meeting (党建联席会议) held by the street or a community with its member units:
 * who attended, the resolutions, and the year's plan agreed together (计划共商).
 */
export const recordJointMeeting = useCase({
  async authorize({ policy }: Services, { input }: { input: RecordJointMeetingInput }) {
    policy.permit('recordJointMeeting');
    await policy.actingOrganization(check.uuid('convenerId', input.convenerId));
    const convenerId = check.uuid('convenerId', input.convenerId);
    const title = check.name('title', input.title, 100);
    const heldOn = check.isoDate('heldOn', input.heldOn);
    if (heldOn > today()) throw new ValidationError('heldOn', msg('meeting.notYetHeld'));
    const attendingUnitIds = idList('attendingUnitIds', input.attendingUnitIds, 1, 1000);
    const resolutions = (input.resolutions ?? []).map((r, i) => check.name(`resolutions[${i}]`, r, 500));
    if (resolutions.length > MAX_ITEMS) throw new ValidationError('resolutions', msg('meeting.tooManyResolutions', { max: MAX_ITEMS }));
    const planItems = checkPlanItems(input.planItems ?? [], attendingUnitIds, heldOn);
    const meeting: JointMeeting = { id: randomUUID(), convenerId, title, heldOn, attendingUnitIds, resolutions, planItems };
    return meeting;
  },
  async gather({ peers }: Services, meeting) {
    await activeOrganization(peers, meeting.convenerId, 'convenerId');
    await peers.require('ResidentUnit', meeting.attendingUnitIds, 'attendingUnitIds');
    return meeting;
  },
  async change({ tx, outbox }, meeting) {
    await new MeetingStore(tx).insert(meeting);
    await outbox.emit(jointMeetingEvents.recorded(meeting));
    return meeting;
  },
});
