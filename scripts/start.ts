/**
 * `npm start`: the whole system on one machine. Without DATABASE_URL (or PGHOST) every service
 * runs on embedded PGlite under .data/; with it, each service gets its own database on that server.
 * Builds the dashboard and transpiles the sources if they changed, seeds the demo district, prints
 * the dashboard and gateway URLs, a sample query and the time it took, then the memory the system
 * holds at rest; Ctrl-C (or SIGTERM) stops everything.
 *   npm start [-- --free-ports] [--report <file>]   (both for npm run start:measure)
 */
import { renameSync, writeFileSync } from 'node:fs';
import { prepareStart } from './lib/prepare-start';
import { communityOverviewQuery } from './lib/sample-query';
import { startStack, type Stack } from './lib/stack';
import { askFirstQuestion, memoryLine, reportStack, type FirstAnswer } from './lib/startup-report';

/**
 * A demo serves one person: V8's young generation at 2 MB instead of its default of up to 16 MB
 * per semi-space costs a few more (sub-millisecond) scavenges and keeps each process some 15 to
 * 45 MB smaller at rest. Benchmarks start the stack themselves, without these flags.
 */
const DEMO_NODE_FLAGS = ['--max-semi-space-size=2'];

/** After the first answer the processes settle (garbage of seeding collected) before memory is read. */
const REST_SECONDS = 15;

function serverUrlFromEnv(): string | undefined {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  if (!process.env.PGHOST) return undefined;
  const user = encodeURIComponent(process.env.PGUSER ?? 'postgres');
  const password = process.env.PGPASSWORD ? `:${encodeURIComponent(process.env.PGPASSWORD)}` : '';
  return `postgres://${user}${password}@${process.env.PGHOST}:${process.env.PGPORT ?? '5432'}/postgres`;
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** Stops the stack and says whether every process exited by itself (exit code 0) or had to be killed. */
async function stopStack(stack: Stack): Promise<void> {
  const began = Date.now();
  await stack.stop();
  const children = [...stack.services.map((s) => s.child), stack.gateway];
  const unclean = (await Promise.all(children.map(async (child) => ({ name: child.name, code: await child.exited })))).filter(
    (c) => c.code !== 0,
  );
  const how = unclean.length
    ? `not cleanly: ${unclean.map((c) => `${c.name} (${c.code ?? 'killed'})`).join(', ')}`
    : 'every process exited cleanly';
  console.log(`stopped in ${((Date.now() - began) / 1000).toFixed(1)} s: ${how}`);
}

function banner(stack: Stack, embedded: boolean, seconds: string, { communityId, answer }: FirstAnswer): string {
  const gateway = stack.gatewayUrl.replace('127.0.0.1', 'localhost');
  return `
Community Party-building graph is up (${embedded ? 'embedded PGlite under .data/' : 'Postgres server'}); first query answered after ${seconds} s.

  Dashboard: ${gateway.replace(/graphql$/, 'dashboard/')}   (sign in as a demo user)
  Gateway:   ${gateway}   (GraphiQL in a browser)
  Token:     npm run -s token -- district-admin   (or street-admin, community-secretary, unit-liaison, member, analyst)
  Try:       curl -s ${gateway} -H 'content-type: application/json' \\
              -H "authorization: Bearer $(npm run -s token -- district-admin)" \\
              -d '{"query":"{ communities(first: 3) { edges { node { id name partyOrganization { name memberCount } } } } }"}'

Sample cross-subgraph query (variables: {"id": "${communityId ?? ''}"}):
${communityOverviewQuery}
Answer (abridged): ${JSON.stringify(answer).slice(0, 400)}…

Ctrl-C stops everything.`;
}

async function main(): Promise<void> {
  const began = Date.now();
  const serverUrl = serverUrlFromEnv();
  // Ctrl-C (or SIGTERM) at any moment stops what has started: during start-up too, not only after.
  const starting = new AbortController();
  const started: { stop?: () => Promise<void> } = {};
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping…');
    starting.abort();
    await started.stop?.();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // `npm start` runs this under `sh -c`, and sh dies of a SIGTERM sent to npm without passing it on:
  // a launcher whose parent is gone stops too, instead of leaving the services running.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && void stop(), 500).unref();

  const preparation = await prepareStart({
    embeddedDataDir: serverUrl ? undefined : (process.env.EMBEDDED_DATA_DIR ?? '.data'),
    echo: (line) => console.log(line),
  });
  const stackBegan = Date.now();
  const stack = await startStack({
    serverUrl,
    runtime: preparation.runtime,
    // --free-ports: for measuring beside other stacks (npm run start:measure); the README's URLs use 4000-4004.
    ports: process.argv.includes('--free-ports') ? 'free' : 'default',
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', APOLLO_TELEMETRY_DISABLED: '1' },
    nodeFlags: DEMO_NODE_FLAGS,
    echo: (line) => console.log(line),
    signal: starting.signal,
  }).catch((error: unknown) => {
    if (stopping) return new Promise<never>(() => {}); // stop() exits
    throw error;
  });
  started.stop = () => stopStack(stack);
  const stackSeconds = (Date.now() - stackBegan) / 1000;
  const first = await askFirstQuestion(stack.gatewayUrl);
  const seconds = ((Date.now() - began) / 1000).toFixed(1);
  console.log(banner(stack, !serverUrl, seconds, first));

  await new Promise((resolve) => setTimeout(resolve, REST_SECONDS * 1000));
  const reports = await reportStack(stack);
  console.log(`${memoryLine(reports)} (at rest, ${REST_SECONDS} s after the first answer)`);
  const reportFile = option('report');
  const templateSeconds = await preparation.template;
  const report = {
    firstAnswerSeconds: Number(seconds),
    preparation: { runtime: preparation.runtime, seconds: { ...preparation.seconds, template: templateSeconds } },
    stackSeconds,
    launcherPid: process.pid,
    processes: reports,
  };
  if (reportFile) {
    // Written beside, then renamed: whoever waits for the file never reads half of it.
    writeFileSync(`${reportFile}.part`, JSON.stringify(report, null, 2));
    renameSync(`${reportFile}.part`, reportFile);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
