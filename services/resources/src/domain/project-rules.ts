import { ConflictError } from '@cpb/kit';
import type { Need, Project } from '../entities';

/** A need is matched to resources while it is not yet resolved (a need may take several projects). */
export function checkMatchable(need: Need): void {
  if (need.status === 'RESOLVED') throw new ConflictError(`The need "${need.title}" is already resolved`);
}

/** PLANNED → ACTIVE. */
export function checkStartable(project: Project): void {
  if (project.status !== 'PLANNED') throw new ConflictError(`The project "${project.title}" is already ${project.status.toLowerCase()}`);
}

/** ACTIVE → COMPLETED: a project is started before it is completed, and completed once. */
export function checkCompletable(project: Project): void {
  if (project.status === 'PLANNED') throw new ConflictError(`The project "${project.title}" has not started: start it first`);
  if (project.status === 'COMPLETED') throw new ConflictError(`The project "${project.title}" is already completed`);
}
