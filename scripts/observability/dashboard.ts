/**
 * The Grafana dashboard (infra/observability/grafana/cpb-overview.json), built from this description so
 * every panel has the same shape: a row for the gateway, one per service, one for events.
 */
import { subgraphNames } from '@cpb/subgraphs';

type Unit = 'reqps' | 's' | 'short' | 'percentunit' | 'bytes' | 'ops';

interface Panel {
  title: string;
  description: string;
  unit: Unit;
  targets: { expr: string; legend: string }[];
  /** A single-number panel (readiness) instead of a time series. */
  stat?: boolean;
}

const RATE = '[$__rate_interval]';
const svc = (service: string) => `service="${service}"`;

function requestPanels(service: string): Panel[] {
  const s = svc(service);
  return [
    {
      title: 'Requests by operation',
      description: 'GraphQL requests per second by registered operation (other: any other name).',
      unit: 'reqps',
      targets: [{ expr: `sum by (operation) (rate(graphql_request_duration_seconds_count{${s}}${RATE}))`, legend: '{{operation}}' }],
    },
    {
      title: 'Latency',
      description: 'p50, p95 and p99 of GraphQL request duration (alert: p99 over 1 s at the gateway, 500 ms per subgraph).',
      unit: 's',
      targets: [0.5, 0.95, 0.99].map((q) => ({
        expr: `histogram_quantile(${q}, sum by (le) (rate(graphql_request_duration_seconds_bucket{${s}}${RATE})))`,
        legend: `p${q * 100}`,
      })),
    },
    {
      title: 'Errors by code',
      description: 'Errors in responses per second, by extensions.code as clients saw it.',
      unit: 'ops',
      targets: [{ expr: `sum by (code) (rate(graphql_errors_total{${s}}${RATE}))`, legend: '{{code}}' }],
    },
    {
      title: 'Ready',
      description: '1 when /ready answers 200, per instance.',
      unit: 'short',
      stat: true,
      targets: [{ expr: `min(service_ready{${s}})`, legend: 'ready' }],
    },
  ];
}

function processPanels(service: string): Panel[] {
  const s = svc(service);
  return [
    {
      title: 'CPU',
      description: 'CPU seconds per second (cores) of each instance.',
      unit: 'short',
      targets: [{ expr: `rate(process_cpu_seconds_total{${s}}${RATE})`, legend: '{{instance}}' }],
    },
    {
      title: 'Memory',
      description: 'Resident memory of each instance.',
      unit: 'bytes',
      targets: [{ expr: `process_resident_memory_bytes{${s}}`, legend: '{{instance}}' }],
    },
  ];
}

function databasePanels(service: string, outbox: boolean): Panel[] {
  const s = svc(service);
  const panels: Panel[] = [
    {
      title: 'SQL statements',
      description: 'Statements sent to the service’s database per second.',
      unit: 'ops',
      targets: [{ expr: `sum(rate(db_statements_total{${s}}${RATE}))`, legend: 'statements' }],
    },
    {
      title: 'Connection pool',
      description: 'Pooled connections in use and the pool size; queries waiting for a connection (alert after 5 minutes).',
      unit: 'short',
      targets: [
        { expr: `sum(db_pool_connections{${s},state="in_use"})`, legend: 'in use' },
        { expr: `sum(db_pool_max_connections{${s}})`, legend: 'max' },
        { expr: `sum(db_pool_waiting_requests{${s}})`, legend: 'waiting' },
      ],
    },
  ];
  if (outbox) {
    panels.push({
      title: 'Outbox',
      description: 'Events waiting to be published and the age of the oldest (alert over 60 s).',
      unit: 'short',
      targets: [
        { expr: `max(outbox_unpublished_events{${s}})`, legend: 'unpublished' },
        { expr: `max(outbox_oldest_unpublished_age_seconds{${s}})`, legend: 'oldest (s)' },
      ],
    });
  }
  return panels;
}

function gatewayPanels(): Panel[] {
  return [
    ...requestPanels('gateway'),
    {
      title: 'Subgraph fetch latency (p95)',
      description: 'p95 of the gateway’s fetches per subgraph.',
      unit: 's',
      targets: [
        {
          expr: `histogram_quantile(0.95, sum by (subgraph, le) (rate(gateway_subgraph_fetch_duration_seconds_bucket${RATE})))`,
          legend: '{{subgraph}}',
        },
      ],
    },
    {
      title: 'Subgraph fetch errors',
      description: 'Failed fetches per second by subgraph and reason (timeout, network, http_status).',
      unit: 'ops',
      targets: [
        { expr: `sum by (subgraph, reason) (rate(gateway_subgraph_fetch_errors_total${RATE}))`, legend: '{{subgraph}} {{reason}}' },
      ],
    },
    {
      title: 'Query plan cache hit ratio',
      description:
        'Share of requests whose query plan was reused; a low ratio means literals instead of variables or a cache too small (QUERY_PLAN_CACHE_MIB).',
      unit: 'percentunit',
      targets: [
        {
          expr: `sum(rate(gateway_query_plan_cache_requests_total{result="hit"}${RATE})) / sum(rate(gateway_query_plan_cache_requests_total${RATE}))`,
          legend: 'hit ratio',
        },
      ],
    },
    ...processPanels('gateway'),
  ];
}

