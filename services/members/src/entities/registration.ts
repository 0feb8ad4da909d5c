import { EntitySchema } from 'typeorm';

export type RegistrationStatus = 'ACTIVE' | 'ENDED';
export type FeedbackRating = 'EXCELLENT' | 'QUALIFIED' | 'BASICALLY_QUALIFIED' | 'UNQUALIFIED';

/** An employed member's registration with the community where they live (在职党员到社区报到). */
export interface CommunityRegistration {
  id: string;
  memberId: string;
  communityId: string;
  /** The work unit the community's feedback goes to (双向反馈), as it was at registration. */
  workUnitId: string | null;
  status: RegistrationStatus;
  registeredOn: string;
  endedOn: string | null;
}

/** The community's feedback on a registered member's conduct, for the work unit. */
export interface RegistrationFeedback {
  id: string;
  registrationId: string;
  rating: FeedbackRating;
  comment: string;
  recordedOn: string;
}

export const CommunityRegistrationEntity = new EntitySchema<CommunityRegistration>({
  name: 'community_registration',
  columns: {
    id: { type: 'uuid', primary: true },
    memberId: { type: 'uuid', name: 'member_id' },
    communityId: { type: 'uuid', name: 'community_id' },
    workUnitId: { type: 'uuid', name: 'work_unit_id', nullable: true },
    status: { type: 'text' },
    registeredOn: { type: 'date', name: 'registered_on' },
    endedOn: { type: 'date', name: 'ended_on', nullable: true },
  },
});

export const RegistrationFeedbackEntity = new EntitySchema<RegistrationFeedback>({
  name: 'registration_feedback',
  columns: {
    id: { type: 'uuid', primary: true },
    registrationId: { type: 'uuid', name: 'registration_id' },
    rating: { type: 'text' },
    comment: { type: 'text' },
    recordedOn: { type: 'date', name: 'recorded_on' },
  },
});
