/**
 * infra/observability (issue 14): the alerting rules pass promtool and its unit tests, the dashboard and
 * the rules name only metrics the code registers, the generated files are current, and the Kustomize
 * component renders a PodMonitor per service and the rules.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { parseAllDocuments } from 'yaml';
import { consumerMetrics, createHttpApp, createMetrics, observeConnectionPool, observeOutbox, relayMetrics } from '@cpb/kit';
import { gatewayMetrics } from '../gateway/src/gateway-metrics';
import { ALERTS_FILE, OBSERVABILITY_DIR, generatedFiles } from '../scripts/observability/build';
import { buildDashboard, dashboardExpressions, DASHBOARD_SERVICES } from '../scripts/observability/dashboard';

const available = (command: string) => spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
const promtool = available('promtool');
const kubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;

/** Every series name the services, the gateway, the relay and consumers expose (histograms as their three series). */
function exposedMetricNames(): Set<string> {
  const metrics = createMetrics('any', true);
  const { registry } = metrics;
  const dataSource = { driver: {}, query: async () => [] } as unknown as DataSource;
  createHttpApp(async () => true, metrics);
  gatewayMetrics(metrics);
  observeConnectionPool(registry, dataSource);
  observeOutbox(registry, dataSource, pino({ level: 'silent' }));
  relayMetrics(registry, 'x.events.v1');
  consumerMetrics(registry, 'group', ['x.events.v1']);
  const names = new Set(['up']); // Prometheus's own, per target
  for (const metric of registry.getMetricsAsArray()) {
    const { name, type } = metric as unknown as { name: string; type: string };
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${name}${suffix}`);
    else names.add(name);
  }
  return names;
}

const PROMQL_WORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'and',
  'or',
  'unless',
  'bool',
  'offset',
  'inf',
  'nan',
]);

/** The metric names a PromQL expression reads (strings, label matchers, ranges, groupings and functions removed). */
function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  return [...bare.matchAll(/([a-zA-Z_:][\w:]*)(\s*\()?/g)]
    .filter((m) => !m[2] && !PROMQL_WORDS.has(m[1].toLowerCase()) && !/^\d/.test(m[1]))
    .map((m) => m[1]);
}

function alertExpressions(): string[] {
  const rules = (parseAllDocuments(readFileSync(ALERTS_FILE, 'utf8'))[0].toJS() as { groups: { rules: { expr: string }[] }[] }).groups;
  return rules.flatMap((g) => g.rules.map((r) => r.expr));
}

describe('alerting rules', () => {
  if (promtool) {
    it('pass promtool check rules', () => {
      expect(execFileSync('promtool', ['check', 'rules', ALERTS_FILE], { encoding: 'utf8' })).toContain('SUCCESS: 12 rules found');
    });
    it('fire on the situations they name and stay quiet otherwise (promtool test rules)', () => {
      const result = spawnSync('promtool', ['test', 'rules', join(OBSERVABILITY_DIR, 'prometheus', 'alerts.test.yml')], {
        encoding: 'utf8',
      });
      expect({ status: result.status, output: result.stdout + result.stderr }).toEqual({
        status: 0,
        output: expect.stringContaining('SUCCESS'),
      });
    });
  } else {
    it.skip('SKIPPED: promtool is not installed (Debian package prometheus), so the rules were not checked', () => undefined);
  }
});

describe('metric names', () => {
  const exposed = exposedMetricNames();

  it('finds the metric names in an expression, and only those', () => {
    expect(
      metricNamesIn(
        'sum by (service) (rate(graphql_errors_total{code=~"A|B"}[5m])) / sum by (service) (rate(graphql_request_duration_seconds_count[$__rate_interval])) > 0.05',
      ),
    ).toEqual(['graphql_errors_total', 'graphql_request_duration_seconds_count']);
    expect(metricNamesIn('histogram_quantile(0.99, sum by (le) (rate(x_bucket{service="gateway"}[5m]))) > 1 or up == 0')).toEqual([
      'x_bucket',
      'up',
    ]);
  });

  it.each([
    ['the dashboard', () => dashboardExpressions(buildDashboard())],
    ['the alerting rules', alertExpressions],
  ])('%s reads only metrics the code exposes', (_, expressions) => {
    const unknown = expressions()
      .flatMap(metricNamesIn)
      .filter((name) => !exposed.has(name));
    expect(unknown).toEqual([]);
    expect(expressions().length).toBeGreaterThan(10);
  });
});

describe('generated files', () => {
  it('are current (npm run observability)', () => {
    for (const [file, content] of Object.entries(generatedFiles()))
      expect({ file, current: readFileSync(file, 'utf8') === content }).toEqual({ file, current: true });
  });

  it('give the gateway, each service and the events a row of their own', () => {
    const rows = buildDashboard()
      .panels.filter((p) => (p as { type: string }).type === 'row')
      .map((p) => (p as { title: string }).title);
    expect(rows).toEqual([
      'Gateway',
      ...DASHBOARD_SERVICES.map((s) => `Service: ${s}`),
      'Service: analytics (reference consumer)',
      'Events: outbox, relay, Kafka consumers',
    ]);
  });
});

describe('the Kustomize component', () => {
  if (!kubectl) {
    it.skip('SKIPPED: kubectl is not installed, so the component was not rendered', () => undefined);
    return;
  }
  it('renders a PodMonitor per service and the alerting rules into an overlay that includes it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kustomize-'));
    mkdirSync(join(dir, 'overlay'));
    writeFileSync(
      join(dir, 'overlay', 'kustomization.yaml'),
      `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: cpb\ncomponents:\n  - ${relative(join(dir, 'overlay'), join(OBSERVABILITY_DIR, 'k8s'))}\n`,
    );
    const rendered = parseAllDocuments(execFileSync('kubectl', ['kustomize', join(dir, 'overlay')], { encoding: 'utf8' })).map(
      (d) =>
        d.toJS() as {
          kind: string;
          metadata: { name: string; namespace: string };
          spec: { selector?: { matchLabels: Record<string, string> }; groups?: unknown[] };
        },
    );
    const monitors = rendered.filter((r) => r.kind === 'PodMonitor');
    expect(monitors.map((m) => m.spec.selector!.matchLabels['app.kubernetes.io/name']).sort()).toEqual([
      'activities',
      'analytics',
      'gateway',
      'members',
      'organizations',
      'resources',
    ]);
    const rule = rendered.find((r) => r.kind === 'PrometheusRule')!;
    expect(rule.metadata).toMatchObject({ name: 'cpb-alerts', namespace: 'cpb' });
    expect(rule.spec.groups).toEqual((parseAllDocuments(readFileSync(ALERTS_FILE, 'utf8'))[0].toJS() as { groups: unknown[] }).groups);
  });
});
