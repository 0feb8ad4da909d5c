import { ConflictError, msg, ValidationError } from '@cpb/kit';
import type { Organization, OrganizationKind } from '../entities';

/** Where an organisation of `kind` may sit in the tree; throws the refusal a caller can act on. */
export function checkPlacement(kind: OrganizationKind, parent: Organization | null): void {
  if (kind === 'WORKING_COMMITTEE') {
    if (parent) throw new ValidationError('parentId', msg('placement.committeeIsTop'));
    return;
  }
  if (!parent) throw new ValidationError('parentId', msg('placement.needsParent'));
  if (parent.status !== 'ACTIVE')
    throw new ConflictError(
      msg(parent.status === 'CLOSING' ? 'placement.parentBeingDissolved' : 'placement.parentDissolved', { name: parent.name }),
    );
  if (parent.kind === 'PARTY_GROUP') throw new ValidationError('parentId', msg('placement.nothingUnderGroup'));
  if (kind === 'PARTY_GROUP' && parent.kind !== 'BRANCH') {
    throw new ValidationError('parentId', msg('placement.groupUnderBranch'));
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
