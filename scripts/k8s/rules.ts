/** This project's rules for what Kubernetes runs, checked on rendered overlays (scripts/k8s/check.ts). */
import { subgraphNames } from '@cpb/subgraphs';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown> & { [key: string]: unknown };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

interface Probe {
  httpGet?: { path?: string };
}
interface Container {
  name: string;
  env?: { name: string }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  securityContext?: {
    runAsNonRoot?: boolean;
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    capabilities?: { drop?: string[] };
  };
}
interface PodSpec {
  containers: Container[];
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  topologySpreadConstraints?: unknown[];
  terminationGracePeriodSeconds?: number;
}

/** Secrets created outside the overlay: by the cluster's operators (cpb-secrets in prod, cpb-database-urls) or by CloudNativePG (<cluster>-app). */
const EXTERNAL_SECRETS = /^(cpb-secrets|cpb-database-urls|.+-db-app)$/;
/** The keys the cpb-secrets Secret must hold in any environment (docs/operations.md). */
export const REQUIRED_SECRET_KEYS = [...subgraphNames.map((n) => `${n.toUpperCase()}_SECRET`), 'JWT_SECRET'];
/** README settings that a cluster leaves unset on purpose. */
const NOT_IN_CLUSTER: Record<string, string> = {
  EMBEDDED_DATA_DIR: 'embedded PGlite only',
  JWKS_URL: 'the alternative to JWT_SECRET, set when the identity provider publishes a JWKS',
  REDIS_URL: "set with RESPONSE_CACHE_ENTRIES when a Redis runs for the gateways' shared response cache (off in these manifests)",
  OTEL_EXPORTER_OTLP_ENDPOINT: 'set when a collector runs: it turns tracing on',
  OTEL_TRACES_EXPORTER: 'otlp by default once an endpoint is set',
  KAFKA_TOPIC_RETENTION_MS: "docker-compose's kafka-init only: here the KafkaTopic resources state retention",
  OUTBOX_RELAY_BATCH_SIZE: 'its default (500) suits a cluster; the fault suite makes it small',
  IMPORT_SLICE_ROWS: 'its default (2,000) suits a cluster; a test makes it small to import in several slices',
  ENTITY_FETCH_BATCHING: 'on by default; off only to compare plans (docs/decisions/0024)',
  SUBGRAPH_SHARE_INFLIGHT: 'on by default; off only to measure what sharing saves (docs/benchmarks.md)',
  ...Object.fromEntries(
    subgraphNames.map((n) => [`${n.toUpperCase()}_SECRET_PREVIOUS`, 'added to cpb-secrets during a key rotation only']),
  ),
};

/** The variable names in the README's configuration table (first column). */
export function readmeSettings(readme: string): string[] {
  const section = readme.slice(readme.indexOf('## Configuration'));
  const table = section.slice(0, section.indexOf('\n## ') > 0 ? section.indexOf('\n## ') : undefined);
  return [
    ...new Set(
      table
        .split('\n')
        .filter((l) => l.startsWith('| `'))
        .flatMap((line) => [...line.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1])),
    ),
  ];
}

