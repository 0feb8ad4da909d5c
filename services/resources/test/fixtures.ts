import type { Federation } from '@cpb/kit/testing';

/** Event types written to the resources outbox, oldest first. */
export async function outboxTypes(federation: Federation): Promise<string[]> {
  const rows: { type: string }[] = await federation.subgraphs.resources.running.database.dataSource.query(
    'SELECT type FROM outbox ORDER BY seq',
  );
  return rows.map((r) => r.type);
}
