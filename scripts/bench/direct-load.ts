/**
 * Drives the subgraphs directly with the recorded plans (see direct-plan.ts): `connections` loops,
 * each running one operation's subgraph requests (in plan order, parallel where the plan is) and
 * then the next, for `seconds`. No parsing, planning or merging happens here: this is the floor the
 * federation layer adds to. autocannon cannot chain requests across hosts, hence this small driver
 * on node:http keep-alive agents (one per subgraph, `connections` sockets each).
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { INTERNAL_IDENTITY_HEADER, signInternal, type Actor } from '@cpb/kit';
import type { DirectRequest, DirectStep } from './direct-plan';
import { hasGraphQLErrors } from './gateway-load';
import type { Random } from './random';
import { Recorder } from './recorder';

export interface DirectLoadOptions {
  requests: DirectRequest[];
  ops: string[];
  urls: Record<string, string>;
  secrets: Record<string, string>;
  actor: Actor;
  connections: number;
  seconds: number;
  random: Random;
}

/** Identity headers signed once and renewed well inside their 60 s validity, as a cheap client would. */
function identityHeaders(options: DirectLoadOptions) {
  const current = new Map<string, string>();
  const renew = async () => {
    for (const name of Object.keys(options.urls)) current.set(name, await signInternal(options.actor, options.secrets[name], name));
  };
  const timer = setInterval(() => void renew(), 20_000);
  return { ready: renew(), get: (name: string) => current.get(name)!, stop: () => clearInterval(timer) };
}

/** One POST; like our gateway's transport, once more on a fresh socket when a kept-alive one was stale. */
async function post(url: URL, agent: http.Agent, body: string, identity: string): Promise<{ status: number; body: string }> {
  try {
    return await send(url, agent, body, identity);
  } catch (error) {
    if ((error as { staleSocket?: boolean }).staleSocket) return send(url, agent, body, identity);
    throw error;
  }
}

function send(url: URL, agent: http.Agent, body: string, identity: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        method: 'POST',
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), [INTERNAL_IDENTITY_HEADER]: identity },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.setTimeout(30_000, () => request.destroy(new Error('timeout')));
    request.on('error', (error: NodeJS.ErrnoException & { staleSocket?: boolean }) => {
      if (request.reusedSocket && error.code === 'ECONNRESET') error.staleSocket = true;
      reject(error);
    });
    request.end(body);
  });
}

export async function loadDirect(options: DirectLoadOptions): Promise<Recorder> {
  const recorder = new Recorder();
  const identity = identityHeaders(options);
  await identity.ready;
  const targets = new Map(
    Object.entries(options.urls).map(([name, url]) => [
      name,
      { url: new URL(url), agent: new http.Agent({ keepAlive: true, maxSockets: options.connections }) },
    ]),
  );
  const byOp = new Map(options.ops.map((op) => [op, options.requests.filter((r) => r.op === op)]));

  /** Runs one plan; resolves to a failure description, or undefined when every response was clean. */
  const run = async (step: DirectStep): Promise<string | undefined> => {
    if (step.kind === 'fetch') {
      const target = targets.get(step.subgraph)!;
      const response = await post(target.url, target.agent, step.body, identity.get(step.subgraph));
      if (response.status !== 200) return `HTTP ${response.status} from ${step.subgraph}: ${response.body}`;
      return hasGraphQLErrors(response.body) ? `${step.subgraph}: ${response.body}` : undefined;
    }
    if (step.kind === 'sequence') {
      for (const child of step.steps) {
        const failure = await run(child);
        if (failure) return failure;
      }
      return undefined;
    }
    return (await Promise.all(step.steps.map(run))).find((f) => f !== undefined);
  };

  const deadline = performance.now() + options.seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const op = options.ops[options.random.below(options.ops.length)];
      const candidates = byOp.get(op)!;
      const request = candidates[options.random.below(candidates.length)];
      const started = performance.now();
      try {
        const failure = await run(request.plan);
        recorder.record(op, performance.now() - started, failure);
      } catch (error) {
        recorder.fail(op, (error as Error).message);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, loop));
  } finally {
    identity.stop();
    for (const { agent } of targets.values()) agent.destroy();
  }
  return recorder;
}
