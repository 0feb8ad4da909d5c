/**
 * What Kubernetes runs, said once: every deployable with its port, its share of the machine and how
 * it scales. scripts/k8s/generate.ts writes infra/k8s/base/ from this table.
 * Memory is sized from the benchmark (`npm run bench`, 300,000 members, 16 connections, 2026-12-01):
 * the peak resident memory of each process, request = peak + 25 %, limit = request × 1.5 (both
 * rounded up to 64 MiB), and the V8 heap capped at 75 % of the limit (generate.ts) so the process
 * collects garbage before the kernel kills it.
 */
import { subgraphs } from '@cpb/subgraphs';

export interface Deployable {
  name: string;
  workspace: string;
  port: number;
  /** Peak RSS measured (MiB): where the memory request and limit come from. */
  measuredMiB: number;
  cpuRequest: string;
  cpuLimit: string;
  minReplicas: number;
  maxReplicas: number;
  /** Its own Postgres (a CloudNativePG Cluster) and database name. */
  database?: string;
  /** Publishes to this topic (the outbox relay). */
  topic?: string;
}

/** Peak RSS (MiB) of each subgraph in the benchmark; a subgraph not measured yet has no memory to size from. */
const measuredSubgraphMiB: Record<string, number> = { organizations: 205, members: 190, resources: 183, activities: 173 };

/** A subgraph of the list (@cpb/subgraphs), sized alike: its own database and topic. */
const subgraphDeployable = (s: (typeof subgraphs)[number]): Deployable => {
  const measuredMiB = measuredSubgraphMiB[s.name];
  if (measuredMiB === undefined)
    throw new Error(`scripts/k8s/services.ts: measure ${s.name}'s peak memory (npm run bench) before sizing its pods`);
  return {
    name: s.name,
    workspace: `services/${s.name}`,
    port: s.port,
    measuredMiB,
    cpuRequest: '250m',
    cpuLimit: '1',
    minReplicas: 2,
    maxReplicas: 6,
    database: `cpb_${s.name}`,
    topic: s.topic,
  };
};

export const deployables: Deployable[] = [
  {
    name: 'gateway',
    workspace: 'gateway',
    port: 4000,
    measuredMiB: 292,
    cpuRequest: '500m',
    cpuLimit: '1',
    minReplicas: 2,
    maxReplicas: 10,
  },
  ...subgraphs.map(subgraphDeployable),
  // Not part of the dashboard benchmark: 120 MiB peak with its consumer joined and its read model queried (compiled, 2026-12-01).
  {
    name: 'analytics',
    workspace: 'services/analytics',
    port: 4005,
    measuredMiB: 120,
    cpuRequest: '100m',
    cpuLimit: '500m',
    minReplicas: 1,
    maxReplicas: 6,
    database: 'cpb_analytics',
  },
];

const roundUp = (mib: number) => Math.ceil(mib / 64) * 64;
export const memoryRequestMiB = (d: Deployable) => roundUp(d.measuredMiB * 1.25);
export const memoryLimitMiB = (d: Deployable) => roundUp(memoryRequestMiB(d) * 1.5);

/** Partitions per event topic: the most consumers of one group that do work at once (analytics' maxReplicas). */
export const TOPIC_PARTITIONS = 6;
/** The Strimzi Kafka cluster the topics belong to, and its bootstrap service. */
export const KAFKA_CLUSTER = 'cpb-kafka';
