/**
 * The direct path: for each request of the workload, the subgraph requests our gateway sends (same
 * query text, same variables, same entity representations, sibling entity fetches merged as the
 * gateway merges them), in the order it sends them: a request goes out after the answers it waited
 * for, so the replay runs them in steps, each step's requests in parallel and after the previous step
 * has answered. They are recorded by running each request once through an in-process @apollo/gateway
 * with our data source (gateway/src/subgraph-source.ts) over a fetcher that writes down what it sends.
 */
import { ApolloGateway } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { ApolloServer } from '@apollo/server';
import { signInternal, type Actor } from '@cpb/kit';
import { SubgraphSource } from '../../gateway/src/subgraph-source';
import type { RequestBody } from './operations';

export type DirectStep = { kind: 'fetch'; subgraph: string; body: string } | { kind: 'sequence' | 'parallel'; steps: DirectStep[] };

export interface DirectRequest {
  op: string;
  plan: DirectStep;
  /** Subgraph requests the gateway sent for it. */
  fetches: number;
}

interface Sent {
  subgraph: string;
  body: string;
  /** How many answers had arrived when it went out, and its position among the answers. */
  answersBefore: number;
  answeredAs?: number;
}

/** What one request sent, in order: Apollo Server shallow-clones the context, so it lives one level deeper. */
interface RecordingContext {
  actor: Actor;
  recording: { sent: Sent[]; answers: number };
}

function recordingFetcher(subgraph: string, url: string): (context: () => RecordingContext['recording']) => Fetcher {
  return (current) => async (_url, init) => {
    const recording = current();
    const sent: Sent = { subgraph, body: String(init?.body), answersBefore: recording.answers };
    recording.sent.push(sent);
    const response = await fetch(url, { method: 'POST', headers: init?.headers as Record<string, string>, body: sent.body });
    sent.answeredAs = ++recording.answers;
    const text = await response.text();
    return new Response(text, { status: response.status, headers: response.headers }) as unknown as Awaited<ReturnType<Fetcher>>;
  };
}

/** A request's step: one after the latest step among the requests that had answered before it went out. */
function inSteps(sent: Sent[]): DirectStep {
  const stepOf: number[] = [];
  sent.forEach((s, i) => {
    const waitedFor = sent.map((other, j) => (other.answeredAs !== undefined && other.answeredAs <= s.answersBefore ? stepOf[j] : -1));
    stepOf[i] = Math.max(-1, ...waitedFor.slice(0, i)) + 1;
  });
  const steps: DirectStep[] = [];
  for (let step = 0; step <= Math.max(...stepOf); step++) {
    const fetches = sent
      .filter((_, i) => stepOf[i] === step)
      .map((s): DirectStep => ({ kind: 'fetch', subgraph: s.subgraph, body: s.body }));
    steps.push(fetches.length === 1 ? fetches[0] : { kind: 'parallel', steps: fetches });
  }
  return steps.length === 1 ? steps[0] : { kind: 'sequence', steps };
}

export interface RecordOptions {
  supergraphSdl: string;
  urls: Record<string, string>;
  secrets: Record<string, string>;
  actor: Actor;
}

/** Runs every body once through an in-process gateway and returns what it sent, as replayable steps. */
export async function recordDirectRequests(options: RecordOptions, bodies: { op: string; body: RequestBody }[]): Promise<DirectRequest[]> {
  let recording: RecordingContext['recording'] = { sent: [], answers: 0 };
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) =>
      new SubgraphSource(name, (actor, subgraph) => signInternal(actor, options.secrets[subgraph], subgraph), {
        url: options.urls[name],
        fetcher: recordingFetcher(name, options.urls[name])(() => recording),
      }),
  });
  const server = new ApolloServer<RecordingContext>({ gateway });
  await server.start();
  try {
    const recorded: DirectRequest[] = [];
    // One request at a time, so what is sent belongs to the request under way.
    for (const { op, body } of bodies) {
      recording = { sent: [], answers: 0 };
      const response = await server.executeOperation(
        { query: body.query, operationName: body.operationName, variables: body.variables },
        { contextValue: { actor: options.actor, recording } },
      );
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      if (result?.errors?.length) throw new Error(`${op} failed while recording the direct path: ${JSON.stringify(result.errors[0])}`);
      if (recording.sent.length === 0) throw new Error(`${op}: the gateway sent no subgraph request`);
      recorded.push({ op, plan: inSteps(recording.sent), fetches: recording.sent.length });
    }
    return recorded;
  } finally {
    await server.stop();
  }
}
