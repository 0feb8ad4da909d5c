import type { Resource } from '../entities';
import { openHours } from './opening-hours';
import type { Period } from './periods';

export interface Utilization {
  bookedHours: number;
  openHours: number;
  /** bookedHours / openHours; null when the resource is never open in the period. */
  rate: number | null;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Booked hours over open hours: how much of the time a venue is offered it is actually used. */
export function utilization(resource: Resource, period: Period, bookedSeconds: number): Utilization {
  const open = openHours(resource.openingHours, period.from, period.to);
  const booked = bookedSeconds / 3600;
  return { bookedHours: round(booked, 2), openHours: round(open, 2), rate: open > 0 ? round(booked / open, 4) : null };
}
