import { ConflictError, ValidationError } from '@cpb/kit';
import type { Organization, OrganizationKind } from '../entities';

/** Where an organisation of `kind` may sit in the tree; throws the refusal a caller can act on. */
export function checkPlacement(kind: OrganizationKind, parent: Organization | null): void {
  if (kind === 'WORKING_COMMITTEE') {
    if (parent) throw new ValidationError('parentId', 'A street working committee (党工委) is the top of its tree and has no parent');
    return;
  }
  if (!parent) throw new ValidationError('parentId', 'Every organisation but a working committee needs a parent');
  if (parent.status !== 'ACTIVE') throw new ConflictError(`${inactive(parent)}: nothing can be placed under it`);
  if (parent.kind === 'PARTY_GROUP') throw new ValidationError('parentId', 'Nothing sits under a Party group (党小组)');
  if (kind === 'PARTY_GROUP' && parent.kind !== 'BRANCH') {
    throw new ValidationError('parentId', 'A Party group (党小组) sits under a branch (党支部)');
  }
}

/** True when `candidate` is `root` itself or lies below it (paths are '/a/b/c/'). */
export function isInSubtree(candidate: Organization, root: Organization): boolean {
  return candidate.path.startsWith(root.path);
}

/** The materialised path of a child of `parent` (or of a root). */
export function childPath(parent: Organization | null, id: string): string {
  return `${parent ? parent.path : '/'}${id}/`;
}

/** A community's own organisation sits directly under its street's working committee. */
export function isCommunityRoot(scope: string, parent: Organization | null): boolean {
  return scope === 'COMMUNITY' && parent?.kind === 'WORKING_COMMITTEE';
}

/** "X is dissolved" or "X is being dissolved" (CLOSING, docs/decisions/0010): why nothing new goes to it. */
export function inactive(organization: Pick<Organization, 'name' | 'status'>): string {
  return `${organization.name} is ${organization.status === 'CLOSING' ? 'being dissolved' : 'dissolved'}`;
}
