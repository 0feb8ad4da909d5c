import { domainEventType, type CloudEvent, type EventHandler, type Logger } from '@cpb/kit';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { countSkipped, KnownCatalogue } from './skipped';

/** Any 8-4-4-4-12 hex id: the demo district's deterministic ids are not all RFC 4122 variants. */
const id = z.guid();
const instant = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date-time');

/** Applies one event's data; returns the problems instead when the data lacks what the read model uses. */
type Projection = (tx: EntityManager, data: unknown, month: (at: string) => string) => Promise<z.ZodError | undefined>;

/** Reads only the fields the read model uses: a producer may add fields without breaking it (tolerant reader). */
function projection<T>(
  fields: z.ZodType<T>,
  apply: (tx: EntityManager, data: T, month: (at: string) => string) => Promise<void>,
): Projection {
  return async (tx, data, month) => {
    const parsed = fields.safeParse(data);
    if (!parsed.success) return parsed.error;
    await apply(tx, parsed.data, month);
    return undefined;
  };
}

/** A community is known from the first event that names it; `community.created` adds its name later or first. */
async function knowCommunity(tx: EntityManager, communityId: string): Promise<void> {
  await tx.query(`INSERT INTO community (community_id) VALUES ($1) ON CONFLICT DO NOTHING`, [communityId]);
}

async function markRegistration(
  tx: EntityManager,
  d: { registrationId: string; communityId: string },
  column: 'registered' | 'ended',
): Promise<void> {
  await knowCommunity(tx, d.communityId);
  await tx.query(
    `INSERT INTO registration (registration_id, community_id, ${column}) VALUES ($1, $2, true)
     ON CONFLICT (registration_id) DO UPDATE SET ${column} = true`,
    [d.registrationId, d.communityId],
  );
}

async function markNeed(tx: EntityManager, d: { needId: string; communityId: string }, column: 'raised' | 'resolved'): Promise<void> {
  await knowCommunity(tx, d.communityId);
  await tx.query(
    `INSERT INTO need (need_id, community_id, ${column}) VALUES ($1, $2, true) ON CONFLICT (need_id) DO UPDATE SET ${column} = true`,
    [d.needId, d.communityId],
  );
}

/** Where a member lives now: recorded or admitted there, or moved by an update (the census counts residents). */
async function placeMember(tx: EntityManager, d: { memberId: string; residenceCommunityId: string | null }): Promise<void> {
  if (d.residenceCommunityId) await knowCommunity(tx, d.residenceCommunityId);
  await tx.query(
    `INSERT INTO member_residence (member_id, community_id) VALUES ($1, $2)
     ON CONFLICT (member_id) DO UPDATE SET community_id = EXCLUDED.community_id`,
    [d.memberId, d.residenceCommunityId],
  );
}

const residence = z.object({ memberId: id, residenceCommunityId: id.nullable() });

/** The events this read model is built from, by domain type; every other type on its topics is not its business. */
const projections: Record<string, Projection> = {
  'community.created': projection(z.object({ communityId: id, streetId: id, name: z.string() }), async (tx, d) => {
    await tx.query(
      `INSERT INTO community (community_id, name, street_id) VALUES ($1, $2, $3)
       ON CONFLICT (community_id) DO UPDATE SET name = EXCLUDED.name, street_id = EXCLUDED.street_id`,
      [d.communityId, d.name, d.streetId],
    );
  }),
  // One credited participation = one participation served, in the month its service was given.
  'participation.hours-credited': projection(
    z.object({ communityId: id, servedAt: instant, hours: z.number().min(0) }),
    async (tx, d, month) => {
      await knowCommunity(tx, d.communityId);
      await tx.query(
        `INSERT INTO community_month (community_id, month, volunteer_hours, participations) VALUES ($1, $2, $3, 1)
       ON CONFLICT (community_id, month) DO UPDATE
       SET volunteer_hours = community_month.volunteer_hours + EXCLUDED.volunteer_hours, participations = community_month.participations + 1`,
        [d.communityId, month(d.servedAt), d.hours],
      );
    },
  ),
  'member.registered-with-community': projection(z.object({ registrationId: id, communityId: id }), (tx, d) =>
    markRegistration(tx, d, 'registered'),
  ),
  'member.registration-ended': projection(z.object({ registrationId: id, communityId: id }), (tx, d) => markRegistration(tx, d, 'ended')),
  'member.recorded': projection(residence, placeMember),
  'member.admitted': projection(residence, placeMember),
  'member.updated': projection(residence, placeMember),
  'need.raised': projection(z.object({ needId: id, communityId: id }), (tx, d) => markNeed(tx, d, 'raised')),
  // Completing a project resolves its need (resources sets the need RESOLVED in the same step).
  'project.completed': projection(z.object({ needId: id, communityId: id }), (tx, d) => markNeed(tx, d, 'resolved')),
};

/** The event types the read model reads (for its README and tests). */
export const projectedEventTypes = Object.keys(projections);

/** `YYYY-MM` of an instant in the given time zone: an hour served at 23:30 UTC on 31 May is June in Beijing. */
export function monthIn(timeZone: string): (at: string) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' });
  return (at) => {
    const parts = format.formatToParts(new Date(at));
    return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
  };
}

/**
 * Applies one event to the read model, inside the consumer's transaction (so once per event id).
 * What it cannot use is skipped and counted (skipped_event), never fatal: a type outside the catalogue
 * it was built with, a property its schema does not declare (the rest of the event still counts), and
 * an event without the fields the read model needs (retrying cannot fix it, and blocking its partition
 * would stop every later event too).
 */
export function readModelProjection(timeZone: string, logger: Logger, catalogue = new KnownCatalogue()): EventHandler {
  const month = monthIn(timeZone);
  return async (event: CloudEvent, { tx }) => {
    const type = domainEventType(event);
    if (!catalogue.knows(type)) {
      await countSkipped(tx, 'unknown-type', type);
      logger.warn({ eventId: event.id, source: event.source, type }, 'event skipped: its type is not in the catalogue this consumer knows');
      return;
    }
    for (const property of catalogue.unknownProperties(type, event.data)) await countSkipped(tx, 'unknown-property', type, property);
    const project = projections[type];
    if (!project) return;
    const problems = await project(tx, event.data, month);
    if (problems) {
      await countSkipped(tx, 'missing-fields', type);
      logger.error(
        { eventId: event.id, source: event.source, type, issues: problems.issues },
        'event ignored: it lacks what the read model needs',
      );
      return;
    }
    await tx.query(
      `UPDATE read_model_state SET events_applied = events_applied + 1, last_event_time = GREATEST(last_event_time, $1::timestamptz)`,
      [event.time ?? null],
    );
  };
}
