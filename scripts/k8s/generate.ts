/**
 * Writes infra/k8s/base/ from scripts/k8s/services.ts (`npm run k8s:generate`); `npm run k8s:check`
 * fails when the committed files are stale. Overlays (infra/k8s/overlays/) are written by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { subgraphs } from '@cpb/subgraphs';
import { deployables, KAFKA_CLUSTER, memoryLimitMiB, memoryRequestMiB, TOPIC_PARTITIONS, type Deployable } from './services';

export const baseDir = join(__dirname, '..', '..', 'infra', 'k8s', 'base');
const supergraphSource = join(__dirname, '..', '..', 'schemas', 'supergraph.graphql');
const PART_OF = 'cpb';
const IMAGE_REGISTRY = 'registry.example.com/cpb';

const labels = (d: Deployable) => ({ 'app.kubernetes.io/name': d.name, 'app.kubernetes.io/part-of': PART_OF });
const selector = (d: Deployable) => ({ 'app.kubernetes.io/name': d.name });
const databaseCluster = (d: Deployable) => `${d.name}-db`;

/**
 * The settings every process reads (README "Configuration"), as the env file of the cpb-config
 * ConfigMap; secrets are in the Secret cpb-secrets. Generated with a content hash in its name, so a
 * change of a setting rolls the Deployments that read it.
 */
function settings(): Record<string, string> {
  const urls = Object.fromEntries(subgraphs.map((s) => [s.urlVariable, `http://${s.name}:${s.port}/graphql`]));
  return {
    NODE_ENV: 'production',
    HOST: '0.0.0.0',
    LOG_LEVEL: 'info',
    // Longer than the readiness probe needs to see the 503 (periodSeconds 2 × failureThreshold 2, plus its 2 s timeout) and the endpoints to follow.
    SHUTDOWN_DELAY_MS: '10000',
    ...urls,
    PEER_TIMEOUT_MS: '3000',
    TIME_ZONE: 'Asia/Shanghai',
    DATABASE_POOL_MAX: '10',
    SEED_DEMO: 'false',
    KAFKA_BROKERS: `${KAFKA_CLUSTER}-kafka-bootstrap:9092`,
    KAFKA_IDEMPOTENT: 'true',
    KAFKA_GROUP_ID: 'cpb-analytics',
    READ_MODEL_TIME_ZONE: 'Asia/Shanghai',
    APOLLO_TELEMETRY_DISABLED: '1',
    SUPERGRAPH_PATH: '/etc/cpb/supergraph/supergraph.graphql',
    SUPERGRAPH_POLL_MS: '5000',
    JWT_ISSUER: 'cpb-identity',
    JWT_AUDIENCE: 'cpb-gateway',
    MAX_DEPTH: '10',
    MAX_ALIASES: '15',
    MAX_COST: '50000',
    MAX_TOKENS: '2000',
    MAX_BODY: '100kb',
    SUBGRAPH_TIMEOUT_MS: '10000',
    SUBGRAPH_MAX_SOCKETS: '64',
    QUERY_PLAN_CACHE_MIB: '30',
    GATEWAY_WORKERS: '1',
    RESPONSE_CACHE_ENTRIES: '0',
    REDIS_KEY_PREFIX: 'cpb:gateway:',
    JWT_MAX_LIFETIME_SECONDS: '43200',
    // Production runs only the dashboards' registered operations, except for the ad-hoc roles.
    TRUSTED_DOCUMENTS: 'enforce',
    TRUSTED_DOCUMENTS_PATH: '/app/schemas/trusted-documents.json',
    AD_HOC_ROLES: 'DISTRICT_ADMIN,ANALYST',
    DASHBOARD_DIR: '/app/services/dashboard/dist',
    GRAPHIQL: 'true',
    // Tracing stays off until OTEL_EXPORTER_OTLP_ENDPOINT names a collector; then a tenth of requests is traced.
    OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
    OTEL_TRACES_SAMPLER_ARG: '0.1',
    OUTBOX_ARCHIVE_DAYS: '1826',
  };
}

