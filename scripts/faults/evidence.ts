/**
 * What the suite checks after each fault, read from the databases and the topics, never from the
 * services' own answers: acknowledged writes present, outbox events delivered, duplicates exact.
 */
import { Client } from 'pg';
import type { ReceivedMessage } from '@cpb/kit/testing';
import type { AcknowledgedWrite } from './load';

/** A fresh connection per question: the suite's own connections must survive a Postgres restart too. */
export async function ask<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** How many of the acknowledged writes are in their tables. */
export async function writesFound(writes: AcknowledgedWrite[], databaseOf: (service: string) => string): Promise<number> {
  const groups = new Map<string, AcknowledgedWrite[]>();
  for (const w of writes) groups.set(`${w.service}\u0000${w.table}`, [...(groups.get(`${w.service}\u0000${w.table}`) ?? []), w]);
  let found = 0;
  for (const [key, group] of groups) {
    const [service, table] = key.split('\u0000');
    const [{ n }] = await ask<{ n: number }>(databaseOf(service), `SELECT count(*)::int AS n FROM ${table} WHERE id = ANY($1::uuid[])`, [
      group.map((w) => w.id),
    ]);
    found += n;
  }
  return found;
}

/** Each service's highest outbox sequence number: where a window's events start. */
export async function outboxMarks(services: string[], databaseOf: (service: string) => string): Promise<Record<string, number>> {
  const marks: Record<string, number> = {};
  for (const s of services)
    marks[s] = Number((await ask<{ seq: string }>(databaseOf(s), 'SELECT coalesce(max(seq), 0) AS seq FROM outbox'))[0].seq);
  return marks;
}

/** The event ids (`source id`) each service wrote to its outbox after `from` (and up to `to`, when given). */
export async function producedBetween(
  services: string[],
  databaseOf: (service: string) => string,
  from: Record<string, number>,
  to?: Record<string, number>,
): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const s of services) {
    const rows = await ask<{ id: string }>(databaseOf(s), 'SELECT id FROM outbox WHERE seq > $1 AND ($2::bigint IS NULL OR seq <= $2)', [
      from[s] ?? 0,
      to?.[s] ?? null,
    ]);
    for (const r of rows) ids.add(`/cpb/${s} ${r.id}`);
  }
  return ids;
}

export interface Delivery {
  /** Every copy's value, by `source id`. */
  copies: Map<string, string[]>;
}

/** Indexes the topics' messages by CloudEvent source and id. */
export function deliveries(messages: ReceivedMessage[]): Delivery {
  const copies = new Map<string, string[]>();
  for (const m of messages) {
    const event = JSON.parse(m.value) as { source: string; id: string };
    const key = `${event.source} ${event.id}`;
    copies.set(key, [...(copies.get(key) ?? []), m.value]);
  }
  return { copies };
}

export interface EventFigures {
  produced: number;
  delivered: number;
  /** Extra copies of delivered events. */
  duplicates: number;
  /** Copies that differ from the first copy of their event: must be 0. */
  differing: number;
}

export function eventFigures(produced: Set<string>, delivery: Delivery): EventFigures {
  let delivered = 0;
  let duplicates = 0;
  let differing = 0;
  for (const key of produced) {
    const copies = delivery.copies.get(key);
    if (!copies) continue;
    delivered++;
    duplicates += copies.length - 1;
    differing += copies.filter((c) => c !== copies[0]).length;
  }
  return { produced: produced.size, delivered, duplicates, differing };
}
