import type { EntityManager } from 'typeorm';
import { NeedEntity, ProjectEntity, type Need, type NeedStatus, type Project } from '../entities';

/** Writes of needs and projects inside one transaction. */
export class NeedStore {
  constructor(private readonly tx: EntityManager) {}

  insertNeed(need: Need): Promise<unknown> {
    return this.tx.getRepository(NeedEntity).insert(need);
  }

  lockNeed(id: string): Promise<Need | null> {
    return this.tx.getRepository(NeedEntity).createQueryBuilder('n').where('n.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  setNeedStatus(id: string, status: NeedStatus, resolvedOn: string | null): Promise<unknown> {
    return this.tx.getRepository(NeedEntity).update({ id }, { status, resolvedOn });
  }

  async insertProject(project: Project, resourceIds: string[]): Promise<void> {
    await this.tx.getRepository(ProjectEntity).insert(project);
    await this.tx.query(`INSERT INTO project_resource (project_id, resource_id) SELECT $1, unnest($2::uuid[])`, [project.id, resourceIds]);
  }

  lockProject(id: string): Promise<Project | null> {
    return this.tx.getRepository(ProjectEntity).createQueryBuilder('p').where('p.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  startProject(id: string, startedOn: string): Promise<unknown> {
    return this.tx.getRepository(ProjectEntity).update({ id }, { status: 'ACTIVE', startedOn });
  }

  completeProject(id: string, completedOn: string, outcome: string): Promise<unknown> {
    return this.tx.getRepository(ProjectEntity).update({ id }, { status: 'COMPLETED', completedOn, outcome });
  }
}
