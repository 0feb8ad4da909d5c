import { EntitySchema } from 'typeorm';

/** A Party-building instructor (党建指导员) assigned to a unit without its own organisation. */
export interface InstructorAssignment {
  id: string;
  residentUnitId: string;
  memberId: string;
  startsOn: string;
  endsOn: string | null;
}

export const InstructorAssignmentEntity = new EntitySchema<InstructorAssignment>({
  name: 'instructor_assignment',
  columns: {
    id: { type: 'uuid', primary: true },
    residentUnitId: { type: 'uuid', name: 'resident_unit_id' },
    memberId: { type: 'uuid', name: 'member_id' },
    startsOn: { type: 'date', name: 'starts_on' },
    endsOn: { type: 'date', name: 'ends_on', nullable: true },
  },
});
