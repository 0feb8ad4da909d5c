import { In, type EntityManager } from 'typeorm';
import { OrganizationEntity, ResidentUnitEntity, type Organization, type ResidentUnit } from '../entities';

/** Reads and writes of organisations inside one transaction (a use case's unit of work); `find` also reads outside one. */
export class OrganizationStore {
  constructor(private readonly tx: EntityManager) {}

  /** Locks the rows (in id order, so two moves never deadlock) and returns them, fresh. */
  async lock(ids: string[]): Promise<Map<string, Organization>> {
    const rows = await this.tx
      .getRepository(OrganizationEntity)
      .createQueryBuilder('o')
      .where('o.id IN (:...ids)', { ids: [...new Set(ids)].sort() })
      .orderBy('o.id')
      .setLock('pessimistic_write')
      .getMany();
    return new Map(rows.map((o) => [o.id, o]));
  }

  /** The rows as they are, unlocked: what a use case authorises against before its transaction. */
  async find(ids: string[]): Promise<Map<string, Organization>> {
    const rows = await this.tx.getRepository(OrganizationEntity).findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((o) => [o.id, o]));
  }

  insert(organization: Organization): Promise<unknown> {
    return this.tx.getRepository(OrganizationEntity).insert(organization);
  }

  rename(id: string, name: string): Promise<unknown> {
    return this.tx.getRepository(OrganizationEntity).update({ id }, { name });
  }

  /** Re-roots a whole subtree: one range update over the C-collated path index. */
  async move(organization: Organization, newParent: Organization, newPath: string, communityRoot: boolean): Promise<void> {
    await this.tx.query(`UPDATE organization SET path = $2 || substr(path, length($1) + 1) WHERE path >= $1 AND path < $1 || '~'`, [
      organization.path,
      newPath,
    ]);
    await this.tx.getRepository(OrganizationEntity).update({ id: organization.id }, { parentId: newParent.id, communityRoot });
  }

  /** The first step of dissolving (docs/decisions/0010): it receives nothing new from here on. */
  markClosing(id: string): Promise<unknown> {
    return this.tx.query(`UPDATE organization SET status = 'CLOSING', closing_since = now() WHERE id = $1`, [id]);
  }

  /** A dissolve that found members: the organisation is active again. */
  reopen(id: string): Promise<unknown> {
    return this.tx.query(`UPDATE organization SET status = 'ACTIVE', closing_since = NULL WHERE id = $1`, [id]);
  }

  dissolve(id: string, dissolvedOn: string): Promise<unknown> {
    return this.tx.query(`UPDATE organization SET status = 'DISSOLVED', dissolved_on = $2, closing_since = NULL WHERE id = $1`, [
      id,
      dissolvedOn,
    ]);
  }

  /** Sub-organisations not dissolved (a closing one may yet revert to active). */
  async livingChildCount(id: string): Promise<number> {
    return this.tx.getRepository(OrganizationEntity).countBy({ parentId: id, status: In(['ACTIVE', 'CLOSING']) });
  }

  residentUnit(id: string): Promise<ResidentUnit | null> {
    return this.tx.getRepository(ResidentUnitEntity).findOneBy({ id });
  }
}
