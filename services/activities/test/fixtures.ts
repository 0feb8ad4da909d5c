import { hoursFromNow, type Federation } from '@cpb/kit/testing';
import type { Neighbourhood } from '@cpb/demo-world/testing';

/** Builders and readers shared by the activities service's tests (and the system tests that plan activities). */

export const ACTIVITY = 'id title status capacity signedUpCount startsAt endsAt';
export const PARTICIPATION = 'id status checkedInAt checkedOutAt hours member { id }';

export const createActivityMutation = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { ${ACTIVITY} } }`;
export const signUpMutation = `mutation($a: ID!, $m: ID!) { signUp(activityId: $a, memberId: $m) { ${PARTICIPATION} } }`;
export const checkInMutation = `mutation($a: ID!, $m: ID!, $at: String) { checkIn(activityId: $a, memberId: $m, at: $at) { ${PARTICIPATION} } }`;
export const checkOutMutation = `mutation($a: ID!, $m: ID!, $at: String) { checkOut(activityId: $a, memberId: $m, at: $at) { ${PARTICIPATION} } }`;
export const completeMutation = `mutation($id: ID!) { completeActivity(id: $id) { ${ACTIVITY} } }`;

/** A two-hour activity in the neighbourhood starting in two days, with `overrides`. */
export function activityInput(place: Neighbourhood, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '楼道清洁志愿服务',
    kind: 'VOLUNTEER_SERVICE',
    organizerId: place.organizationId,
    startsAt: hoursFromNow(48).toISOString(),
    endsAt: hoursFromNow(50).toISOString(),
    capacity: 10,
    ...overrides,
  };
}

/** Creates and publishes an activity; returns its id. */
export async function publishedActivity(
  federation: Federation,
  place: Neighbourhood,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const created = await federation.query<{ createActivity: { id: string } }>(createActivityMutation, {
    input: activityInput(place, overrides),
  });
  if (!created.data) throw new Error(JSON.stringify(created.errors));
  const id = created.data.createActivity.id;
  const published = await federation.query('mutation($id: ID!) { publishActivity(id: $id) { status } }', { id });
  if (published.errors) throw new Error(JSON.stringify(published.errors));
  return id;
}

/**
 * The clock moves on: the activity now runs from `startsAt` to `endsAt` (in the past). Only the
 * test can do this; through the graph an activity is signed up for before its start.
 */
export async function moveActivity(federation: Federation, id: string, startsAt: Date, endsAt: Date): Promise<void> {
  await federation.subgraphs.activities.running.database.dataSource.query(
    'UPDATE activity SET starts_at = $2, ends_at = $3 WHERE id = $1',
    [id, startsAt, endsAt],
  );
}

export async function activitiesSql<T>(federation: Federation, sql: string, params: unknown[] = []): Promise<T[]> {
  return federation.subgraphs.activities.running.database.dataSource.query(sql, params);
}

/** The outbox event types written for one aggregate, in order. */
export async function eventsOf(federation: Federation, aggregateId: string): Promise<string[]> {
  const rows = await activitiesSql<{ type: string }>(federation, 'SELECT type FROM outbox WHERE aggregate_id = $1 ORDER BY seq', [
    aggregateId,
  ]);
  return rows.map((r) => r.type);
}
