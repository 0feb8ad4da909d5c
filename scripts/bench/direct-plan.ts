/**
 * The direct path: for each request of the workload, the subgraph requests our gateway's query plan
 * sends (same query text, same variables, same entity representations), in the plan's order
 * (sequence, parallel). They are recorded by running each request once through an in-process
 * @apollo/gateway whose data sources write down what they send; the plan comes from the gateway's
 * own planner (experimental_didResolveQueryPlan).
 */
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { PlanNode, QueryPlan, SubscriptionNode } from '@apollo/query-planner';
import { ApolloServer } from '@apollo/server';
import { INTERNAL_IDENTITY_HEADER, signInternal, type Actor } from '@cpb/kit';
import type { RequestBody } from './operations';

export type DirectStep = { kind: 'fetch'; subgraph: string; body: string } | { kind: 'sequence' | 'parallel'; steps: DirectStep[] };

export interface DirectRequest {
  op: string;
  plan: DirectStep;
  /** Subgraph requests in the plan (those the gateway skipped for want of representations excluded). */
  fetches: number;
}

/** Apollo Server shallow-clones the context per request, so what is written down lives one level deeper. */
interface RecordingContext {
  actor: Actor;
  recording: { sent: Map<string, { subgraph: string; body: string }>; plan?: QueryPlan };
}

class RecordingSource extends RemoteGraphQLDataSource<RecordingContext> {
  constructor(
    private readonly subgraph: string,
    private readonly secret: string,
    url: string,
  ) {
    super({ url });
  }

  async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RecordingContext>): Promise<void> {
    const { actor, recording } = context as RecordingContext;
    request.http?.headers.set(INTERNAL_IDENTITY_HEADER, await signInternal(actor, this.secret, this.subgraph));
    const body = JSON.stringify({ query: request.query, operationName: request.operationName, variables: request.variables ?? {} });
    recording.sent.set(`${this.subgraph}\n${request.query}`, { subgraph: this.subgraph, body });
  }
}

function toSteps(node: PlanNode | SubscriptionNode, sent: RecordingContext['recording']['sent']): DirectStep | undefined {
  switch (node.kind) {
    case 'Fetch':
      return sent.get(`${node.serviceName}\n${node.operation}`)
        ? { kind: 'fetch', ...sent.get(`${node.serviceName}\n${node.operation}`)! }
        : undefined;
    case 'Flatten':
      return toSteps(node.node, sent);
    case 'Sequence':
    case 'Parallel': {
      const steps = node.nodes.map((child) => toSteps(child, sent)).filter((s): s is DirectStep => !!s);
      if (steps.length <= 1) return steps[0];
      return { kind: node.kind === 'Sequence' ? 'sequence' : 'parallel', steps };
    }
    default:
      throw new Error(`the direct path does not replay ${node.kind} plan nodes`);
  }
}

const countFetches = (step: DirectStep): number => (step.kind === 'fetch' ? 1 : step.steps.reduce((sum, s) => sum + countFetches(s), 0));

export interface RecordOptions {
  supergraphSdl: string;
  urls: Record<string, string>;
  secrets: Record<string, string>;
  actor: Actor;
}

/** Runs every body once through an in-process gateway and returns what it sent, as replayable plans. */
export async function recordDirectRequests(options: RecordOptions, bodies: { op: string; body: RequestBody }[]): Promise<DirectRequest[]> {
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) => new RecordingSource(name, options.secrets[name], options.urls[name]),
    experimental_didResolveQueryPlan: ({ queryPlan, requestContext }) => {
      (requestContext.context as RecordingContext).recording.plan = queryPlan;
    },
  });
  const server = new ApolloServer<RecordingContext>({ gateway });
  await server.start();
  try {
    const recorded: DirectRequest[] = [];
    for (const { op, body } of bodies) {
      const context: RecordingContext = { actor: options.actor, recording: { sent: new Map() } };
      const response = await server.executeOperation(
        { query: body.query, operationName: body.operationName, variables: body.variables },
        { contextValue: context },
      );
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      if (result?.errors?.length) throw new Error(`${op} failed while recording the direct path: ${JSON.stringify(result.errors[0])}`);
      const { plan: queryPlan, sent } = context.recording;
      const plan = queryPlan?.node && toSteps(queryPlan.node, sent);
      if (!plan) throw new Error(`${op}: the query plan sent no subgraph request`);
      recorded.push({ op, plan, fetches: countFetches(plan) });
    }
    return recorded;
  } finally {
    await server.stop();
  }
}
