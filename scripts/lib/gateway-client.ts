import { demoUsers } from '@cpb/demo-world';
import { graphql, mintCallerToken, type Actor } from '@cpb/kit';

/**
 * How the ops commands (import, export) reach the system: the gateway (GATEWAY_URL, default the
 * local stack's), with a caller token like any client: CPB_TOKEN, or `--as <demo user>` which mints
 * one with the development key (`npm run token` does the same).
 */
export interface GatewayClient {
  origin: string;
  headers: Record<string, string>;
  query<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export async function gatewayClient(as: string | undefined): Promise<GatewayClient> {
  const origin = new URL(process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql').origin;
  let token = process.env.CPB_TOKEN;
  if (!token && as) {
    const user = (demoUsers as Record<string, Actor>)[as];
    if (!user) throw new Error(`--as: one of ${Object.keys(demoUsers).join(', ')}`);
    token = await mintCallerToken(user, { secret: process.env.JWT_SECRET });
  }
  if (!token) throw new Error('set CPB_TOKEN (a caller token) or pass --as <demo user>');
  return clientAt(origin, { authorization: `Bearer ${token}`, 'accept-language': process.env.CPB_LOCALE ?? 'zh-CN' });
}

/** A client of the gateway at `origin` sending `headers` (the caller's token) with every request. */
export function clientAt(origin: string, headers: Record<string, string>): GatewayClient {
  return {
    origin,
    headers,
    async query<T>(query: string, variables: Record<string, unknown> = {}) {
      const answer = await graphql<T>(`${origin}/graphql`, query, variables, headers);
      if (answer.errors?.length) throw new Error(answer.errors.map((e) => `${String(e.extensions?.code)}: ${e.message}`).join('\n'));
      return answer.data as T;
    },
  };
}

/** `--name value` options and the positional arguments of a command line. */
export function parseArgs(argv: string[]): { positional: string[]; options: Record<string, string | true> } {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) positional.push(arg);
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) options[arg.slice(2)] = argv[++i];
    else options[arg.slice(2)] = true;
  }
  return { positional, options };
}
