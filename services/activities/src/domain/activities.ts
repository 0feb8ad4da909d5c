import { randomUUID } from 'node:crypto';
import {
  check,
  ConflictError,
  msg,
  NotFoundError,
  now,
  translateConstraint,
  useCase,
  ValidationError,
  type Peers,
  activeOrganization,
} from '@cpb/kit';
import { ActivityStore } from '../data/activity-store';
import { ParticipationStore } from '../data/participation-store';
import type { Activity, ActivityKind } from '../entities';
import { activityEvents } from '../events';
import {
  checkCancellation,
  checkCapacityChange,
  checkEditable,
  checkPublication,
  checkSchedule,
  readCapacity,
  readPlace,
  readTitle,
} from './activity-rules';
import { bookingUse, requireVenueBooking } from './peer-facts';
import type { Change } from './policy';
import { knownActivity, type Services } from './services';

export interface CreateActivityInput {
  title: string;
  kind: ActivityKind;
  organizerId: string;
  communityId?: string | null;
  teamId?: string | null;
  coOrganizerIds?: string[] | null;
  venueBookingId?: string | null;
  place?: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number;
}

export type UpdateActivityInput = Partial<Omit<CreateActivityInput, 'organizerId' | 'communityId'>>;

const refusals = {
  activity_venue_booking_idx: () => new ConflictError(msg('venue.servesAnotherActivity')),
  activity_within_capacity: () => new ConflictError(msg('activity.capacityBelowSignedUp')),
};

function readCoOrganizers(ids: string[] | null | undefined): string[] {
  return [...new Set((ids ?? []).map((id) => check.uuid('coOrganizerIds', id)))];
}

/** An activity takes place in its organiser's community; a street-level organiser names the community. */
async function communityOf(peers: Peers, organizer: { communityId: string | null }, requested: string | null | undefined): Promise<string> {
  const communityId = requested ? check.uuid('communityId', requested) : null;
  if (organizer.communityId) {
    if (communityId && communityId !== organizer.communityId)
      throw new ValidationError('communityId', msg('activity.inOrganizersCommunity'));
    return organizer.communityId;
  }
  if (!communityId) throw new ValidationError('communityId', msg('activity.streetNamesCommunity'));
  await peers.require('Community', [communityId], 'communityId');
  return communityId;
}

/** An activity the actor may run (read outside the transaction): its organiser lies in the actor's subtree. */
async function managedActivity(services: Services, change: Change, id: string): Promise<Activity> {
  const activity = await knownActivity(services, id, 'id');
  await services.policy.permit(change, { organizationId: activity.organizerId });
  return activity;
}

async function requireActivity(store: ActivityStore, id: string): Promise<Activity> {
  const activity = await store.lock(check.uuid('id', id), 'update');
  if (!activity) throw new NotFoundError('Activity', id, 'id');
  return activity;
}

/** The activity's team, if any: one that exists and has not been disbanded (held until the change commits). */
async function requireTeamOf(store: ActivityStore, teamId: string | null): Promise<void> {
  if (!teamId) return;
  const team = await store.holdTeam(teamId);
  if (!team) throw new NotFoundError('VolunteerTeam', teamId, 'teamId');
  if (team.disbandedOn) throw new ConflictError(msg('team.disbanded', { team: team.name, disbandedOn: team.disbandedOn }));
}

/** Plans an activity as a DRAFT: nobody can sign up before it is published. */
export const createActivity = useCase({
  async authorize({ peers, policy }: Services, { input }: { input: CreateActivityInput }) {
    const organizerId = check.uuid('organizerId', input.organizerId);
    const schedule = checkSchedule(check.isoDateTime('startsAt', input.startsAt), check.isoDateTime('endsAt', input.endsAt));
    const draft = {
      kind: input.kind,
      organizerId,
      title: readTitle(input.title),
      capacity: readCapacity(input.capacity),
      place: readPlace(input.place),
      teamId: input.teamId ? check.uuid('teamId', input.teamId) : null,
      venueBookingId: input.venueBookingId ? check.uuid('venueBookingId', input.venueBookingId) : null,
      coOrganizerIds: readCoOrganizers(input.coOrganizerIds),
      ...schedule,
    };
    const organizer = await activeOrganization(peers, organizerId, 'organizerId');
    await policy.permit('createActivity', { organizationId: organizerId });
    return { draft, organizer, requestedCommunity: input.communityId };
  },
  async gather({ peers }: Services, { draft, organizer, requestedCommunity }) {
    const communityId = await communityOf(peers, organizer, requestedCommunity);
    if (draft.coOrganizerIds.length) await peers.require('ResidentUnit', draft.coOrganizerIds, 'coOrganizerIds');
    if (draft.venueBookingId)
      await requireVenueBooking(peers, draft.venueBookingId, draft, 'venueBookingId', { organizerPath: organizer.path, activityId: null });
    return { ...draft, communityId };
  },
  async change({ tx }, draft) {
    const store = new ActivityStore(tx);
    await requireTeamOf(store, draft.teamId);
    const activity: Activity = { id: randomUUID(), status: 'DRAFT', ...draft, signedUpCount: 0, completedAt: null };
    await store.insert(activity).catch((error: unknown) => translateConstraint(error, refusals));
    return activity;
  },
});

