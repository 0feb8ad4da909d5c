import { Agreement, Commitment } from './agreement';
import { Booking } from './booking';
import { Community, Organization, ResidentUnit } from './federated';
import { JointMeeting, PlanItem } from './joint-meeting';
import { Mutation } from './mutation';
import { Need, Project } from './need';
import { Query } from './query';
import { Resource } from './resource';

export const resolvers = { Query, Mutation, Resource, Booking, Agreement, Commitment, Need, Project, JointMeeting, PlanItem, ResidentUnit, Community, Organization };