function deployment(d: Deployable): object {
  const probe = (path: string, extra: object) => ({ httpGet: { path, port: 'http' }, timeoutSeconds: 2, ...extra });
  const env: object[] = [
    { name: 'PORT', value: String(d.port) },
    // V8's heap below the container limit, so it collects before the kernel kills it.
    { name: 'NODE_OPTIONS', value: `--max-old-space-size=${Math.floor(memoryLimitMiB(d) * 0.75)}` },
  ];
  if (d.database) env.push({ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: `${databaseCluster(d)}-app`, key: 'uri' } } });
  const volumes: object[] = [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }];
  const mounts: object[] = [{ name: 'tmp', mountPath: '/tmp' }];
  if (d.name === 'gateway') {
    // A directory mount (never subPath): the kubelet swaps the file in place and the gateway picks it up.
    volumes.push({ name: 'supergraph', configMap: { name: 'cpb-supergraph' } });
    mounts.push({ name: 'supergraph', mountPath: '/etc/cpb/supergraph', readOnly: true });
  }
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: d.name, labels: labels(d) },
    spec: {
      replicas: d.minReplicas,
      revisionHistoryLimit: 5,
      selector: { matchLabels: selector(d) },
      // A new pod is ready before an old one drains: a rolling update never runs short.
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: { labels: labels(d) },
        spec: {
          automountServiceAccountToken: false,
          // SHUTDOWN_DELAY_MS (10 s of /ready 503) + draining in-flight requests (SUBGRAPH_TIMEOUT_MS 10 s) + margin.
          terminationGracePeriodSeconds: 40,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 1000,
            runAsGroup: 1000,
            fsGroup: 1000,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'kubernetes.io/hostname',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: selector(d) },
            },
            {
              maxSkew: 1,
              topologyKey: 'topology.kubernetes.io/zone',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: selector(d) },
            },
          ],
          containers: [
            {
              name: d.name,
              image: `${IMAGE_REGISTRY}/${d.name}:latest`,
              imagePullPolicy: 'IfNotPresent',
              ports: [{ name: 'http', containerPort: d.port, protocol: 'TCP' }],
              envFrom: [{ configMapRef: { name: 'cpb-config' } }, { secretRef: { name: 'cpb-secrets' } }],
              env,
              resources: {
                requests: { cpu: d.cpuRequest, memory: `${memoryRequestMiB(d)}Mi` },
                limits: { cpu: d.cpuLimit, memory: `${memoryLimitMiB(d)}Mi` },
              },
              // Listening means migrations are applied (they run before the server starts): up to 5 minutes.
              startupProbe: probe('/health', { periodSeconds: 5, failureThreshold: 60 }),
              livenessProbe: probe('/health', { periodSeconds: 10, failureThreshold: 3 }),
              // Two misses in a row, not one: a single slow answer on a busy node must not take a pod out.
              readinessProbe: probe('/ready', { periodSeconds: 2, failureThreshold: 2, successThreshold: 1 }),
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
                capabilities: { drop: ['ALL'] },
              },
              volumeMounts: mounts,
            },
          ],
          volumes,
        },
      },
    },
  };
}

function service(d: Deployable): object {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: d.name, labels: labels(d) },
    spec: { selector: selector(d), ports: [{ name: 'http', port: d.port, targetPort: 'http', protocol: 'TCP' }] },
  };
}

function disruptionBudget(d: Deployable): object {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: d.name, labels: labels(d) },
    spec: { maxUnavailable: 1, selector: { matchLabels: selector(d) } },
  };
}

/** Request-serving processes scale on CPU (the gateway plans and merges; subgraphs wait on Postgres less than they compute JSON). */
function cpuAutoscaler(d: Deployable): object {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: d.name, labels: labels(d) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: d.name },
      minReplicas: d.minReplicas,
      maxReplicas: d.maxReplicas,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      // Scale up at once for a citywide activity's rush; scale down slowly.
      behavior: { scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } },
    },
  };
}

/**
 * Analytics scales on what it is behind on: its consumer group's lag (KEDA), up to one consumer per
 * partition; CPU as well, for its HTTP read-model API.
 */
