import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ConflictError } from '../errors';
import { msg } from '../messages';
import { translateConstraint } from '../database/constraint-errors';
import type { CommittedImport } from '../events/import-committed';
import type { DomainEvent, Outbox } from '../events/outbox';
import { importReport, type CheckedFile, type ImportReport } from './import-report';
import { importSliceRows } from './import-settings';

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
   * Inside the change's transaction, for a checked file to commit (`toCommit`): the import (its
   * fingerprint first, so a concurrent import of the same file loses on the unique key, CONFLICT,
   * before writing anything), its one audit entry (the summary event `<kind>-import.committed` with
   * the row count), then the checked rows a slice at a time (`importSliceRows`, IMPORT_SLICE_ROWS):
   * each slice's entities built, inserted, listed as this import's, and their events put in the
   * outbox in order, as one-by-one changes would write them. Nothing of a slice outlives it, so memory
   * holds one slice, not the file; the transaction still holds them all (a failing slice leaves
   * nothing written). Answers the report of the committed file.
   */
  async commit<R extends { row: number }, K extends string, E extends { id: string }>(
    outbox: Outbox,
    actor: { sub: string },
    checked: CheckedFile<R, K>,
    headers: Record<K, string>,
    writer: ImportWriter<R, E>,
  ): Promise<ImportReport> {
    const id = randomUUID();
    const createdCount = checked.rows.length;
    await this.db
      .query(`INSERT INTO ${this.imports} (id, fingerprint, actor_sub, row_count, created_count) VALUES ($1, $2, $3, $4, $5)`, [
        id,
        checked.file.fingerprint,
        actor.sub,
        checked.file.rowCount,
        createdCount,
      ])
      .catch((error: unknown) =>
        translateConstraint(error, { [`${this.imports}_fingerprint_key`]: () => new ConflictError(msg('import.alreadyRunning')) }),
      );
    await outbox.emit(writer.summary({ id, checked, createdCount }));
    const size = importSliceRows();
    for (let start = 0; start < createdCount; start += size) {
      const slice = checked.rows.slice(start, start + size);
      const entities = slice.map((row) => writer.entityOf(row));
      await writer.insert(entities).catch((error: unknown) => {
        const changed = writer.changedMeanwhile;
        throw changed ? translateConstraint(error, { [changed]: () => new ConflictError(msg('import.changedMeanwhile')) }) : error;
      });
      await this.db.query(
        `INSERT INTO ${this.rows} (${this.entityColumn}, import_id, row_number) SELECT e, $1, r FROM unnest($2::uuid[], $3::int[]) AS t(e, r)`,
        [id, entities.map((e) => e.id), slice.map((r) => r.row)],
      );
      await outbox.emitBulk(entities.map((e) => writer.eventOf(e)));
    }
    return importReport(checked, headers, { importId: id, committed: true, createdCount });
  }
}

/** What an import writes for each checked row, and the events it emits: each service's own part of the commit. */
export interface ImportWriter<R, E extends { id: string }> {
  /** The row to insert for a checked row (with its new id). */
  entityOf(row: R): E;
  /** Inserts one slice of entities (multi-row statements). */
  insert(entities: readonly E[]): Promise<void>;
  /**
   * The unique key an insert can only break if the rows changed since they were checked (under the
   * import's locks, the last word): CONFLICT, `import.changedMeanwhile`, the whole file written nothing.
   */
  changedMeanwhile?: string;
  /** The event the one-by-one change emits for the entity. */
  eventOf(entity: E): DomainEvent;
  /** The import's summary event, its one audit entry. */
  summary(i: CommittedImport): DomainEvent;
}
