import type { DataSource, EntityManager } from 'typeorm';
import { MemberEntity, type Member } from '../entities';

export interface ImportRecord {
  id: string;
  fingerprint: string;
  actorSub: string;
  rowCount: number;
  createdCount: number;
}

/** What the database already holds for a file: an earlier import of it, and the ID numbers already recorded. */
export class MemberImportReads {
  constructor(private readonly db: DataSource | EntityManager) {}

  async importOf(fingerprint: string): Promise<ImportRecord | null> {
    const [row]: ImportRecord[] = await this.db.query(
      `SELECT id, fingerprint, actor_sub AS "actorSub", row_count AS "rowCount", created_count AS "createdCount" FROM member_import WHERE fingerprint = $1`,
      [fingerprint],
    );
    return row ?? null;
  }

  /** Each recorded ID number among `idNumbers`, and whether an import brought it in (one statement, by the unique index). */
  async recorded(idNumbers: readonly string[]): Promise<Map<string, { imported: boolean }>> {
    const rows: { id_number: string; imported: boolean }[] = await this.db.query(
      `SELECT m.id_number, EXISTS (SELECT 1 FROM member_import_row r WHERE r.member_id = m.id) AS imported FROM member m WHERE m.id_number = ANY($1)`,
      [idNumbers],
    );
    return new Map(rows.map((r) => [r.id_number, { imported: r.imported }]));
  }
}

/** Writes an import inside its transaction: the members a thousand to a statement, then the import and its rows. */
export class MemberImportStore {
  constructor(private readonly tx: EntityManager) {}

  async insertMembers(members: readonly Member[]): Promise<void> {
    for (let start = 0; start < members.length; start += 1000)
      await this.tx.getRepository(MemberEntity).insert(members.slice(start, start + 1000));
  }

  async recordImport(record: ImportRecord, rows: readonly { memberId: string; row: number }[]): Promise<void> {
    await this.tx.query(`INSERT INTO member_import (id, fingerprint, actor_sub, row_count, created_count) VALUES ($1, $2, $3, $4, $5)`, [
      record.id,
      record.fingerprint,
      record.actorSub,
      record.rowCount,
      record.createdCount,
    ]);
    await this.tx.query(
      `INSERT INTO member_import_row (member_id, import_id, row_number) SELECT m, $1, r FROM unnest($2::uuid[], $3::int[]) AS t(m, r)`,
      [record.id, rows.map((r) => r.memberId), rows.map((r) => r.row)],
    );
  }
}