function lagAutoscaler(d: Deployable): object {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name: d.name, labels: labels(d) },
    spec: {
      scaleTargetRef: { name: d.name },
      minReplicaCount: d.minReplicas,
      maxReplicaCount: Math.min(d.maxReplicas, TOPIC_PARTITIONS),
      pollingInterval: 15,
      cooldownPeriod: 300,
      triggers: [
        {
          type: 'kafka',
          metadata: {
            bootstrapServers: `${KAFKA_CLUSTER}-kafka-bootstrap:9092`,
            consumerGroup: 'cpb-analytics',
            lagThreshold: '1000',
            activationLagThreshold: '10',
            allowIdleConsumers: 'false',
            offsetResetPolicy: 'earliest',
          },
        },
        { type: 'cpu', metricType: 'Utilization', metadata: { value: '70' } },
      ],
    },
  };
}

/** 400 days: a consumer joining within a year (and a month) replays from the topic (docs/events.md, "Replay"). */
const TOPIC_RETENTION_MS = 400 * 24 * 3600 * 1000;

/**
 * One topic per producing service, and its replay topic (`npm run events:republish` writes history older
 * than the topics keep there, from the outbox archive). Replication 3 with min.insync.replicas 2 survives
 * a broker loss without losing an acknowledged event (producers use acks=all).
 */
function topics(): object[] {
  return deployables
    .filter((d) => d.topic)
    .flatMap((d) => [d.topic!, `${d.topic}.replay`])
    .map((topic) => ({
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaTopic',
      metadata: { name: topic, labels: { 'strimzi.io/cluster': KAFKA_CLUSTER, 'app.kubernetes.io/part-of': PART_OF } },
      spec: {
        partitions: TOPIC_PARTITIONS,
        replicas: 3,
        config: {
          'min.insync.replicas': 2,
          'retention.ms': TOPIC_RETENTION_MS,
          'retention.bytes': -1,
          'cleanup.policy': 'delete',
          'max.message.bytes': 1048576,
        },
      },
    }));
}

/** Each service's own Postgres: a primary and two standbys on different nodes, the app user owning the database. */
function databases(): object[] {
  return deployables
    .filter((d) => d.database)
    .map((d) => ({
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      metadata: {
        name: databaseCluster(d),
        labels: { 'app.kubernetes.io/name': databaseCluster(d), 'app.kubernetes.io/part-of': PART_OF },
      },
      spec: {
        instances: 3,
        primaryUpdateStrategy: 'unsupervised',
        bootstrap: { initdb: { database: d.database, owner: d.database } },
        storage: { size: d.name === 'members' || d.name === 'activities' ? '20Gi' : '10Gi' },
        resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '1Gi' } },
        affinity: { enablePodAntiAffinity: true, topologyKey: 'kubernetes.io/hostname', podAntiAffinityType: 'preferred' },
        postgresql: { parameters: { max_connections: '200' } },
      },
    }));
}

function kustomization(files: string[]): object {
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    labels: [{ pairs: { 'app.kubernetes.io/part-of': PART_OF } }],
    resources: files,
    // Updated in place (no hash suffix), so the gateway swaps schemas without a rollout (SUPERGRAPH_POLL_MS).
    configMapGenerator: [
      { name: 'cpb-config', envs: ['config.env'] },
      { name: 'cpb-supergraph', files: ['supergraph.graphql'], options: { disableNameSuffixHash: true } },
    ],
  };
}

const header = '# Generated by `npm run k8s:generate` from scripts/k8s/services.ts: edit that, not this file.\n';
const documents = (objects: object[]) => header + objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n');

/** Every file of infra/k8s/base/, by name. */
export function baseFiles(): Record<string, string> {
  const files: Record<string, string> = {
    'kafka-topics.yaml': documents(topics()),
    'databases.yaml': documents(databases()),
  };
  for (const d of deployables) {
    files[`${d.name}.yaml`] = documents([
      deployment(d),
      service(d),
      d.name === 'analytics' ? lagAutoscaler(d) : cpuAutoscaler(d),
      disruptionBudget(d),
    ]);
  }
  files['kustomization.yaml'] = documents([kustomization(Object.keys(files))]);
  files['config.env'] = `${header}${Object.entries(settings())
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')}\n`;
  files['supergraph.graphql'] = readFileSync(supergraphSource, 'utf8');
  return files;
}

if (require.main === module) {
  for (const [name, text] of Object.entries(baseFiles())) writeFileSync(join(baseDir, name), text);
  console.log(`wrote ${baseDir}`);
}
