import { ConflictError, msg } from '@cpb/kit';
import type { Need, Project } from '../entities';

/** A need is matched to resources while it is not yet resolved (a need may take several projects). */
export function checkMatchable(need: Need): void {
  if (need.status === 'RESOLVED') throw new ConflictError(msg('need.alreadyResolved', { title: need.title }));
}

/** PLANNED → ACTIVE. */
export function checkStartable(project: Project): void {
  if (project.status !== 'PLANNED')
    throw new ConflictError(msg('project.alreadyStarted', { title: project.title, status: project.status }));
}

/** ACTIVE → COMPLETED: a project is started before it is completed, and completed once. */
export function checkCompletable(project: Project): void {
  if (project.status === 'PLANNED') throw new ConflictError(msg('project.notStarted', { title: project.title }));
  if (project.status === 'COMPLETED') throw new ConflictError(msg('project.alreadyCompleted', { title: project.title }));
}
