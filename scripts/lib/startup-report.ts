import { demoUsers } from '@cpb/demo-world';
import { mintCallerToken, type GraphQLResponse } from '@cpb/kit/launch';
import { httpRequest } from './http';
import { memoryOf, type ProcessMemory } from './process-usage';
import { communityOverviewQuery, firstCommunityQuery } from './sample-query';
import type { Stack } from './stack';

export interface FirstAnswer {
  communityId?: string;
  answer: GraphQLResponse<unknown>;
}

/** What a newcomer asks first: the first community, then the README's cross-subgraph query about it. */
export async function askFirstQuestion(gatewayUrl: string): Promise<FirstAnswer> {
  const token = await mintCallerToken(demoUsers['district-admin'], { secret: process.env.JWT_SECRET });
  const ask = async <T>(query: string, variables?: Record<string, unknown>) => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const { body } = await httpRequest(gatewayUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return JSON.parse(body) as GraphQLResponse<T>;
  };
  const first = await ask<{ communities: { edges: { node: { id: string } }[] } }>(firstCommunityQuery);
  const communityId = first.data?.communities.edges[0]?.node.id;
  if (!communityId) throw new Error(`the gateway's first answer has no community: ${JSON.stringify(first).slice(0, 400)}`);
  return { communityId, answer: await ask(communityOverviewQuery, { id: communityId }) };
}

export interface ProcessReport {
  name: string;
  pid: number;
  /** Seconds from the stack's start until /ready answered. */
  readyAfter: number;
  /** The process's own start-up phases in seconds (process_startup_phase_seconds on /metrics). */
  phases: Record<string, number>;
  memory?: ProcessMemory;
}

/** The start-up phases a process serves on /metrics (`process_startup_phase_seconds{phase=…}`). */
export async function startupPhasesOf(baseUrl: string): Promise<Record<string, number>> {
  const { body: text } = await httpRequest(`${baseUrl}/metrics`);
  const phases: Record<string, number> = {};
  for (const match of text.matchAll(/^process_startup_phase_seconds\{([^}]*)\} ([\d.e+-]+)$/gm)) {
    const phase = /phase="([^"]+)"/.exec(match[1])?.[1];
    if (phase) phases[phase] = Number(match[2]);
  }
  return phases;
}

/** Every process of the stack: when it was ready, its phases, and its resident memory now. */
export async function reportStack(stack: Stack): Promise<ProcessReport[]> {
  const gatewayBase = stack.gatewayUrl.replace(/\/graphql$/, '');
  const processes = [
    ...stack.services.map((s) => ({ name: s.name, pid: s.child.process.pid!, baseUrl: s.baseUrl, readyAfterMs: s.readyAfterMs })),
    { name: 'gateway', pid: stack.gateway.process.pid!, baseUrl: gatewayBase, readyAfterMs: stack.gatewayReadyAfterMs },
  ];
  const memory = memoryOf(processes.map((p) => p.pid));
  return Promise.all(
    processes.map(async (p, i) => ({
      name: p.name,
      pid: p.pid,
      readyAfter: p.readyAfterMs / 1000,
      phases: await startupPhasesOf(p.baseUrl).catch(() => ({})),
      memory: memory?.[i],
    })),
  );
}

/** One line for `npm start`: the stack's resident memory, each process's share, and the launcher's own (this process). */
export function memoryLine(reports: ProcessReport[]): string {
  if (reports.some((r) => !r.memory)) return 'resident memory: unknown on this system (read from /proc on Linux)';
  const shares = [
    ...reports.map((r) => ({ name: r.name, mib: r.memory!.residentMiB })),
    { name: 'this launcher', mib: process.memoryUsage.rss() / 2 ** 20 },
  ];
  const total = shares.reduce((sum, s) => sum + s.mib, 0);
  return `resident memory ${Math.round(total)} MiB: ${shares.map((s) => `${s.name} ${Math.round(s.mib)}`).join(', ')}`;
}
