import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_SCHEMA_DIR, knownEventTypes } from '@cpb/kit';
import type { DataSource, EntityManager } from 'typeorm';

/** Why an event, or a part of it, was read and not used. */
export type SkipReason = 'unknown-type' | 'unknown-property' | 'missing-fields';

export interface SkippedCount {
  reason: SkipReason;
  type: string;
  /** The undeclared property (`unknown-property`), else absent. */
  property?: string;
  count: number;
  lastSeen: string;
}

/**
 * The catalogue this consumer was built against: the event schemas shipped with it (schemas/events).
 * A type outside it comes from a newer producer (a `….v2`, a new event); a property outside its
 * schema is an additive change this consumer has not caught up with. Both are skipped, never fatal.
 */
export class KnownCatalogue {
  private readonly properties = new Map<string, Set<string>>();

  constructor(types: string[] = knownEventTypes()) {
    for (const type of types) {
      const schema = JSON.parse(readFileSync(join(EVENT_SCHEMA_DIR, `${type}.json`), 'utf8')) as { properties?: Record<string, unknown> };
      this.properties.set(type, new Set(Object.keys(schema.properties ?? {})));
    }
  }

  knows(type: string): boolean {
    return this.properties.has(type);
  }

  /** The data's top-level properties its type's schema does not declare. */
  unknownProperties(type: string, data: Record<string, unknown> | undefined): string[] {
    const declared = this.properties.get(type);
    return declared ? Object.keys(data ?? {}).filter((name) => !declared.has(name)) : [];
  }
}

/** Counts a skip inside the event's transaction, so a redelivered event is not counted twice. */
export async function countSkipped(tx: EntityManager, reason: SkipReason, type: string, property = ''): Promise<void> {
  await tx.query(
    `INSERT INTO skipped_event (reason, event_type, property, count) VALUES ($1, $2, $3, 1)
     ON CONFLICT (reason, event_type, property) DO UPDATE SET count = skipped_event.count + 1, last_seen = now()`,
    [reason, type, property],
  );
}

export async function readSkipped(db: DataSource): Promise<SkippedCount[]> {
  const rows: { reason: SkipReason; event_type: string; property: string; count: string; last_seen: Date }[] = await db.query(
    `SELECT reason, event_type, property, count, last_seen FROM skipped_event ORDER BY reason, event_type, property`,
  );
  return rows.map((row) => ({
    reason: row.reason,
    type: row.event_type,
    ...(row.property ? { property: row.property } : {}),
    count: Number(row.count),
    lastSeen: row.last_seen.toISOString(),
  }));
}

/** Totals per reason, for the read model's `asOf`. */
export async function skippedTotals(db: DataSource): Promise<Record<'unknownTypes' | 'unknownProperties' | 'missingFields', number>> {
  const rows: { reason: SkipReason; total: string }[] = await db.query(
    `SELECT reason, sum(count) AS total FROM skipped_event GROUP BY reason`,
  );
  const total = (reason: SkipReason) => Number(rows.find((row) => row.reason === reason)?.total ?? 0);
  return { unknownTypes: total('unknown-type'), unknownProperties: total('unknown-property'), missingFields: total('missing-fields') };
}
