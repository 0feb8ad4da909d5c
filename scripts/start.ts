/**
 * `npm start`: the whole system on one machine. Without DATABASE_URL (or PGHOST) every service
 * runs on embedded PGlite under .data/; with it, each service gets its own database on that server.
 * Builds the dashboard if its sources changed, seeds the demo district, prints the dashboard and
 * gateway URLs and a sample query; Ctrl-C stops everything.
 */
import { demoUsers } from '@cpb/demo-world';
import { graphql, mintCallerToken } from '@cpb/kit';
import { ensureDashboardBuilt } from './lib/dashboard-build';
import { communityOverviewQuery, firstCommunityQuery } from './lib/sample-query';
import { startStack } from './lib/stack';

function serverUrlFromEnv(): string | undefined {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  if (!process.env.PGHOST) return undefined;
  const user = encodeURIComponent(process.env.PGUSER ?? 'postgres');
  const password = process.env.PGPASSWORD ? `:${encodeURIComponent(process.env.PGPASSWORD)}` : '';
  return `postgres://${user}${password}@${process.env.PGHOST}:${process.env.PGPORT ?? '5432'}/postgres`;
}

async function main(): Promise<void> {
  const began = Date.now();
  const serverUrl = serverUrlFromEnv();
  await ensureDashboardBuilt((line) => console.log(line));
  const stack = await startStack({
    serverUrl,
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', APOLLO_TELEMETRY_DISABLED: '1' },
    echo: (line) => console.log(line),
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping…');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const token = await mintCallerToken(demoUsers['district-admin'], { secret: process.env.JWT_SECRET });
  const auth = { authorization: `Bearer ${token}` };
  const first = await graphql<{ communities: { edges: { node: { id: string; name: string } }[] } }>(stack.gatewayUrl, firstCommunityQuery, undefined, auth);
  const community = first.data?.communities.edges[0]?.node;
  const answer = community ? await graphql(stack.gatewayUrl, communityOverviewQuery, { id: community.id }, auth) : first;
  const seconds = ((Date.now() - began) / 1000).toFixed(1);
  console.log(`
Community Party-building graph is up (${serverUrl ? 'Postgres server' : 'embedded PGlite under .data/'}); first query answered after ${seconds} s.

  Dashboard: ${stack.gatewayUrl.replace('127.0.0.1', 'localhost').replace(/graphql$/, 'dashboard/')}   (sign in as a demo user)
  Gateway:   ${stack.gatewayUrl.replace('127.0.0.1', 'localhost')}   (GraphiQL in a browser)
  Token:     npm run -s token -- district-admin   (or street-admin, community-secretary, unit-liaison, member, analyst)
  Try:       curl -s ${stack.gatewayUrl.replace('127.0.0.1', 'localhost')} -H 'content-type: application/json' \\
              -H "authorization: Bearer $(npm run -s token -- district-admin)" \\
              -d '{"query":"{ communities(first: 3) { edges { node { id name partyOrganization { name memberCount } } } } }"}'

Sample cross-subgraph query (variables: {"id": "${community?.id ?? ''}"}):
${communityOverviewQuery}
Answer (abridged): ${JSON.stringify(answer).slice(0, 400)}…

Ctrl-C stops everything.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
