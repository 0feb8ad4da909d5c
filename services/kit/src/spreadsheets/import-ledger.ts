import type { DataSource, EntityManager } from 'typeorm';
import { ConflictError } from '../errors';
import { msg } from '../messages';
import { translateConstraint } from '../database/constraint-errors';
import type { DomainEvent, Outbox } from '../events/outbox';
import type { CheckedFile } from './import-report';

/**
 * The record of a service's imports of one kind (tables `<entity>_import` and `<entity>_import_row`,
 * made by the kit's `importLedgerTables`): an import is one row recognised by its file's sha256 (the
 * same file again creates nothing), and each row it created is listed, so a later file repeating a
 * natural key an import already brought in skips that row instead of refusing it.
 */
export class ImportLedger {
  private readonly imports: string;
  private readonly rows: string;
  private readonly entityColumn: string;

  /** `entity`: the created rows' table (member, resident_unit, team_membership). */
  constructor(
    entity: string,
    private readonly db: DataSource | EntityManager,
  ) {
    this.imports = `${entity}_import`;
    this.rows = `${entity}_import_row`;
    this.entityColumn = `${entity}_id`;
  }

  /** The earlier import of this very file, if any. */
  async importOf(fingerprint: string): Promise<{ id: string } | null> {
    const [row]: { id: string }[] = await this.db.query(`SELECT id FROM ${this.imports} WHERE fingerprint = $1`, [fingerprint]);
    return row ?? null;
  }

  /** Which of `ids` (rows of the entity's table) an import created: one statement by the primary key. */
  async importedAmong(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await this.db.query(
      `SELECT ${this.entityColumn} AS id FROM ${this.rows} WHERE ${this.entityColumn} = ANY($1::uuid[])`,
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Inside the change's transaction, after the rows are written: the import, the rows it created (one
   * statement), their events in order a thousand to a statement, and one audit entry (the summary
   * event `<kind>-import.committed` with the row count). A concurrent import of the same file loses
   * on the fingerprint's unique key (CONFLICT) and its transaction writes nothing.
   */
  async commit(
    outbox: Outbox,
    record: { id: string; actorSub: string; checked: CheckedFile<{ row: number }>; created: readonly { id: string; row: number }[] },
    events: readonly DomainEvent[],
    summary: DomainEvent,
  ): Promise<void> {
    const { id, actorSub, checked, created } = record;
    await this.db
      .query(`INSERT INTO ${this.imports} (id, fingerprint, actor_sub, row_count, created_count) VALUES ($1, $2, $3, $4, $5)`, [
        id,
        checked.table.fingerprint,
        actorSub,
        checked.table.rows.length,
        created.length,
      ])
      .catch((error: unknown) =>
        translateConstraint(error, { [`${this.imports}_fingerprint_key`]: () => new ConflictError(msg('import.alreadyRunning')) }),
      );
    await this.db.query(
      `INSERT INTO ${this.rows} (${this.entityColumn}, import_id, row_number) SELECT e, $1, r FROM unnest($2::uuid[], $3::int[]) AS t(e, r)`,
      [id, created.map((c) => c.id), created.map((c) => c.row)],
    );
    await outbox.emitBulk(events, summary);
  }
}
