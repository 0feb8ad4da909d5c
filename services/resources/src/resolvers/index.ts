import { guardResolvers, requireAggregateReader } from '@cpb/kit';
import { Agreement, Commitment } from './agreement';
import { Booking } from './booking';
import { Community, Organization, ResidentUnit } from './federated';
import { JointMeeting, PlanItem } from './joint-meeting';
import { reads } from '../domain/policy';
import { Mutation } from './mutation';
import { Need, Project } from './need';
import { Query } from './query';
import { Resource } from './resource';
import { ToDoList } from './todo';

const all = {
  Query,
  Mutation,
  Resource,
  Booking,
  Agreement,
  Commitment,
  Need,
  Project,
  JointMeeting,
  PlanItem,
  ResidentUnit,
  Community,
  Organization,
  ToDoList,
};

/** The catalogue is public; the co-building records need a signed-in caller (domain/policy.ts, `reads`). */
export const resolvers = guardResolvers(all, reads, requireAggregateReader);