function eventPanels(): Panel[] {
  return [
    {
      title: 'Outbox backlog',
      description: 'Unpublished events per service.',
      unit: 'short',
      targets: [{ expr: 'max by (service) (outbox_unpublished_events)', legend: '{{service}}' }],
    },
    {
      title: 'Oldest unpublished event',
      description: 'Age of the oldest unpublished event per service (alert over 60 s).',
      unit: 's',
      targets: [{ expr: 'max by (service) (outbox_oldest_unpublished_age_seconds)', legend: '{{service}}' }],
    },
    {
      title: 'Relay leaders',
      description: 'Relays holding the leader lock per service: 1 is right, 0 means nothing publishes.',
      unit: 'short',
      targets: [{ expr: 'sum by (service) (outbox_relay_leader)', legend: '{{service}}' }],
    },
    {
      title: 'Published events',
      description: 'Events published to Kafka per second, by topic.',
      unit: 'ops',
      targets: [{ expr: `sum by (topic) (rate(outbox_relay_published_events_total${RATE}))`, legend: '{{topic}}' }],
    },
    {
      title: 'Publish failures',
      description: 'Failed relay attempts per second (retried with backoff).',
      unit: 'ops',
      targets: [{ expr: `sum by (topic) (rate(outbox_relay_publish_failures_total${RATE}))`, legend: '{{topic}}' }],
    },
    {
      title: 'Publish latency (p95)',
      description: 'p95 from sending a batch to the broker’s acknowledgement.',
      unit: 's',
      targets: [
        {
          expr: `histogram_quantile(0.95, sum by (topic, le) (rate(outbox_relay_publish_duration_seconds_bucket${RATE})))`,
          legend: '{{topic}}',
        },
      ],
    },
    {
      title: 'Consumer lag',
      description: 'Messages not yet applied, per group, topic and partition (alert when growing for 10 minutes).',
      unit: 'short',
      targets: [{ expr: 'sum by (group, topic, partition) (kafka_consumer_lag)', legend: '{{group}} {{topic}}/{{partition}}' }],
    },
    {
      title: 'Consumed events',
      description: 'Events per second by group and outcome: applied, duplicate (redelivered, skipped), rejected (not a CloudEvent).',
      unit: 'ops',
      targets: [{ expr: `sum by (group, outcome) (rate(kafka_consumer_events_total${RATE}))`, legend: '{{group}} {{outcome}}' }],
    },
    {
      title: 'Consumer failures',
      description: 'Failed attempts to apply a chunk per second (retried; order is kept).',
      unit: 'ops',
      targets: [{ expr: `sum by (group, topic) (rate(kafka_consumer_failures_total${RATE}))`, legend: '{{group}} {{topic}}' }],
    },
    {
      title: 'Consumers in their group',
      description: 'Consumers that are members of their group.',
      unit: 'short',
      targets: [{ expr: 'sum by (group) (kafka_consumer_group_member)', legend: '{{group}}' }],
    },
  ];
}

export const DASHBOARD_SERVICES = subgraphNames;

/** The rows: title and panels. */
function rows(): [string, Panel[]][] {
  return [
    ['Gateway', gatewayPanels()],
    ...DASHBOARD_SERVICES.map((service): [string, Panel[]] => [
      `Service: ${service}`,
      [...requestPanels(service), ...databasePanels(service, true), ...processPanels(service)],
    ]),
    ['Service: analytics (reference consumer)', [...databasePanels('analytics', false), ...processPanels('analytics')]],
    ['Events: outbox, relay, Kafka consumers', eventPanels()],
  ];
}

const datasource = { type: 'prometheus', uid: '${datasource}' };

function grafanaPanel(panel: Panel, id: number, x: number, y: number) {
  return {
    id,
    type: panel.stat ? 'stat' : 'timeseries',
    title: panel.title,
    description: panel.description,
    datasource,
    gridPos: { h: 7, w: 6, x, y },
    fieldConfig: {
      defaults: {
        unit: panel.unit,
        ...(panel.stat
          ? {
              mappings: [],
              thresholds: {
                mode: 'absolute',
                steps: [
                  { color: 'red', value: null },
                  { color: 'green', value: 1 },
                ],
              },
            }
          : {}),
      },
      overrides: [],
    },
    options: panel.stat
      ? { reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false }, colorMode: 'background' }
      : { legend: { displayMode: 'list', placement: 'bottom', showLegend: true }, tooltip: { mode: 'multi', sort: 'desc' } },
    targets: panel.targets.map((t, i) => ({ refId: String.fromCharCode(65 + i), datasource, expr: t.expr, legendFormat: t.legend })),
  };
}

/** The dashboard as Grafana's JSON model (schemaVersion 39), with a Prometheus data source variable. */
export function buildDashboard() {
  const panels: object[] = [];
  let id = 1;
  let y = 0;
  for (const [title, row] of rows()) {
    panels.push({ id: id++, type: 'row', title, collapsed: false, gridPos: { h: 1, w: 24, x: 0, y }, panels: [] });
    y += 1;
    row.forEach((panel, i) => {
      panels.push(grafanaPanel(panel, id++, (i % 4) * 6, y + Math.floor(i / 4) * 7));
    });
    y += Math.ceil(row.length / 4) * 7;
  }
  return {
    uid: 'cpb-overview',
    title: 'cpb: gateway, services and events',
    description:
      'Community Party-building graph: one row per service, one for the outbox, relay and Kafka consumers (docs/operations.md#observability).',
    tags: ['cpb'],
    timezone: 'browser',
    schemaVersion: 39,
    version: 1,
    editable: true,
    refresh: '30s',
    time: { from: 'now-3h', to: 'now' },
    templating: { list: [{ name: 'datasource', label: 'Prometheus', type: 'datasource', query: 'prometheus', current: {}, hide: 0 }] },
    annotations: { list: [] },
    panels,
  };
}

/** Every PromQL expression of the dashboard (checked against the metrics the code registers). */
export function dashboardExpressions(dashboard: ReturnType<typeof buildDashboard>): string[] {
  return dashboard.panels.flatMap((p) => ((p as { targets?: { expr: string }[] }).targets ?? []).map((t) => t.expr));
}
