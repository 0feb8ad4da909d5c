/**
 * The Kubernetes manifests: both overlays render with kubectl kustomize, every object validates
 * against its API schema, and the rules hold (probes, requests and limits, non-root, read-only root,
 * disruption budgets, autoscalers, spread, every README setting delivered); a manifest that breaks
 * them is caught.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

interface Report {
  stale: string[];
  reports: { overlay: string; objects: string[]; problems: string[] }[];
}

const root = join(__dirname, '..');
/** check.mts is an ES module (the kubernetes-models packages are), so it runs in its own process. */
function check(...overlays: string[]): Report {
  const args = ['--import', 'tsx', join(root, 'scripts', 'k8s', 'check.mts'), '--json', ...overlays.flatMap((o) => ['--overlay', o])];
  try {
    return JSON.parse(execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })) as Report;
  } catch (error) {
    const stdout = (error as { stdout?: string }).stdout;
    if (stdout) return JSON.parse(stdout) as Report;
    throw error;
  }
}

const count = (objects: string[], kind: string) => objects.filter((o) => o.startsWith(`${kind}/`)).length;

describe('infra/k8s', () => {
  it('renders both overlays into schema-valid objects that keep every rule, from an up-to-date base', () => {
    const { stale, reports } = check();
    expect(stale).toEqual([]);
    expect(reports.map((r) => r.overlay)).toEqual(['infra/k8s/overlays/dev', 'infra/k8s/overlays/prod']);
    for (const report of reports) {
      expect({ overlay: report.overlay, problems: report.problems }).toEqual({ overlay: report.overlay, problems: [] });
      expect({
        Deployment: count(report.objects, 'Deployment'),
        Service: count(report.objects, 'Service'),
        HorizontalPodAutoscaler: count(report.objects, 'HorizontalPodAutoscaler'),
        ScaledObject: count(report.objects, 'ScaledObject'),
        PodDisruptionBudget: count(report.objects, 'PodDisruptionBudget'),
        KafkaTopic: count(report.objects, 'KafkaTopic'),
        Cluster: count(report.objects, 'Cluster'),
      }).toEqual({
        Deployment: 6,
        Service: 6,
        HorizontalPodAutoscaler: 5,
        ScaledObject: 1,
        PodDisruptionBudget: 6,
        KafkaTopic: 8,
        Cluster: 5,
      });
    }
  });

  it('swaps CloudNativePG for an external server with the external-postgres component', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpb-k8s-'));
    try {
      const overlay = relative(dir, join(root, 'infra', 'k8s', 'overlays', 'prod'));
      const component = relative(dir, join(root, 'infra', 'k8s', 'components', 'external-postgres'));
      writeFileSync(
        join(dir, 'kustomization.yaml'),
        `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ${overlay}\ncomponents:\n  - ${component}\n`,
      );
      const [report] = check(dir).reports;
      expect(report.problems).toEqual([]);
      expect(count(report.objects, 'Cluster')).toBe(0);
      const rendered = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
      for (const service of ['organizations', 'members', 'resources', 'activities', 'analytics'])
        expect(rendered).toContain(`key: ${service}\n              name: cpb-database-urls`);
      expect(rendered).not.toContain('-db-app');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('catches an overlay that breaks the rules or the schemas', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpb-k8s-'));
    try {
      writeFileSync(
        join(dir, 'kustomization.yaml'),
        `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ${relative(dir, join(root, 'infra', 'k8s', 'overlays', 'dev'))}
patches:
  - target: { kind: Deployment, name: gateway }
    patch: |-
      - op: remove
        path: /spec/template/spec/containers/0/readinessProbe
      - op: remove
        path: /spec/template/spec/containers/0/resources/limits
      - op: replace
        path: /spec/template/spec/containers/0/securityContext/readOnlyRootFilesystem
        value: false
      - op: replace
        path: /spec/replicas
        value: two
  - target: { kind: KafkaTopic, name: members.events.v1 }
    patch: |-
      - op: add
        path: /spec/partitons
        value: 12
  - target: { kind: Cluster, name: members-db }
    patch: |-
      - op: replace
        path: /spec/instances
        value: 0
`,
      );
      const [report] = check(dir).reports;
      const about = (prefix: string) => report.problems.filter((p) => p.startsWith(prefix));
      expect(about('Deployment/gateway container gateway')).toEqual([
        'Deployment/gateway container gateway: readinessProbe must GET /ready',
        'Deployment/gateway container gateway: no cpu limit',
        'Deployment/gateway container gateway: no memory limit',
        'Deployment/gateway container gateway: readOnlyRootFilesystem must be true',
      ]);
      expect(about('Deployment/gateway:').join('\n')).toMatch(/replicas/);
      expect(about('KafkaTopic/members.events.v1:').join('\n')).toMatch(/additional properties/);
      expect(about('Cluster/members-db:').join('\n')).toMatch(/instances must be >= 1/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
