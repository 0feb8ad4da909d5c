import type { DataSource, EntityManager } from 'typeorm';
import { insertEntities } from '@cpb/kit';
import { MemberEntity, type Member } from '../entities';

/** The ID numbers among `idNumbers` already recorded, with their member's id (one statement, by the unique index). */
export async function recordedIdNumbers(db: DataSource | EntityManager, idNumbers: readonly string[]): Promise<Map<string, string>> {
  const rows: { id: string; id_number: string }[] = await db.query(`SELECT id, id_number FROM member WHERE id_number = ANY($1)`, [
    idNumbers,
  ]);
  return new Map(rows.map((r) => [r.id_number, r.id]));
}

/** An import's members, a few thousand to a statement, inside its transaction. */
export const insertImportedMembers = (tx: EntityManager, members: readonly Member[]) => insertEntities(tx, MemberEntity, members);
