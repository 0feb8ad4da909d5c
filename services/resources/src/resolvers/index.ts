import { guardResolvers, requireAggregateReader } from '@cpb/kit';
import { Agreement, Commitment } from './agreement';
import { Booking } from './booking';
import { Community, Organization, ResidentUnit } from './federated';
import { JointMeeting, PlanItem } from './joint-meeting';
import { Mutation } from './mutation';
import { Need, Project } from './need';
import { Query } from './query';
import { Resource } from './resource';

const all = { Query, Mutation, Resource, Booking, Agreement, Commitment, Need, Project, JointMeeting, PlanItem, ResidentUnit, Community, Organization };

/**
 * The resource catalogue is public (anonymous callers browse it); bookings, agreements, needs,
 * projects and joint meetings are the co-building records of signed-in users only.
 */
export const resolvers = guardResolvers(
  all,
  {
    Query: ['booking', 'bookings', 'agreement', 'agreements', 'need', 'needs', 'project', 'projects', 'jointMeeting', 'jointMeetings'],
    Resource: ['bookings', 'utilization'],
    Booking: ['__resolveReference'],
    Agreement: ['__resolveReference'],
    Need: ['__resolveReference'],
    Project: ['__resolveReference'],
    ResidentUnit: ['agreements'],
    Community: ['needs', 'agreements', 'coBuilding'],
    Organization: ['agreements'],
  },
  requireAggregateReader,
);
