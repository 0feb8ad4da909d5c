import { EntitySchema } from 'typeorm';

export type Skill = 'LEGAL' | 'REPAIR' | 'MEDICAL' | 'PATROL' | 'TUTORING' | 'IT' | 'CULTURE_SPORTS' | 'CARE' | 'OTHER';

export interface VolunteerTeam {
  id: string;
  name: string;
  specialty: Skill;
  organizationId: string;
  communityId: string | null;
  leaderId: string;
  /** YYYY-MM-DD. */
  foundedOn: string;
  /** YYYY-MM-DD the team was disbanded; null while it serves. */
  disbandedOn: string | null;
}

export const VolunteerTeamEntity = new EntitySchema<VolunteerTeam>({
  name: 'volunteer_team',
  columns: {
    id: { type: 'uuid', primary: true },
    name: { type: 'text' },
    specialty: { type: 'text' },
    organizationId: { type: 'uuid', name: 'organization_id' },
    communityId: { type: 'uuid', name: 'community_id', nullable: true },
    leaderId: { type: 'uuid', name: 'leader_id' },
    foundedOn: { type: 'date', name: 'founded_on' },
    disbandedOn: { type: 'date', name: 'disbanded_on', nullable: true },
  },
});

export interface TeamMembership {
  id: string;
  teamId: string;
  memberId: string;
  /** YYYY-MM-DD. */
  joinedOn: string;
  leftOn: string | null;
}

export const TeamMembershipEntity = new EntitySchema<TeamMembership>({
  name: 'team_membership',
  columns: {
    id: { type: 'uuid', primary: true },
    teamId: { type: 'uuid', name: 'team_id' },
    memberId: { type: 'uuid', name: 'member_id' },
    joinedOn: { type: 'date', name: 'joined_on' },
    leftOn: { type: 'date', name: 'left_on', nullable: true },
  },
});
