import { asResolver } from '@cpb/kit';
import { appointPosition, assignInstructor, endInstructorAssignment, endPosition } from '../domain/leadership';
import { cancelMeeting, correctMeeting, recordMeeting } from '../domain/meetings';
import { createOrganization, dissolveOrganization, moveOrganization, renameOrganization } from '../domain/organizations';
import { setMeetingRhythm } from '../domain/rhythms';
import { createCommunity, createGrid, createResidentUnit, createStreet, linkResidentUnitOrganization } from '../domain/structure';

/** Thin entry points: each hands its arguments to one use case (authorise, ask peers, one transaction). */
export const Mutation = {
  createOrganization: asResolver(createOrganization),
  renameOrganization: asResolver(renameOrganization),
  moveOrganization: asResolver(moveOrganization),
  dissolveOrganization: asResolver(dissolveOrganization),
  createStreet: asResolver(createStreet),
  createCommunity: asResolver(createCommunity),
  createGrid: asResolver(createGrid),
  createResidentUnit: asResolver(createResidentUnit),
  linkResidentUnitOrganization: asResolver(linkResidentUnitOrganization),
  assignInstructor: asResolver(assignInstructor),
  endInstructorAssignment: asResolver(endInstructorAssignment),
  appointPosition: asResolver(appointPosition),
  endPosition: asResolver(endPosition),
  recordMeeting: asResolver(recordMeeting),
  correctMeeting: asResolver(correctMeeting),
  cancelMeeting: asResolver(cancelMeeting),
  setMeetingRhythm: asResolver(setMeetingRhythm),
};
