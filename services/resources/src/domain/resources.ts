import { randomUUID } from 'node:crypto';
import { check, ConflictError, loadExisting, msg, NotFoundError, now, today, useCase, ValidationError } from '@cpb/kit';
import { ResourceStore } from '../data/resource-store';
import type { OpeningWindow, Resource, ResourceKind } from '../entities';
import { resourceEvents } from '../events';
import { BOOKABLE_KINDS } from './booking-rules';
import { checkOpeningHours, weeklyOpenHours } from './opening-hours';
import type { Change } from './policy';
import type { Services } from './services';
import { freeText } from './text';

export interface PublishResourceInput {
  providerId: string;
  kind: ResourceKind;
  name: string;
  description?: string | null;
  capacity?: number | null;
  address?: string | null;
  openingHours?: OpeningWindow[] | null;
}

function checkCapacity(kind: ResourceKind, capacity: number | null | undefined): number | null {
  if (capacity == null) {
    if (kind === 'VENUE') throw new ValidationError('capacity', msg('resource.venueNeedsCapacity'));
    return null;
  }
  if (!Number.isInteger(capacity) || capacity < 1) throw new ValidationError('capacity', msg('input.atLeastOne', { field: 'capacity' }));
  return capacity;
}

function checkHoursFor(kind: ResourceKind, windows: readonly OpeningWindow[]): OpeningWindow[] {
  if (windows.length && !BOOKABLE_KINDS.includes(kind)) throw new ValidationError('openingHours', msg('resource.openingHoursOnlyBookable'));
  return checkOpeningHours(windows);
}

/** A resident unit offers a resource to its community (资源清单); the community is the unit's. */
export const publishResource = useCase({
  async authorize({ policy }: Services, { input }: { input: PublishResourceInput }) {
    policy.permit('publishResource');
    const providerId = check.uuid('providerId', input.providerId);
    await policy.unit(providerId);
    const offer = {
      kind: input.kind,
      name: check.name('name', input.name, 100),
      description: freeText('description', input.description, 2000),
      capacity: checkCapacity(input.kind, input.capacity),
      address: freeText('address', input.address, 200) || null,
      openingHours: checkHoursFor(input.kind, input.openingHours ?? []),
    };
    return { providerId, offer };
  },
  async gather({ peers }: Services, { providerId, offer }) {
    const [provider] = await peers.require('ResidentUnit', [providerId], 'providerId');
    const resource: Resource = {
      id: randomUUID(),
      providerId,
      communityId: provider.communityId,
      ...offer,
      status: 'AVAILABLE',
      withdrawnOn: null,
    };
    return resource;
  },
  async change({ tx, outbox }, resource) {
    await new ResourceStore(tx).insert(resource);
    await outbox.emit(resourceEvents.published(resource));
    if (resource.openingHours.length) await outbox.emit(resourceEvents.openingHoursSet(resource, weeklyOpenHours(resource.openingHours)));
    return resource;
  },
});

function checkOffered(resource: Resource): Resource {
  if (resource.status === 'WITHDRAWN') throw new ConflictError(msg('resource.withdrawn', { name: resource.name }));
  return resource;
}

async function requireForChange(store: ResourceStore, id: string, field: string): Promise<Resource> {
  const resource = await store.lockForChange(check.uuid(field, id));
  if (!resource) throw new NotFoundError('Resource', id, field);
  return checkOffered(resource);
}

/** A resource still offered, read before the transaction, whose provider (which never changes) the actor acts for. */
async function offeredByUnitInScope({ policy, loaders }: Services, change: Change, id: string, field: string): Promise<Resource> {
  policy.permit(change);
  const resource = checkOffered(await loadExisting(loaders.resource, 'Resource', id, field));
  await policy.unit(resource.providerId);
  return resource;
}

/** Replaces a venue's or facility's weekly opening hours; bookings already made are kept. */
export const setOpeningHours = useCase({
  async authorize(services: Services, args: { resourceId: string; openingHours: OpeningWindow[] }) {
    const resource = await offeredByUnitInScope(services, 'setOpeningHours', args.resourceId, 'resourceId');
    return { id: resource.id, windows: args.openingHours };
  },
  async change({ tx, outbox }, { id, windows }) {
    const store = new ResourceStore(tx);
    const resource = await requireForChange(store, id, 'resourceId');
    const openingHours = checkHoursFor(resource.kind, windows);
    if (!openingHours.length && !BOOKABLE_KINDS.includes(resource.kind))
      throw new ValidationError('resourceId', msg('resource.notVenueOrFacility', { name: resource.name }));
    await store.setOpeningHours(resource.id, openingHours);
    const updated = { ...resource, openingHours };
    await outbox.emit(resourceEvents.openingHoursSet(updated, weeklyOpenHours(openingHours)));
    return updated;
  },
});

/** Takes a resource off the list; refused while bookings still to come or open projects rely on it. */
export const withdrawResource = useCase({
  authorize: (services: Services, { id }: { id: string }) => offeredByUnitInScope(services, 'withdrawResource', id, 'id'),
  async change({ tx, outbox }, known) {
    const at = now();
    const store = new ResourceStore(tx);
    const resource = await requireForChange(store, known.id, 'id');
    const upcoming = await store.upcomingBookingCount(resource.id, at);
    if (upcoming > 0) throw new ConflictError(msg('resource.upcomingBookings', { name: resource.name, count: upcoming }));
    const projects = await store.openProjectCount(resource.id);
    if (projects > 0) throw new ConflictError(msg('resource.servesProjects', { name: resource.name, count: projects }));
    const withdrawnOn = today(at);
    await store.withdraw(resource.id, withdrawnOn);
    await outbox.emit(resourceEvents.withdrawn(resource, withdrawnOn));
    return { ...resource, status: 'WITHDRAWN' as const, withdrawnOn };
  },
});
