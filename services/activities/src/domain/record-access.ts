import type DataLoader from 'dataloader';
import { ForbiddenError, managesPath, requireRole, seesAll, valueLoader, type Actor, type Peers } from '@cpb/kit';
import type { Activity } from '../entities';
import { pathOf } from './peer-checks';

/**
 * What of volunteering is not public, and who reads it. Drafts are plans: only the organiser's
 * managers see them. A member's volunteer record (where and when they served: whereabouts, sensitive under
 * the PIPL) and an activity's roster: the member themself, and the managers whose subtree holds the
 * member's organisation (for a roster: the organiser). Facts come from members and organizations in
 * one batched call per request level, so a page of members or activities asks them once.
 */
export class RecordAccess {
  private readonly organizationOfMember: DataLoader<string, string | null>;
  private readonly pathOfOrganization: DataLoader<string, string | null>;
  private readonly organizationOfCommunity: DataLoader<string, string | null>;

  constructor(
    private readonly actor: Actor,
    peers: Peers,
  ) {
    this.organizationOfMember = valueLoader(async (ids: readonly string[]) => {
      const found = await peers.members.entities<{ organization: { id: string } }>('Member', ids, 'organization { id }');
      return new Map(ids.map((id, i) => [id, found[i]?.organization.id ?? null]));
    }, null);
    this.pathOfOrganization = valueLoader(async (ids: readonly string[]) => {
      const found = await peers.organizations.entities<{ id: string; ancestors: { id: string }[] }>('Organization', ids, 'id ancestors { id }');
      return new Map(ids.map((id, i) => [id, found[i] ? pathOf(found[i]!) : null]));
    }, null);
    this.organizationOfCommunity = valueLoader(async (ids: readonly string[]) => {
      const found = await peers.organizations.entities<{ partyOrganization: { id: string } | null }>('Community', ids, 'partyOrganization { id }');
      return new Map(ids.map((id, i) => [id, found[i]?.partyOrganization?.id ?? null]));
    }, null);
  }

  /** Whether the actor manages this organisation (a manager whose subtree holds it); never refuses. */
  async manages(organizationId: string | null): Promise<boolean> {
    if (seesAll(this.actor)) return true;
    if (this.actor.role !== 'STREET_ADMIN' && this.actor.role !== 'COMMUNITY_SECRETARY') return false;
    const path = organizationId ? await this.pathOfOrganization.load(organizationId) : null;
    return Boolean(path && managesPath(this.actor, path));
  }

  /** Whether the actor manages the community's own organisation (and so sees the drafts planned there). */
  async managesCommunity(communityId: string): Promise<boolean> {
    return seesAll(this.actor) || this.manages(await this.organizationOfCommunity.load(communityId));
  }

  /** A draft is a plan, not yet public: only its organiser's managers see it; anything else is as it is. */
  async shown(activity: Activity | null): Promise<Activity | null> {
    if (!activity || activity.status !== 'DRAFT') return activity;
    return (await this.manages(activity.organizerId)) ? activity : null;
  }

  /** A member's hours and participations: the member, or a manager of the member's organisation. */
  async requireHistoryReader(memberId: string): Promise<void> {
    if (this.actor.role !== 'ANONYMOUS' && this.actor.memberId === memberId) return;
    this.requireManager();
    if (!seesAll(this.actor)) await this.requireManaged(await this.organizationOfMember.load(memberId), "This member's volunteer record is outside the organisations you manage");
  }

  /** An activity's roster (who signed up, when they came): the managers of its organiser. */
  async requireRosterReader(activity: Pick<Activity, 'organizerId'>): Promise<void> {
    this.requireManager();
    if (!seesAll(this.actor)) await this.requireManaged(activity.organizerId, "This activity's participants are outside the organisations you manage");
  }

  private requireManager(): void {
    requireRole(this.actor, 'DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY');
  }

  private async requireManaged(organizationId: string | null, refusal: string): Promise<void> {
    if (!(await this.manages(organizationId))) throw new ForbiddenError(refusal);
  }
}
