import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { INTERNAL_IDENTITY_HEADER, serviceActor, signInternal } from './auth';
import { secretOf } from './config';
import { UnavailableError } from './errors';
import type { Logger } from './logger';
import { currentLocale, type TermValue } from './messages';
import { REQUEST_ID_HEADER } from './server/request-id';
import { injectTraceContext, requestScope, tracer } from './telemetry/trace-context';

/** A subgraph's name as the federation's list spells it (the kit knows none of them). */
export type PeerName = string;

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
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`;
    const body = await this.traced(`peer ${this.name} ${typename}`, { 'cpb.peer.entities': ids.length }, () =>
      this.post<{ _entities: (T | null)[] }>(query, { r: ids.map((id) => ({ __typename: typename, id })) }),
    );
    if (!body.data?._entities) throw this.answeredWithErrors(body.errors);
    return body.data._entities.map((entity) => (entity && Object.keys(entity).length > 0 ? entity : null));
  }

  /**
   * One operation of the peer's own, e.g. a service-only mutation hidden from the gateway
   * (`@inaccessible`). Fails closed like `entities`: no answer, or any error, is UNAVAILABLE.
   */
  async request<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const body = await this.traced(`peer ${this.name} request`, {}, () => this.post<T>(query, variables));
    if (!body.data || body.errors?.length) throw this.answeredWithErrors(body.errors);
    return body.data;
  }

  /** A client span in the caller's trace; the peer's server span continues it. */
  private async traced<R>(name: string, attributes: Record<string, number>, work: () => Promise<R>): Promise<R> {
    const span = tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes: { 'peer.service': this.name, ...attributes } });
    try {
      return await context.with(trace.setSpan(context.active(), span), work);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  }

  private async post<T>(query: string, variables: Record<string, unknown>): Promise<{ data?: T | null; errors?: { message: string }[] }> {
    // The request id of the request being served travels on, as the gateway's does, with the trace context.
    const requestId = requestScope.getStore()?.requestId;
    const traced: Record<string, string> = requestId ? { [REQUEST_ID_HEADER]: requestId } : {};
    // The peer words anything it says in the language of the request being served.
    traced['accept-language'] = currentLocale();
    injectTraceContext(traced);
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...traced, ...(await this.headers()) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      return (await response.json()) as { data?: T | null; errors?: { message: string }[] };
    } catch (error) {
      this.logger.warn({ err: error, peer: this.name }, 'peer call failed');
      throw new UnavailableError(this.serviceTerm);
    }
  }

  /** The name a refusal words (the catalogue's term table holds the subgraphs' names in both languages). */
  private get serviceTerm(): TermValue<'service'> {
    return this.name as TermValue<'service'>;
  }

  private answeredWithErrors(errors: unknown): UnavailableError {
    this.logger.warn({ peer: this.name, errors }, 'peer answered with errors');
    return new UnavailableError(this.serviceTerm);
  }
}

/** A subgraph this service may call and where it answers in this deployment. */
export interface PeerAddress {
  name: PeerName;
  url: string;
}

/** The clients of the peers by name (`peers.organizations`), one per subgraph the service was given. */
export type Peers = Record<PeerName, PeerClient>;

/** Peers sign as this service with the callee's own secret, as the gateway does for users. */
export function createPeers(addresses: readonly PeerAddress[], config: { PEER_TIMEOUT_MS: number }, logger: Logger, self: string): Peers {
  const identity = serviceActor(self);
  const peer = (name: PeerName, url: string) =>
    new PeerClient(name, url, config.PEER_TIMEOUT_MS, logger, async () => ({ [INTERNAL_IDENTITY_HEADER]: await signInternal(identity, secretOf(config, name), name) }));
  return Object.fromEntries(addresses.map(({ name, url }) => [name, peer(name, url)]));
}
