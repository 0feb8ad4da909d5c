import { ActivityEntity } from './activity';
import { ParticipationEntity, ServiceHoursEntity } from './participation';
import { TeamMembershipEntity, VolunteerTeamEntity } from './volunteer-team';

export * from './activity';
export * from './participation';
export * from './volunteer-team';

export const entities = [ActivityEntity, ParticipationEntity, ServiceHoursEntity, VolunteerTeamEntity, TeamMembershipEntity];
