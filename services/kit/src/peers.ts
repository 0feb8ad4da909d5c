import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { INTERNAL_IDENTITY_HEADER, serviceActor, signInternal } from './auth';
import { secretOf, type SubgraphSecrets } from './config';
import { UnavailableError } from './errors';
import type { Logger } from './logger';
import { REQUEST_ID_HEADER } from './server/request-id';
import { injectTraceContext, requestScope, tracer } from './telemetry/trace-context';

export type PeerName = 'organizations' | 'members' | 'resources' | 'activities';

/**
 * A direct, batched call to another subgraph's `_entities` field: how a service checks, at the
 * moment of a change, facts another service owns (that an organisation exists and is active, how
 * many members it holds). Fails closed: an unreachable peer refuses the change with UNAVAILABLE.
 */
export class PeerClient {
  constructor(
    readonly name: PeerName,
    private readonly url: string,
    private readonly timeoutMs: number,
    private readonly logger: Logger,
    private readonly headers: () => Promise<Record<string, string>> = async () => ({}),
  ) {}

  /** Fields of entities by id, in id order; null where the peer knows no such entity. */
  async entities<T>(typename: string, ids: readonly string[], selection: string): Promise<(T | null)[]> {
    if (ids.length === 0) return [];
    // A client span in the caller's trace; the peer's server span continues it.
    const span = tracer.startSpan(`peer ${this.name} ${typename}`, { kind: SpanKind.CLIENT, attributes: { 'peer.service': this.name, 'cpb.peer.entities': ids.length } });
    try {
      return await context.with(trace.setSpan(context.active(), span), () => this.fetchEntities<T>(typename, ids, selection));
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  }

  private async fetchEntities<T>(typename: string, ids: readonly string[], selection: string): Promise<(T | null)[]> {
    // The request id of the request being served travels on, as the gateway's does.
    const requestId = requestScope.getStore()?.requestId;
    const traced: Record<string, string> = requestId ? { [REQUEST_ID_HEADER]: requestId } : {};
    injectTraceContext(traced);
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`;
    const representations = ids.map((id) => ({ __typename: typename, id }));
    let body: { data?: { _entities: (T | null)[] }; errors?: { message: string }[] };
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...traced, ...(await this.headers()) },
        body: JSON.stringify({ query, variables: { r: representations } }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      body = (await response.json()) as typeof body;
    } catch (error) {
      this.logger.warn({ err: error, peer: this.name }, 'peer call failed');
      throw new UnavailableError(this.name);
    }
    if (!body.data?._entities) {
      this.logger.warn({ peer: this.name, errors: body.errors }, 'peer answered with errors');
      throw new UnavailableError(this.name);
    }
    return body.data._entities.map((entity) => (entity && Object.keys(entity).length > 0 ? entity : null));
  }
}

export interface PeerUrls extends SubgraphSecrets {
  ORGANIZATIONS_URL: string;
  MEMBERS_URL: string;
  RESOURCES_URL: string;
  ACTIVITIES_URL: string;
  PEER_TIMEOUT_MS: number;
}

export type Peers = Record<PeerName, PeerClient>;

/** Peers sign as this service with the callee's own secret, as the gateway does for users. */
export function createPeers(config: PeerUrls, logger: Logger, self: string): Peers {
  const identity = serviceActor(self);
  const peer = (name: PeerName, url: string) =>
    new PeerClient(name, url, config.PEER_TIMEOUT_MS, logger, async () => ({ [INTERNAL_IDENTITY_HEADER]: await signInternal(identity, secretOf(config, name), name) }));
  return {
    organizations: peer('organizations', config.ORGANIZATIONS_URL),
    members: peer('members', config.MEMBERS_URL),
    resources: peer('resources', config.RESOURCES_URL),
    activities: peer('activities', config.ACTIVITIES_URL),
  };
}
