import { randomUUID } from 'node:crypto';
import { check, ValidationError, type Peers, type UnitOfWork } from '@cpb/kit';
import { MeetingStore } from '../data/meeting-store';
import type { JointMeeting, PlanItem } from '../entities';
import { jointMeetingEvents } from '../events';
import { localToday } from './local-time';
import { activeOrganization, residentUnits } from './peer-facts';
import { mayManageCoBuilding } from './policy';
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
  if (items.length > MAX_ITEMS) throw new ValidationError('planItems', `At most ${MAX_ITEMS} plan items`);
  return items.map((p, i) => {
    const field = `planItems[${i}]`;
    const leadUnitId = p.leadUnitId ? check.uuid(`${field}.leadUnitId`, p.leadUnitId) : null;
    if (leadUnitId && !attending.includes(leadUnitId)) throw new ValidationError(`${field}.leadUnitId`, 'A plan item is led by a unit that attended the meeting');
    const dueBy = p.dueBy ? check.isoDate(`${field}.dueBy`, p.dueBy) : null;
    if (dueBy && dueBy < heldOn) throw new ValidationError(`${field}.dueBy`, 'A plan item falls due after the meeting that agreed it');
    return { item: check.name(`${field}.item`, p.item, 200), leadUnitId, dueBy };
  });
}

/**
 * Records a joint meeting (党建联席会议) held by the street or a community with its member units:
 * who attended, the resolutions, and the year's plan agreed together (计划共商).
 */
export async function recordJointMeeting({ tx, outbox, actor }: UnitOfWork, peers: Peers, input: RecordJointMeetingInput, today = localToday()): Promise<JointMeeting> {
  mayManageCoBuilding(actor);
  const convenerId = check.uuid('convenerId', input.convenerId);
  const title = check.name('title', input.title, 100);
  const heldOn = check.isoDate('heldOn', input.heldOn);
  if (heldOn > today) throw new ValidationError('heldOn', 'A meeting is recorded once it has been held');
  const attendingUnitIds = idList('attendingUnitIds', input.attendingUnitIds, 1, 1000);
  const resolutions = (input.resolutions ?? []).map((r, i) => check.name(`resolutions[${i}]`, r, 500));
  if (resolutions.length > MAX_ITEMS) throw new ValidationError('resolutions', `At most ${MAX_ITEMS} resolutions`);
  const planItems = checkPlanItems(input.planItems ?? [], attendingUnitIds, heldOn);
  await activeOrganization(peers, convenerId, 'convenerId');
  await residentUnits(peers, attendingUnitIds, 'attendingUnitIds');
  const meeting: JointMeeting = { id: randomUUID(), convenerId, title, heldOn, attendingUnitIds, resolutions, planItems };
  await new MeetingStore(tx).insert(meeting);
  await outbox.emit(jointMeetingEvents.recorded(meeting));
  return meeting;
}