/** Changes a draft; fields left out stay, `null` clears an optional one. */
export const updateActivity = useCase({
  async authorize(services: Services, args: { id: string; input: UpdateActivityInput }) {
    return { before: await managedActivity(services, 'updateActivity', check.uuid('id', args.id)), input: args.input };
  },
  async gather({ peers }: Services, { before, input }) {
    const coOrganizerIds = input.coOrganizerIds === undefined ? undefined : readCoOrganizers(input.coOrganizerIds);
    if (coOrganizerIds?.length) await peers.require('ResidentUnit', coOrganizerIds, 'coOrganizerIds');
    const schedule = checkSchedule(
      input.startsAt != null ? check.isoDateTime('startsAt', input.startsAt) : before.startsAt,
      input.endsAt != null ? check.isoDateTime('endsAt', input.endsAt) : before.endsAt,
    );
    const venueBookingId =
      input.venueBookingId === undefined
        ? before.venueBookingId
        : input.venueBookingId
          ? check.uuid('venueBookingId', input.venueBookingId)
          : null;
    // A draft's times only change here, so the booking is checked against the times it will have.
    if (venueBookingId) await requireVenueBooking(peers, venueBookingId, schedule, 'venueBookingId', await bookingUse(peers, before));
    return { id: before.id, input, coOrganizerIds, schedule, venueBookingId };
  },
  async change({ tx }, { id, input, coOrganizerIds, schedule, venueBookingId }) {
    const store = new ActivityStore(tx);
    const current = await requireActivity(store, id);
    checkEditable(current);
    const changed: Activity = {
      ...current,
      ...schedule,
      venueBookingId,
      title: input.title != null ? readTitle(input.title) : current.title,
      kind: input.kind ?? current.kind,
      capacity: input.capacity != null ? readCapacity(input.capacity) : current.capacity,
      place: input.place === undefined ? current.place : readPlace(input.place),
      teamId: input.teamId === undefined ? current.teamId : input.teamId ? check.uuid('teamId', input.teamId) : null,
      coOrganizerIds: coOrganizerIds ?? current.coOrganizerIds,
    };
    if (changed.teamId !== current.teamId) await requireTeamOf(store, changed.teamId);
    await store.saveDraft(changed).catch((error: unknown) => translateConstraint(error, refusals));
    return changed;
  },
});

/** Opens a draft for sign-up; from here its time and place are promises to members, so its booking is asked again. */
export const publishActivity = useCase({
  authorize: (services: Services, { id }: { id: string }) => managedActivity(services, 'publishActivity', check.uuid('id', id)),
  async gather({ peers }: Services, draft) {
    if (draft.venueBookingId) await requireVenueBooking(peers, draft.venueBookingId, draft, 'id', await bookingUse(peers, draft));
    return draft;
  },
  async change({ tx, outbox }, draft) {
    const store = new ActivityStore(tx);
    const activity = await requireActivity(store, draft.id);
    checkPublication(activity, now());
    await store.publish(activity.id);
    const published: Activity = { ...activity, status: 'PUBLISHED' };
    await outbox.emit(activityEvents.published(published));
    return published;
  },
});

export const changeActivityCapacity = useCase({
  async authorize(services: Services, args: { id: string; capacity: number }) {
    const places = readCapacity(args.capacity);
    const activity = await managedActivity(services, 'changeActivityCapacity', check.uuid('id', args.id));
    return { id: activity.id, places };
  },
  async change({ tx, outbox }, { id, places }) {
    const store = new ActivityStore(tx);
    const activity = await requireActivity(store, id);
    checkCapacityChange(activity, places);
    if (places === activity.capacity) return activity;
    await store.changeCapacity(activity.id, places).catch((error: unknown) => translateConstraint(error, refusals));
    if (activity.status === 'PUBLISHED') await outbox.emit(activityEvents.capacityChanged(activity, places));
    return { ...activity, capacity: places };
  },
});

/** Cancels an activity nobody has checked in to yet; its open sign-ups are cancelled with it. */
export const cancelActivity = useCase({
  authorize: (services: Services, { id }: { id: string }) => managedActivity(services, 'cancelActivity', check.uuid('id', id)),
  async change({ tx, outbox }, known) {
    const store = new ActivityStore(tx);
    const participations = new ParticipationStore(tx);
    const activity = await requireActivity(store, known.id);
    checkCancellation(activity, await participations.countAttended(activity.id));
    const cancelledSignUps = await participations.cancelSignUps(activity.id);
    await store.cancel(activity.id);
    await outbox.emit(activityEvents.cancelled(activity, cancelledSignUps));
    return { ...activity, status: 'CANCELLED', signedUpCount: 0 };
  },
});