export function workloadProblems(objects: K8sObject[], readme: string): string[] {
  const problems: string[] = [];
  const byKind = (kind: string) => objects.filter((o) => o.kind === kind);
  const configMaps = new Map(byKind('ConfigMap').map((o) => [o.metadata.name, o]));
  const secrets = new Map(byKind('Secret').map((o) => [o.metadata.name, o]));
  const provided = new Set<string>();

  for (const deployment of byKind('Deployment')) {
    const name = deployment.metadata.name;
    const template = deployment.spec!.template as { metadata: { labels: Record<string, string> }; spec: PodSpec };
    const pod = template.spec;
    const podLabels = template.metadata.labels;
    const selects = (selector?: { matchLabels?: Record<string, string> }) =>
      !!selector?.matchLabels && Object.entries(selector.matchLabels).every(([k, v]) => podLabels[k] === v);
    if (!byKind('PodDisruptionBudget').some((pdb) => selects(pdb.spec!.selector as { matchLabels?: Record<string, string> })))
      problems.push(`Deployment/${name}: no PodDisruptionBudget selects its pods`);
    const scaled =
      byKind('HorizontalPodAutoscaler').some((h) => (h.spec!.scaleTargetRef as { name: string }).name === name) ||
      byKind('ScaledObject').some((s) => (s.spec!.scaleTargetRef as { name: string }).name === name);
    if (!scaled) problems.push(`Deployment/${name}: no HorizontalPodAutoscaler or ScaledObject scales it`);
    if (!pod.topologySpreadConstraints?.length)
      problems.push(`Deployment/${name}: pods are not spread across nodes (topologySpreadConstraints)`);
    if (!pod.terminationGracePeriodSeconds || pod.terminationGracePeriodSeconds < 15)
      problems.push(`Deployment/${name}: terminationGracePeriodSeconds leaves no time to drain`);
    for (const container of pod.containers) {
      const id = `Deployment/${name} container ${container.name}`;
      if (container.startupProbe?.httpGet?.path !== '/health') problems.push(`${id}: startupProbe must GET /health`);
      if (container.livenessProbe?.httpGet?.path !== '/health') problems.push(`${id}: livenessProbe must GET /health`);
      if (container.readinessProbe?.httpGet?.path !== '/ready') problems.push(`${id}: readinessProbe must GET /ready`);
      for (const kind of ['requests', 'limits'] as const)
        for (const resource of ['cpu', 'memory'])
          if (!container.resources?.[kind]?.[resource]) problems.push(`${id}: no ${resource} ${kind.slice(0, -1)}`);
      const security = container.securityContext ?? {};
      if (!(security.runAsNonRoot ?? pod.securityContext?.runAsNonRoot)) problems.push(`${id}: must run as non-root (runAsNonRoot)`);
      if (security.allowPrivilegeEscalation !== false) problems.push(`${id}: allowPrivilegeEscalation must be false`);
      if (security.readOnlyRootFilesystem !== true) problems.push(`${id}: readOnlyRootFilesystem must be true`);
      if (!security.capabilities?.drop?.includes('ALL')) problems.push(`${id}: must drop all capabilities`);
      for (const env of container.env ?? []) {
        provided.add(env.name);
        const ref = (env as { valueFrom?: { secretKeyRef?: { name: string } } }).valueFrom?.secretKeyRef;
        if (ref && !secrets.has(ref.name) && !EXTERNAL_SECRETS.test(ref.name))
          problems.push(`${id}: ${env.name} reads Secret ${ref.name}, which is neither in the overlay nor created outside it`);
      }
      for (const source of container.envFrom ?? []) {
        if (source.configMapRef) {
          const map = configMaps.get(source.configMapRef.name);
          if (!map) problems.push(`${id}: ConfigMap ${source.configMapRef.name} is not in the overlay`);
          for (const key of Object.keys(map?.data ?? {})) provided.add(key);
        }
        if (source.secretRef) {
          const secret = secrets.get(source.secretRef.name);
          if (!secret && !EXTERNAL_SECRETS.test(source.secretRef.name))
            problems.push(`${id}: Secret ${source.secretRef.name} is neither in the overlay nor created outside it`);
          const keys = secret ? Object.keys({ ...secret.data, ...secret.stringData }) : REQUIRED_SECRET_KEYS;
          if (secret)
            for (const key of REQUIRED_SECRET_KEYS.filter((k) => !keys.includes(k)))
              problems.push(`Secret/${secret.metadata.name}: no ${key}`);
          for (const key of keys) provided.add(key);
        }
      }
    }
  }
  for (const setting of readmeSettings(readme)) {
    if (!provided.has(setting) && !NOT_IN_CLUSTER[setting])
      problems.push(`README setting ${setting} reaches no container (ConfigMap, Secret or env)`);
  }
  return problems;
}
