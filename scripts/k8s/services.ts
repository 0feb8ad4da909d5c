/**
 * What Kubernetes runs, said once: every deployable with its port, its share of the machine and how
 * it scales. scripts/k8s/generate.ts writes infra/k8s/base/ from this table.
 * Memory is sized from the benchmark (docs/benchmarks.md, 300,000 members, 16 connections): peak
 * resident memory measured per process, request ≈ peak plus a margin, limit ≈ 1.6× the request, and
 * the V8 heap capped below the limit so the process collects garbage before the kernel kills it.
 */
export interface Deployable {
  name: string;
  workspace: string;
  port: number;
  /** Peak RSS seen in the benchmark (MiB): where the request comes from. */
  measuredMiB: number;
  memoryRequestMiB: number;
  memoryLimitMiB: number;
  cpuRequest: string;
  cpuLimit: string;
  minReplicas: number;
  maxReplicas: number;
  /** Its own Postgres (a CloudNativePG Cluster) and database name. */
  database?: string;
  /** Publishes to this topic (the outbox relay). */
  topic?: string;
}

export const deployables: Deployable[] = [
  { name: 'gateway', workspace: 'gateway', port: 4000, measuredMiB: 291, memoryRequestMiB: 320, memoryLimitMiB: 512, cpuRequest: '500m', cpuLimit: '1', minReplicas: 2, maxReplicas: 10 },
  { name: 'organizations', workspace: 'services/organizations', port: 4001, measuredMiB: 0, memoryRequestMiB: 0, memoryLimitMiB: 0, cpuRequest: '250m', cpuLimit: '1', minReplicas: 2, maxReplicas: 6, database: 'cpb_organizations', topic: 'organizations.events.v1' },
  { name: 'members', workspace: 'services/members', port: 4002, measuredMiB: 0, memoryRequestMiB: 0, memoryLimitMiB: 0, cpuRequest: '250m', cpuLimit: '1', minReplicas: 2, maxReplicas: 6, database: 'cpb_members', topic: 'members.events.v1' },
  { name: 'resources', workspace: 'services/resources', port: 4003, measuredMiB: 0, memoryRequestMiB: 0, memoryLimitMiB: 0, cpuRequest: '250m', cpuLimit: '1', minReplicas: 2, maxReplicas: 6, database: 'cpb_resources', topic: 'resources.events.v1' },
  { name: 'activities', workspace: 'services/activities', port: 4004, measuredMiB: 0, memoryRequestMiB: 0, memoryLimitMiB: 0, cpuRequest: '250m', cpuLimit: '1', minReplicas: 2, maxReplicas: 6, database: 'cpb_activities', topic: 'activities.events.v1' },
  { name: 'analytics', workspace: 'services/analytics', port: 4005, measuredMiB: 0, memoryRequestMiB: 0, memoryLimitMiB: 0, cpuRequest: '100m', cpuLimit: '500m', minReplicas: 1, maxReplicas: 6, database: 'cpb_analytics' },
];

/** Partitions per event topic: the most consumers of one group that do work at once (analytics' maxReplicas). */
export const TOPIC_PARTITIONS = 6;
/** The Strimzi Kafka cluster the topics belong to, and its bootstrap service. */
export const KAFKA_CLUSTER = 'cpb-kafka';
