import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A resident unit's name is unique in its community (issue 18), as a grid's is: the import refused
 * a name its community already had, createResidentUnit did not, and nothing in the database held it.
 * Names compare exactly as stored (createResidentUnit and the import both trim them, check.name;
 * letter case and inner spaces are kept, as for grids): 新城科技 and 新城 科技 are two names.
 * Existing repeats are not renamed behind anyone's back: the migration stops and lists them.
 */
export class ResidentUnitNameUnique1770500000000 implements MigrationInterface {
  name = 'ResidentUnitNameUnique1770500000000';

  async up(q: QueryRunner): Promise<void> {
    const repeats: { community_id: string; name: string; n: number }[] = await q.query(
      `SELECT community_id, name, count(*)::int AS n FROM resident_unit GROUP BY community_id, name HAVING count(*) > 1 ORDER BY 1, 2 LIMIT 20`,
    );
    if (repeats.length > 0)
      throw new Error(
        `resident units repeat a name in their community; rename or merge them, then migrate again: ${repeats
          .map((r) => `${r.community_id} "${r.name}" ×${r.n}`)
          .join('; ')}`,
      );
    await q.query(`ALTER TABLE resident_unit ADD CONSTRAINT resident_unit_community_id_name_key UNIQUE (community_id, name)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE resident_unit DROP CONSTRAINT resident_unit_community_id_name_key`);
  }
}
