/**
 * Lists what breaks a rule spanning two services (scripts/reconcile/checks.ts): members held by an
 * organisation that is not active, interrupted dissolves, activities using venue bookings they do
 * not own (or cancelled, or too short), bookings serving another organisation's activity.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run reconcile [-- --prefix cpb_]
 *   npm run reconcile -- --metrics-file /var/lib/node_exporter/textfile/cpb_integrity.prom
 *   npm run reconcile -- --serve 9464 --every 300      # /metrics, re-checked every 5 minutes
 *
 * Each service's database is `<prefix><service>` on DATABASE_URL's server, unless
 * ORGANIZATIONS_DATABASE_URL, MEMBERS_DATABASE_URL, RESOURCES_DATABASE_URL or ACTIVITIES_DATABASE_URL
 * names it. Read-only. Exit code: 0 nothing found, 1 violations found, 2 the check could not run.
 */
import { writeFileSync } from 'node:fs';
import { Pool } from 'pg';
import { createHttpApp } from '@cpb/kit';
import { subgraphNames } from '@cpb/subgraphs';
import { serviceDatabaseUrl } from '../lib/stack';
import { CHECKS, findViolations, type Databases, type Violation } from './checks';
import { integrityMetrics } from './metrics';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function databaseUrl(service: string): string {
  const own = process.env[`${service.toUpperCase()}_DATABASE_URL`];
  if (own) return own;
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error(`Set DATABASE_URL (the Postgres server) or ${service.toUpperCase()}_DATABASE_URL`);
  return serviceDatabaseUrl(server, `${option('prefix') ?? 'cpb_'}${service}`);
}

/** One small read-only pool per service database. */
function connect(): { databases: Databases; close(): Promise<void> } {
  const pools = subgraphNames.map(
    (service) => new Pool({ connectionString: databaseUrl(service), max: 2, application_name: 'cpb-reconcile' }),
  );
  const query =
    (pool: Pool) =>
    async <T>(sql: string, params?: unknown[]) =>
      (await pool.query(sql, params)).rows as T[];
  // The checks read the databases by service name (checks.ts declares which ones they need).
  const databases = Object.fromEntries(subgraphNames.map((service, i) => [service, query(pools[i])])) as unknown as Databases;
  return { databases, close: () => Promise.all(pools.map((p) => p.end())).then(() => undefined) };
}

export function report(violations: readonly Violation[]): string {
  const lines = violations.map((v) => `  ${v.check}  ${v.subject}  ${v.detail}`);
  const counts = Object.keys(CHECKS).map(
    (check) =>
      `  ${String(violations.filter((v) => v.check === check).length).padStart(5)}  ${check}: ${CHECKS[check as keyof typeof CHECKS]}`,
  );
  return [violations.length ? `${violations.length} violation(s):` : 'no violations', ...lines, 'per check:', ...counts].join('\n');
}

async function main(): Promise<void> {
  const { databases, close } = connect();
  const gauges = integrityMetrics();
  const check = async () => {
    const violations = await findViolations(databases);
    gauges.record(violations);
    return violations;
  };
  const port = option('serve');
  if (port) {
    const every = Number(option('every') ?? 300);
    let healthy = false;
    const run = () =>
      check().then(
        () => (healthy = true),
        (error: unknown) => {
          healthy = false;
          console.error(`reconcile failed: ${error instanceof Error ? error.message : String(error)}`);
        },
      );
    await run();
    setInterval(() => void run(), every * 1000);
    createHttpApp(async () => healthy, gauges.metrics).listen(Number(port), () =>
      console.log(`reconcile: /metrics on :${port}, checked every ${every} s`),
    );
    return;
  }
  try {
    const started = Date.now();
    const violations = await check();
    console.log(`${report(violations)}\nchecked in ${Date.now() - started} ms`);
    const file = option('metrics-file');
    if (file) writeFileSync(file, await gauges.registry.metrics());
    process.exitCode = violations.length ? 1 : 0;
  } finally {
    await close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`reconcile could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
}
