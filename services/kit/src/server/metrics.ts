import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { errorCodes } from '../errors';

/** Codes a client can see: the kit's registry and Apollo Server's own; anything else is counted as `other`. */
const KNOWN_CODES = new Set<string>([
  ...Object.keys(errorCodes),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'INTROSPECTION_DISABLED',
]);

/** The `code` label of an error: its `extensions.code` when it is one we know, so the label stays bounded. */
export function errorCodeLabel(code: unknown): string {
  return typeof code === 'string' && KNOWN_CODES.has(code) ? code : 'other';
}

/** A Prometheus registry per process (or per in-process test service), with the kit's standard metrics. */
export function createMetrics(service: string, defaults = true) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (defaults) collectDefaultMetrics({ register: registry });
  const statements = new Counter({ name: 'db_statements_total', help: 'SQL statements sent to the database', registers: [registry] });
  const requests = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL requests served and how long each took, by registered operation (other for any other name)',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'graphql_errors_total',
    help: 'Errors in GraphQL responses, by extensions.code as the client saw it',
    labelNames: ['code'],
    registers: [registry],
  });
  // Which accepted key verified the signed identity: once `previous` stops growing, a rotation can end.
  const identities = new Counter({
    name: 'internal_identity_verified_total',
    help: 'Signed identity headers verified, by accepted key (current or previous)',
    labelNames: ['key'],
    registers: [registry],
  });
  return { registry, statements, requests, errors, identities };
}
export type Metrics = ReturnType<typeof createMetrics>;
