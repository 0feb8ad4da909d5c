import { Community } from './community';
import { CommunityCensus, InstructorAssignment, Position } from './leadership';
import {
  Member,
  MemberAttendance,
  MemberMeetingAttendance,
  MeetingRhythm,
  OrganizationStanding,
  rhythmQueries,
  SixMonthFlag,
  SixMonthFlagConnection,
} from './life-follow-up';
import { Attendance, Meeting, MeetingRecord, meetingQueries, SilentOrganization } from './meeting';
import { Mutation } from './mutation';
import { Organization } from './organization';
import { Query } from './query';
import { ResidentUnit } from './resident-unit';
import { Street } from './street';
import { ToDoList, toDoList } from './todo';

export const resolvers = {
  Query: { ...Query, ...meetingQueries, ...rhythmQueries, toDoList },
  Mutation,
  Member,
  MemberAttendance,
  MemberMeetingAttendance,
  MeetingRhythm,
  OrganizationStanding,
  SixMonthFlagConnection,
  SixMonthFlag,
  Meeting,
  MeetingRecord,
  Attendance,
  SilentOrganization,
  Street,
  Community,
  ResidentUnit,
  Organization,
  Position,
  InstructorAssignment,
  CommunityCensus,
  ToDoList,
};
