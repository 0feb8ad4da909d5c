import type { DataSource, EntityManager } from 'typeorm';
import { insertEntities } from '@cpb/kit';
import { ResidentUnitEntity, type ResidentUnit } from '../entities';

/** A community a file names, with the organisation governing it (its own, else its street's committee). */
export interface NamedCommunity {
  id: string;
  name: string;
  scope: { id: string; name: string; path: string } | null;
}

/**
 * Reads and writes of a resident units import, each one statement for the whole file: the
 * communities named (by name or id), the units already recorded under those names, the inserts.
 */
export class ResidentUnitImportStore {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Communities whose id is among `ids` or whose name is among `names`, each with its governing organisation (as communityScope). */
  async communities(ids: readonly string[], names: readonly string[]): Promise<NamedCommunity[]> {
    return this.db.query(
      `SELECT c.id, c.name,
              (SELECT json_build_object('id', o.id, 'name', o.name, 'path', o.path) FROM organization o
                WHERE o.status IN ('ACTIVE', 'CLOSING') AND ((o.community_id = c.id AND o.community_root) OR o.street_id = c.street_id)
                ORDER BY o.community_root DESC LIMIT 1) AS scope
         FROM community c WHERE c.id = ANY($1::uuid[]) OR c.name = ANY($2::text[])`,
      [ids, names],
    );
  }

  /** Units already recorded in these communities under these names (the natural key of a unit). */
  async unitsNamed(keys: readonly { communityId: string; name: string }[]): Promise<{ id: string; communityId: string; name: string }[]> {
    if (keys.length === 0) return [];
    return this.db.query(
      `SELECT u.id, u.community_id AS "communityId", u.name FROM resident_unit u
         JOIN unnest($1::uuid[], $2::text[]) AS k(community_id, name) ON k.community_id = u.community_id AND k.name = u.name`,
      [keys.map((k) => k.communityId), keys.map((k) => k.name)],
    );
  }

  /** Locks the communities (as createResidentUnit locks its one), in id order so two imports never deadlock. */
  async lockCommunities(ids: readonly string[]): Promise<void> {
    await this.db.query(`SELECT id FROM community WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
  }

  insert(units: readonly ResidentUnit[]): Promise<void> {
    return insertEntities(this.db as EntityManager, ResidentUnitEntity, units);
  }
}
