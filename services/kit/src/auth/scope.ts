import { ForbiddenError } from '../errors';
import type { Message } from '../messages';
import type { Actor, Role } from './actor';
import { requireRole, seesAll } from './policy';

/**
 * One row of a service's policy table (`src/domain/policy.ts`): who may make a change, as the README's
 * matrix ("Who may see and change what") says it. The roles are enforced; `scope` says in words where
 * the target must lie, which the service's check beside the table enforces.
 */
export interface Rule {
  /** Roles that may make the change at all (services always may: they act for a caller already checked). */
  roles: readonly Role[];
  /**
   * A member may also act for themself: `member` when the caller's token is a MEMBER's naming them,
   * `person` when any signed-in caller's token names them (a secretary signing up for an activity).
   */
  self?: 'member' | 'person';
  /** Where the target must lie for those roles, in the README's words. */
  scope: string;
}

/** A policy table: one rule per mutation of the service. */
export type PolicyTable = Record<string, Rule>;

/** Whether the caller acts for `memberId` themself, as `rule` allows it. */
export function actsForSelf(actor: Actor, rule: Rule, memberId: string | null | undefined): boolean {
  if (!rule.self || !memberId || actor.memberId !== memberId) return false;
  return rule.self === 'member' ? actor.role === 'MEMBER' : actor.role !== 'ANONYMOUS';
}

/**
 * Whether organisations lie in the subtree the actor manages, by id: the subtree of the actor's
 * organisation is asked once per request (from organizations, or its own tree there), so scope follows
 * the tree as it is now: moving an organisation moves who manages it.
 */
export class Scope {
  private managed?: Promise<ReadonlySet<string> | null>;

  constructor(
    readonly actor: Actor,
    private readonly subtreeOf: (organizationId: string) => Promise<readonly string[] | null>,
  ) {}

  /** The organisations the actor manages; null when it sees all of them (district, services). */
  managedOrganizations(): Promise<ReadonlySet<string> | null> {
    if (seesAll(this.actor)) return Promise.resolve(null);
    this.managed ??= (async () => {
      const { role, orgId } = this.actor;
      if (!orgId || (role !== 'STREET_ADMIN' && role !== 'COMMUNITY_SECRETARY')) return new Set<string>();
      return new Set((await this.subtreeOf(orgId)) ?? []);
    })();
    return this.managed;
  }

  /** Whether the organisation lies in the actor's subtree (never for an unknown one); never refuses. */
  async manages(organizationId: string | null | undefined): Promise<boolean> {
    const managed = await this.managedOrganizations();
    return managed === null || (Boolean(organizationId) && managed.has(organizationId!));
  }

  /**
   * The order every service's checks keep: a member acting for themself (where the rule allows it),
   * then the role, then the target organisation inside the actor's subtree (else FORBIDDEN `refusal`).
   */
  async permit(
    rule: Rule,
    target: { organizationId: string | null | undefined; memberId?: string | null },
    refusal: Message,
  ): Promise<void> {
    if (actsForSelf(this.actor, rule, target.memberId)) return;
    requireRole(this.actor, ...rule.roles);
    if (!(await this.manages(target.organizationId))) throw new ForbiddenError(refusal);
  }
}
