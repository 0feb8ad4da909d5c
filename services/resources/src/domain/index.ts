/** The use cases of co-building: what mutations and event consumers call, each inside one unit of work. */
export { publishResource, setOpeningHours, withdrawResource, type PublishResourceInput } from './resources';
export { bookResource, cancelBooking, releaseBookingForActivity, attachBookingToActivity, type BookResourceInput } from './bookings';
export { signAgreement, addCommitment, progressCommitment, terminateAgreement, type SignAgreementInput } from './agreements';
export { renewAgreement, type RenewAgreementArgs } from './agreement-renewal';
export { agreementExpiry, expireLapsedAgreements } from './agreement-expiry';
export { raiseNeed, matchNeed, startProject, completeProject, type RaiseNeedInput, type MatchNeedInput } from './needs';
export { recordJointMeeting, type RecordJointMeetingInput } from './joint-meetings';
export type { CommitmentDraft } from './agreement-rules';
