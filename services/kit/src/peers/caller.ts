import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { UnavailableError } from '../errors';
import type { Logger } from '../logger';
import { currentLocale, type TermValue } from '../messages';
import { REQUEST_ID_HEADER } from '../server/request-id';
import { injectTraceContext, requestScope, tracer } from '../telemetry/trace-context';
import { inTransaction } from '../transact';

/** A subgraph's name as the federation's list spells it (the kit knows none of them). */
export type PeerName = string;

/** A call to another service made while a transaction is open: a bug, refused in development and tests. */
export class PeerCallInTransactionError extends Error {
  constructor(peer: string) {
    super(
      `A call to the ${peer} service was made inside an open transaction: gather facts from peers before the transaction (the use case's gather step)`,
    );
    this.name = 'PeerCallInTransactionError';
  }
}

export interface PeerCallerOptions {
  name: PeerName;
  url: string;
  timeoutMs: number;
  logger: Logger;
  /** Signed identity headers for each call (the calling service, signed with the callee's secret). */
  headers: () => Promise<Record<string, string>>;
  /**
   * Refuse (throw) a call made while a transaction is open; otherwise only log it. On everywhere but
   * production: a slow peer must never hold row locks, and a test shows any call that would.
   */
  refuseInTransaction: boolean;
}

type Answer<T> = { data?: T | null; errors?: { message: string }[] };

/**
 * Posts GraphQL to one other subgraph: batched `_entities` lookups and its service-only operations.
 * Fails closed: an unreachable peer, or one answering with errors, is UNAVAILABLE.
 */
export class PeerCaller {
  constructor(private readonly options: PeerCallerOptions) {}

  get name(): PeerName {
    return this.options.name;
  }

  /**
   * Fields of entities by id, in id order; null where the peer knows no such entity (its reference resolver found none).
   * UNAVAILABLE when the peer answered any error, also beside a partial answer.
   */
  async entities<T>(typename: string, ids: readonly string[], selection: string, requestId?: string): Promise<(T | null)[]> {
    if (ids.length === 0) return [];
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`;
    const body = await this.traced(`peer ${this.name} ${typename}`, { 'cpb.peer.entities': ids.length }, () =>
      this.post<{ _entities: (T | null)[] }>(query, { r: ids.map((id) => ({ __typename: typename, id })) }, requestId),
    );
    // Any error fails the whole lookup: an entity the peer could not read (its database out of reach) comes back null beside
    // an error, and taken as "no such entity" it became a NOT_FOUND refusal of a record that exists (issue 20).
    if (!body.data?._entities || body.errors?.length) throw this.answeredWithErrors(body.errors);
    return body.data._entities.map((entity) => (entity && Object.keys(entity).length > 0 ? entity : null));
  }

  /** One operation of the peer's own, e.g. a service-only mutation hidden from the gateway (`@inaccessible`). */
  async request<T>(query: string, variables: Record<string, unknown>, requestId?: string): Promise<T> {
    const body = await this.traced(`peer ${this.name} request`, {}, () => this.post<T>(query, variables, requestId));
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

  private async post<T>(query: string, variables: Record<string, unknown>, requestId?: string): Promise<Answer<T>> {
    if (inTransaction()) this.inTransaction();
    // The request id of the request being served travels on, as the gateway's does, with the trace context.
    const forwarded = requestId ?? requestScope.getStore()?.requestId;
    const traced: Record<string, string> = forwarded ? { [REQUEST_ID_HEADER]: forwarded } : {};
    // The peer words anything it says in the language of the request being served.
    traced['accept-language'] = currentLocale();
    injectTraceContext(traced);
    try {
      const response = await fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...traced, ...(await this.options.headers()) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      return (await response.json()) as Answer<T>;
    } catch (error) {
      this.options.logger.warn({ err: error, peer: this.name }, 'peer call failed');
      throw new UnavailableError(this.serviceTerm);
    }
  }

  private inTransaction(): void {
    const error = new PeerCallInTransactionError(this.name);
    if (this.options.refuseInTransaction) throw error;
    this.options.logger.error({ err: error, peer: this.name }, 'peer call inside a transaction');
  }

  /** The name a refusal words (the catalogue's term table holds the subgraphs' names in both languages). */
  private get serviceTerm(): TermValue<'service'> {
    return this.name as TermValue<'service'>;
  }

  private answeredWithErrors(errors: unknown): UnavailableError {
    this.options.logger.warn({ peer: this.name, errors }, 'peer answered with errors');
    return new UnavailableError(this.serviceTerm);
  }
}
