import { INTERNAL_IDENTITY_HEADER, serviceActor, signInternal } from '../auth';
import { secretOf } from '../config';
import { invariant, NotFoundError } from '../errors';
import type { Logger } from '../logger';
import { PeerCaller, type PeerName } from './caller';
import { lookups, type EntityFacts, type EntityType } from './facts';

export { PeerCaller, PeerCallInTransactionError, type PeerName } from './caller';
export { activeOrganization, inactiveOrganization } from './active-organization';
export {
  pathOf,
  type ActivityFacts,
  type BookingFacts,
  type CommunityFacts,
  type EntityFacts,
  type EntityType,
  type MemberFacts,
  type OrganizationFacts,
  type ResidentUnitFacts,
} from './facts';

/**
 * The one client a service has of the others: typed lookups of the facts they own, asked through their
 * `_entities` in one batched call each (docs/decisions/0003), signed as this service and carrying the
 * request id of the request being served. Fails closed (UNAVAILABLE); refused inside a transaction.
 */
export class Peers {
  constructor(
    private readonly callers: Record<PeerName, PeerCaller>,
    /** Which peer owns each entity type, from the subgraph list (`owns`): the kit names no service. */
    private readonly owners: Readonly<Record<string, PeerName>>,
    private readonly requestId?: string,
  ) {}

  /** The same client, forwarding `requestId` on every call. */
  forRequest(requestId: string): Peers {
    return new Peers(this.callers, this.owners, requestId);
  }

  /** Facts of entities by id, in id order; null where the owner knows none. */
  async find<T extends EntityType>(type: T, ids: readonly string[]): Promise<(EntityFacts[T] | null)[]> {
    const lookup = lookups[type];
    const found = await this.ownerOf(type).entities<unknown>(type, ids, lookup.selection, this.requestId);
    return found.map((answer) => (answer ? lookup.read(answer) : null));
  }

  /** Facts of entities that must exist, in id order; NOT_FOUND naming `field` for the first that does not. */
  async require<T extends EntityType>(type: T, ids: readonly string[], field: string): Promise<EntityFacts[T][]> {
    const found = await this.find(type, ids);
    return found.map((facts, i) => {
      if (!facts) throw new NotFoundError(type, ids[i], field);
      return facts;
    });
  }

  /** The ids of an organisation's subtree (itself first among them) as the tree is now; null when unknown. */
  async subtreeIds(organizationId: string): Promise<string[] | null> {
    const [found] = await this.ownerOf('Organization').entities<{ subtreeIds: string[] }>(
      'Organization',
      [organizationId],
      'subtreeIds',
      this.requestId,
    );
    return found?.subtreeIds ?? null;
  }

  private ownerOf(type: EntityType): PeerCaller {
    const caller = this.callers[this.owners[type]];
    // A service asking for facts of a type none of its peers owns is a mistake in its definition.
    invariant(caller !== undefined, `no peer of this service owns ${type}: add its owner to the service's peers`);
    return caller;
  }

  /** One of a peer's own operations (a service-only mutation hidden from the gateway); errors are UNAVAILABLE. */
  operation<T>(owner: PeerName, query: string, variables: Record<string, unknown>): Promise<T> {
    return this.callers[owner].request<T>(query, variables, this.requestId);
  }
}

/** A subgraph this service may call and where it answers in this deployment. */
export interface PeerAddress {
  name: PeerName;
  url: string;
  /** The entity types it owns (the subgraph list's `owns`). */
  owns: readonly string[];
}

/** Peers sign as this service with the callee's own secret, as the gateway does for users; one caller per subgraph the service was given. */
export function createPeers(
  addresses: readonly PeerAddress[],
  config: { PEER_TIMEOUT_MS: number; NODE_ENV?: string },
  logger: Logger,
  self: string,
): Peers {
  const identity = serviceActor(self);
  const caller = ({ name, url }: PeerAddress): [PeerName, PeerCaller] => [
    name,
    new PeerCaller({
      name,
      url,
      timeoutMs: config.PEER_TIMEOUT_MS,
      logger,
      headers: async () => ({ [INTERNAL_IDENTITY_HEADER]: await signInternal(identity, secretOf(config, name), name) }),
      refuseInTransaction: config.NODE_ENV !== 'production',
    }),
  ];
  const owners = Object.fromEntries(addresses.flatMap(({ name, owns }) => owns.map((type) => [type, name])));
  return new Peers(Object.fromEntries(addresses.map(caller)), owners);
}
