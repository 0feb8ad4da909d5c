import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** A Prometheus registry per process (or per in-process test service), with the kit's standard metrics. */
export function createMetrics(service: string, defaults = true) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (defaults) collectDefaultMetrics({ register: registry });
  const statements = new Counter({ name: 'db_statements_total', help: 'SQL statements sent to the database', registers: [registry] });
  const requests = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL request duration',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  // Which accepted key verified the signed identity: once `previous` stops growing, a rotation can end.
  const identities = new Counter({ name: 'internal_identity_verified_total', help: 'Signed identity headers verified, by accepted key (current or previous)', labelNames: ['key'], registers: [registry] });
  return { registry, statements, requests, identities };
}
export type Metrics = ReturnType<typeof createMetrics>;
