import type { EntityManager, EntitySchema } from 'typeorm';

/** Postgres accepts at most 65,535 bind parameters per statement. */
const MAX_PARAMETERS = 65_000;

/**
 * Inserts many rows with multi-row INSERT statements (seeding and imports): one round trip per
 * few thousand rows instead of one per row. `suffix` may add e.g. `ON CONFLICT DO NOTHING`.
 */
export async function insertRows(manager: EntityManager, table: string, columns: string[], rows: unknown[][], suffix = ''): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const tuples = batch.map((row) => `(${row.map((value) => `$${params.push(value)}`).join(',')})`);
    await manager.query(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${tuples.join(',')} ${suffix}`, params);
  }
}

/** True when the table has no rows: seeding runs only on an empty database. */
export async function isEmpty(manager: EntityManager, table: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM ${table} LIMIT 1`);
  return rows.length === 0;
}

/**
 * Inserts entities of a TypeORM schema with multi-row INSERTs (imports): the columns from the
 * schema's metadata, no per-row entity building, one round trip per few thousand rows.
 */
export async function insertEntities<T extends object>(manager: EntityManager, entity: EntitySchema<T>, rows: readonly T[]): Promise<void> {
  const metadata = manager.connection.getMetadata(entity);
  const columns = metadata.columns.map((c) => ({ name: c.databaseName, property: c.propertyName as keyof T }));
  await insertRows(
    manager,
    metadata.tableName,
    columns.map((c) => c.name),
    rows.map((row) => columns.map((c) => row[c.property] ?? null)),
  );
}
