import { EntitySchema } from 'typeorm';

/** An item of the year's plan agreed at a joint meeting (计划共商). */
export interface PlanItem {
  item: string;
  leadUnitId: string | null;
  dueBy: string | null;
}

export interface JointMeeting {
  id: string;
  /** The organisation that convened it, usually the street working committee (党工委). */
  convenerId: string;
  title: string;
  heldOn: string;
  attendingUnitIds: string[];
  resolutions: string[];
  planItems: PlanItem[];
}

export const JointMeetingEntity = new EntitySchema<JointMeeting>({
  name: 'joint_meeting',
  columns: {
    id: { type: 'uuid', primary: true },
    convenerId: { type: 'uuid', name: 'convener_id' },
    title: { type: 'text' },
    heldOn: { type: 'date', name: 'held_on' },
    attendingUnitIds: { type: 'uuid', array: true, name: 'attending_unit_ids' },
    resolutions: { type: 'text', array: true },
    planItems: { type: 'jsonb', name: 'plan_items' },
  },
});
