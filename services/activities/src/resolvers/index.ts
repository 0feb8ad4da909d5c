import { Activity } from './activity';
import { Community } from './community';
import { Member } from './member';
import { Mutation } from './mutation';
import { Organization } from './organization';
import { Participation } from './participation';
import { Query } from './query';
import { VolunteerRanking, VolunteerStats } from './stats';
import { TeamMembership, VolunteerTeam } from './volunteer-team';

export const resolvers = {
  Query,
  Mutation,
  Activity,
  Participation,
  VolunteerTeam,
  TeamMembership,
  VolunteerStats,
  VolunteerRanking,
  Community,
  Organization,
  Member,
};
