import { asResolver } from '@cpb/kit';
import { cancelActivity, changeActivityCapacity, createActivity, publishActivity, updateActivity } from '../domain/activities';
import { completeActivity } from '../domain/completion';
import { cancelSignUp, checkIn, checkOut, signUp } from '../domain/participations';
import { rescheduleActivity } from '../domain/rescheduling';
import {
  changeVolunteerTeamLeader,
  createVolunteerTeam,
  disbandVolunteerTeam,
  joinVolunteerTeam,
  leaveVolunteerTeam,
} from '../domain/teams';

/** Thin entry points: each hands its arguments to one use case (authorise, ask peers, one transaction). */
export const Mutation = {
  createVolunteerTeam: asResolver(createVolunteerTeam),
  joinVolunteerTeam: asResolver(joinVolunteerTeam),
  leaveVolunteerTeam: asResolver(leaveVolunteerTeam),
  changeVolunteerTeamLeader: asResolver(changeVolunteerTeamLeader),
  disbandVolunteerTeam: asResolver(disbandVolunteerTeam),
  createActivity: asResolver(createActivity),
  updateActivity: asResolver(updateActivity),
  publishActivity: asResolver(publishActivity),
  changeActivityCapacity: asResolver(changeActivityCapacity),
  rescheduleActivity: asResolver(rescheduleActivity),
  cancelActivity: asResolver(cancelActivity),
  completeActivity: asResolver(completeActivity),
  signUp: asResolver(signUp),
  cancelSignUp: asResolver(cancelSignUp),
  checkIn: asResolver(checkIn),
  checkOut: asResolver(checkOut),
};
