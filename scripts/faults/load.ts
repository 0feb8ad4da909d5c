/**
 * The fault suite's steady load: `workers` closed loops through the gateway, each sending the next
 * request as soon as the previous one answered: the benchmark's dashboard reads (scripts/bench), one
 * small read per subgraph (so a fault's reach is visible per service), and mutations that write a row
 * and an outbox event, one served alone by organizations (createResidentUnit: no
 * domain cap on how many, so a long soak never meets one) and one that needs organizations
 * as a peer (createActivity). Every outcome is counted in the current window; every acknowledged write
 * is remembered to be looked for in its database afterwards.
 */
import { randomUUID } from 'node:crypto';
import { DEMO_MEMBERS, worldId, worldShape } from '@cpb/demo-world';
import { loadOperations, variablePools } from '../bench/operations';
import { Random } from '../bench/random';

export interface Outcome {
  name: string;
  kind: 'read' | 'write';
  /** `OK`, a GraphQL code (`UNAVAILABLE`), `HTTP <status>`, or `NETWORK` (refused, reset, timed out). */
  code: string;
  ms: number;
  startedAt: number;
  /** Sent as `x-request-id`: the gateway and the services pass it on to their peer calls (the slow proxy sees it). */
  requestId: string;
  /** A failed request's first error (message, path) or the network failure's cause: what the suite reports. */
  error?: { message: string; path?: (string | number)[] };
}

export interface AcknowledgedWrite {
  service: string;
  table: string;
  id: string;
}

export interface Window {
  outcomes: Outcome[];
  writes: AcknowledgedWrite[];
}

interface RequestKind {
  name: string;
  kind: 'read' | 'write';
  weight: number;
  body(random: Random): { query: string; variables: Record<string, unknown> };
  /** Where an acknowledged write lives: its service, table and the id in the answer. */
  written?: { service: string; table: string; id(data: Record<string, unknown>): string };
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

/** The seeded demo world's communities (services/demo-world). */
const COMMUNITIES = worldShape(DEMO_MEMBERS).communities;

export function requestKinds(): RequestKind[] {
  const pools = variablePools(loadOperations(), DEMO_MEMBERS, 40);
  const dashboard: RequestKind[] = [...pools].map(([name, pool]) => ({
    name,
    kind: 'read',
    weight: 10,
    body: (r) => pool[r.below(pool.length)],
  }));
  const probe = (service: string, query: string): RequestKind => ({
    name: `probe-${service}`,
    kind: 'read',
    weight: 5,
    body: () => ({ query, variables: {} }),
  });
  return [
    ...dashboard,
    probe('organizations', '{ streets { id name } }'),
    probe('members', '{ members(first: 3) { edges { node { id name } } } }'),
    probe('resources', '{ resources(first: 3) { edges { node { id name } } } }'),
    probe('activities', '{ volunteerTeams(first: 3) { edges { node { id name } } } }'),
    {
      name: 'createResidentUnit',
      kind: 'write',
      weight: 6,
      body: (r) => ({
        query: 'mutation($input: CreateResidentUnitInput!) { createResidentUnit(input: $input) { id } }',
        variables: {
          input: {
            communityId: worldId('community', r.below(COMMUNITIES)),
            name: `故障演练单位-${randomUUID()}`, // unique in its community (resident_unit_community_id_name_key) for any soak length
            category: 'SOCIAL_ORGANIZATION',
          },
        },
      }),
      written: { service: 'organizations', table: 'resident_unit', id: (d) => (d.createResidentUnit as { id: string }).id },
    },
    {
      name: 'createActivity',
      kind: 'write',
      weight: 6,
      body: (r) => {
        const starts = inDays(2 + r.below(60));
        return {
          query: 'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }',
          variables: {
            input: {
              title: '故障演练志愿服务',
              kind: 'VOLUNTEER_SERVICE',
              organizerId: worldId('org-community', r.below(COMMUNITIES)),
              startsAt: starts.toISOString(),
              endsAt: new Date(starts.getTime() + 7_200_000).toISOString(),
              capacity: 10,
            },
          },
        };
      },
      written: { service: 'activities', table: 'activity', id: (d) => (d.createActivity as { id: string }).id },
    },
  ];
}

type Answer = {
  data?: Record<string, unknown> | null;
  errors?: { message?: string; path?: (string | number)[]; extensions?: { code?: string } }[];
};

export interface Load {
  /** Closes the current window and opens the next; returns the closed one. */
  cut(): Window;
  /** The current window's outcomes so far (not cut). */
  peek(): Outcome[];
  /** Requests in flight right now (sent, not answered). */
  inFlight(): number;
  /** Lets each loop finish its request and stop; resolves with the last window. */
  stop(): Promise<Window>;
}

export function startLoad(options: {
  url: () => string;
  headers: Record<string, string>;
  workers: number;
  seed?: number;
  timeoutMs?: number;
}): Load {
  const kinds = requestKinds();
  const total = kinds.reduce((sum, k) => sum + k.weight, 0);
  const random = new Random(options.seed ?? 20);
  const pick = () => {
    let x = random.below(total);
    for (const kind of kinds) if ((x -= kind.weight) < 0) return kind;
    return kinds[0];
  };
  let window: Window = { outcomes: [], writes: [] };
  let running = true;
  let inFlight = 0;

  async function once(): Promise<void> {
    const kind = pick();
    const body = kind.body(random);
    const startedAt = Date.now();
    const requestId = randomUUID();
    inFlight++;
    let code: string;
    let error: Outcome['error'];
    let data: Record<string, unknown> | null | undefined;
    try {
      const response = await fetch(options.url(), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...options.headers,
          'x-request-id': requestId,
          ...(kind.kind === 'write' ? { 'idempotency-key': randomUUID() } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
      });
      const text = await response.text();
      let answer: Answer | undefined;
      try {
        answer = JSON.parse(text) as Answer;
      } catch {
        answer = undefined;
      }
      data = answer?.data;
      const first = answer?.errors?.[0];
      code = first ? (first.extensions?.code ?? 'NO_CODE') : response.status !== 200 || !answer ? `HTTP ${response.status}` : 'OK';
      if (first) error = { message: first.message ?? '', path: first.path };
      else if (code !== 'OK') error = { message: text.slice(0, 200) };
    } catch (cause) {
      code = 'NETWORK';
      error = { message: cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause) };
    } finally {
      inFlight--;
    }
    const target = window;
    target.outcomes.push({ name: kind.name, kind: kind.kind, code, ms: Date.now() - startedAt, startedAt, requestId, error });
    if (code === 'OK' && kind.written && data)
      target.writes.push({ service: kind.written.service, table: kind.written.table, id: kind.written.id(data) });
  }

  const loops = Array.from({ length: options.workers }, async () => {
    while (running) {
      await once();
      // A connection refused answers at once: don't spin the CPU the services need to recover.
      const last = window.outcomes.at(-1);
      if (last && last.code === 'NETWORK') await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  return {
    cut() {
      const closed = window;
      window = { outcomes: [], writes: [] };
      return closed;
    },
    peek: () => window.outcomes,
    inFlight: () => inFlight,
    async stop() {
      running = false;
      await Promise.all(loops);
      return window;
    },
  };
}
