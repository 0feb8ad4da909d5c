import { randomUUID } from 'node:crypto';
import { check, ConflictError, NotFoundError, ValidationError, type Peers, type UnitOfWork } from '@cpb/kit';
import { ResourceStore } from '../data/resource-store';
import type { OpeningWindow, Resource, ResourceKind } from '../entities';
import { resourceEvents } from '../events';
import { BOOKABLE_KINDS } from './booking-rules';
import { localToday } from './local-time';
import { checkOpeningHours, weeklyOpenHours } from './opening-hours';
import { residentUnits } from './peer-facts';
import { requireUnitInScope } from './scope';
import { mayOfferAndBook } from './policy';
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
    if (kind === 'VENUE') throw new ValidationError('capacity', 'A venue states how many people it holds');
    return null;
  }
  if (!Number.isInteger(capacity) || capacity < 1) throw new ValidationError('capacity', 'capacity must be at least 1');
  return capacity;
}

function checkHoursFor(kind: ResourceKind, windows: readonly OpeningWindow[]): OpeningWindow[] {
  if (windows.length && !BOOKABLE_KINDS.includes(kind)) throw new ValidationError('openingHours', 'Only venues and facilities have opening hours');
  return checkOpeningHours(windows);
}

/** A resident unit offers a resource to its community (资源清单); the community is the unit's. */
export async function publishResource({ tx, outbox, actor }: UnitOfWork, peers: Peers, input: PublishResourceInput): Promise<Resource> {
  mayOfferAndBook(actor);
  const providerId = check.uuid('providerId', input.providerId);
  await requireUnitInScope(actor, peers, providerId);
  const offer = {
    kind: input.kind,
    name: check.name('name', input.name, 100),
    description: freeText('description', input.description, 2000),
    capacity: checkCapacity(input.kind, input.capacity),
    address: freeText('address', input.address, 200) || null,
    openingHours: checkHoursFor(input.kind, input.openingHours ?? []),
  };
  const provider = (await residentUnits(peers, [providerId], 'providerId')).get(providerId)!;
  const resource: Resource = { id: randomUUID(), providerId, communityId: provider.community.id, ...offer, status: 'AVAILABLE', withdrawnOn: null };
  await new ResourceStore(tx).insert(resource);
  await outbox.emit(resourceEvents.published(resource));
  if (resource.openingHours.length) await outbox.emit(resourceEvents.openingHoursSet(resource, weeklyOpenHours(resource.openingHours)));
  return resource;
}

async function requireForChange(store: ResourceStore, id: string, field: string): Promise<Resource> {
  const resource = await store.lockForChange(check.uuid(field, id));
  if (!resource) throw new NotFoundError('Resource', id, field);
  if (resource.status === 'WITHDRAWN') throw new ConflictError(`${resource.name} has been withdrawn`);
  return resource;
}

/** Replaces a venue's or facility's weekly opening hours; bookings already made are kept. */
export async function setOpeningHours({ tx, outbox, actor }: UnitOfWork, peers: Peers, resourceId: string, windows: OpeningWindow[]): Promise<Resource> {
  mayOfferAndBook(actor);
  const store = new ResourceStore(tx);
  const resource = await requireForChange(store, resourceId, 'resourceId');
  await requireUnitInScope(actor, peers, resource.providerId);
  const openingHours = checkHoursFor(resource.kind, windows);
  if (!openingHours.length && !BOOKABLE_KINDS.includes(resource.kind)) throw new ValidationError('resourceId', `${resource.name} is not a venue or facility`);
  await store.setOpeningHours(resource.id, openingHours);
  const updated = { ...resource, openingHours };
  await outbox.emit(resourceEvents.openingHoursSet(updated, weeklyOpenHours(openingHours)));
  return updated;
}

/** Takes a resource off the list; refused while bookings still to come or open projects rely on it. */
export async function withdrawResource({ tx, outbox, actor }: UnitOfWork, peers: Peers, id: string, now = new Date()): Promise<Resource> {
  mayOfferAndBook(actor);
  const store = new ResourceStore(tx);
  const resource = await requireForChange(store, id, 'id');
  await requireUnitInScope(actor, peers, resource.providerId);
  const upcoming = await store.upcomingBookingCount(resource.id, now);
  if (upcoming > 0) throw new ConflictError(`${resource.name} still has ${upcoming} confirmed booking(s) to come: cancel them first`);
  const projects = await store.openProjectCount(resource.id);
  if (projects > 0) throw new ConflictError(`${resource.name} still serves ${projects} planned or active project(s)`);
  const withdrawnOn = localToday(now);
  await store.withdraw(resource.id, withdrawnOn);
  await outbox.emit(resourceEvents.withdrawn(resource, withdrawnOn));
  return { ...resource, status: 'WITHDRAWN', withdrawnOn };
}
