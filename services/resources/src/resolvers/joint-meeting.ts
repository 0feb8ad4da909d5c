import type { JointMeeting as JointMeetingRecord, PlanItem as PlanItemRecord } from '../entities';

export const JointMeeting = {
  convenedBy: (m: JointMeetingRecord) => ({ id: m.convenerId }),
  year: (m: JointMeetingRecord) => Number(m.heldOn.slice(0, 4)),
  attendingUnits: (m: JointMeetingRecord) => m.attendingUnitIds.map((id) => ({ id })),
};

export const PlanItem = {
  leadUnit: (p: PlanItemRecord) => (p.leadUnitId ? { id: p.leadUnitId } : null),
};
