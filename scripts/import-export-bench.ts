/**
 * Bulk import and export figures (issue 18), run by `npm run bench -- --imports` (or directly:
 * `tsx scripts/import-export-bench.ts [--rows 10000] [--export-members 100000] [--heap 288]`; `--help`). Starts the stack as
 * processes on fresh databases of the Postgres server (DATABASE_URL, default the local one), then:
 *   1. imports a --rows member roster (.xlsx) through the gateway, dry run then commit, timed, with the
 *      members service's peak resident memory (VmHWM) over the import;
 *   2. imports further rosters until --export-members members exist, then exports the roster through
 *      the gateway as .xlsx and reports rows per second.
 * Targets: 10,000 rows validated and committed in under 30 s; the importing service under 300 MB.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { Writable } from 'node:stream';
import { dropDatabase, mintCallerToken } from '@cpb/kit';
import { writeExport } from '@cpb/kit/spreadsheets';
import { subgraphs } from '@cpb/subgraphs';
import { startFederation } from '@cpb/kit/testing';
import { exportReports } from './lib/exports';
import { chooseRuntime } from './lib/compiled-build';
import { clientAt, parseArgs } from './lib/gateway-client';
import { roster } from './lib/roster-file';
import { serviceDatabaseUrl, startStack } from './lib/stack';

/** CPU seconds (user + system) the process has used: /proc/<pid>/stat's utime and stime, in clock ticks of 1/100 s. */
function cpuSeconds(pid: number): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const stat: string = require('node:fs').readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ');

/** Resets the process's peak resident memory (VmHWM) to its current resident size (`5` to clear_refs), so each phase has its own peak. */
function resetPeak(pid: number): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('node:fs').writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

const HELP = `tsx scripts/import-export-bench.ts [options]
  --rows <n>             rows of the imported roster (default 10000)
  --export-members <n>   import further rosters until n members exist, then export the roster (default 100000;
                         --export-members <rows> exports what the first import made)
  --heap <MiB>           NODE_OPTIONS=--max-old-space-size=<MiB> for the service processes (production's members: 288,
                         infra/k8s/base/members.yaml); V8's default sizing without it
  --runtime tsx          run the sources through tsx instead of compiled JavaScript
  --in-process           subgraphs and gateway in this process (a machine too busy to start the stack)`;

function peakMiB(pid: number): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const status: string = require('node:fs').readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)![1]) / 1024;
}

/** The federation of the integration tests, shaped like a started stack (its databases are its own, dropped by it). */
async function inProcessStack(): Promise<{
  gatewayUrl: string;
  services: { name: string; child: { process: { pid?: number } } }[];
  stop(): Promise<void>;
}> {
  const federation = await startFederation();
  return { gatewayUrl: federation.gatewayUrl, services: [], stop: () => federation.stop() };
}

function readResident(pid: number): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const status: string = require('node:fs').readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)![1]) / 1024;
}

async function main(): Promise<void> {
  const { options } = parseArgs(process.argv.slice(2));
  if (options.help) return void console.log(HELP);
  const heap = options.heap ? Number(options.heap) : undefined;
  const rows = Number(options.rows ?? 10_000);
  const exportMembers = Number(options['export-members'] ?? 100_000);
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const prefix = `cpb_importbench_${randomBytes(3).toString('hex')}_`;
  const log = (line: string) => console.log(`[imports] ${line}`);
  // --in-process: the subgraphs and gateway in this process (the test harness), for a machine too busy to start
  // the stack within its ready timeout; the peak memory is then that of all of them together (an upper bound).
  const stack = options['in-process']
    ? await inProcessStack()
    : await startStack({
        serverUrl,
        databasePrefix: prefix,
        ports: 'free',
        runtime: await chooseRuntime(options.runtime, log),
        env: {
          LOG_LEVEL: 'warn',
          APOLLO_TELEMETRY_DISABLED: '1',
          ...(heap ? { NODE_OPTIONS: `--max-old-space-size=${heap}` } : {}),
        },
      });
  try {
    const headers = { authorization: `Bearer ${await mintCallerToken({ role: 'DISTRICT_ADMIN', sub: 'import-bench' })}` };
    const origin = new URL(stack.gatewayUrl).origin;
    const client = clientAt(origin, headers);
    const { streets } = await client.query<{ streets: { communities: { partyOrganization: { id: string } | null }[] }[] }>(
      '{ streets { communities { partyOrganization { id } } } }',
    );
    const organizations = streets.flatMap((s) => s.communities.flatMap((c) => (c.partyOrganization ? [c.partyOrganization.id] : [])));
    const template = Buffer.from(await (await fetch(`${origin}/imports/members/template`, { headers })).arrayBuffer());
    const members = stack.services.find((s) => s.name === 'members')?.child.process.pid ?? process.pid;
    const send = async (file: Buffer, dryRun: boolean) => {
      const started = Date.now();
      const answer = await fetch(`${origin}/imports/members?dryRun=${dryRun}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/octet-stream' },
        body: new Blob([new Uint8Array(file)]),
      });
      const body = (await answer.json()) as { data?: { createdCount: number; errorCount: number }; errors?: unknown };
      if (!body.data || body.data.errorCount > 0) throw new Error(JSON.stringify(body).slice(0, 2000));
      return { seconds: (Date.now() - started) / 1000, created: body.data.createdCount };
    };
    const file = await roster(template, rows, organizations);
    const before = peakMiB(members);
    const cpu0 = cpuSeconds(members);
    log(
      `load average before the import ${loadAverage()} (${os.cpus().length} cores); services' heap: ${heap ? `--max-old-space-size=${heap}` : "V8's default"}`,
    );
    const dry = await send(file, true);
    const cpu1 = cpuSeconds(members);
    const dryPeak = peakMiB(members);
    const beforeCommit = readResident(members);
    if (members !== process.pid) resetPeak(members);
    const commit = await send(file, false);
    const cpu2 = cpuSeconds(members);
    log(
      `${rows} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB .xlsx: dry run ${dry.seconds.toFixed(1)} s (members CPU ${(cpu1 - cpu0).toFixed(1)} s); validated and committed ${commit.seconds.toFixed(1)} s (members CPU ${(cpu2 - cpu1).toFixed(1)} s; ${commit.created} created; target < 30 s)`,
    );
    log(`load average after the import ${loadAverage()}`);
    log(
      `members service peak resident memory ${Math.max(dryPeak, peakMiB(members)).toFixed(0)} MiB (before the import ${before.toFixed(0)} MiB; target < 300 MB): dry run ${dryPeak.toFixed(0)} MiB, commit ${peakMiB(members).toFixed(0)} MiB (${beforeCommit.toFixed(0)} MiB resident before it)`,
    );
    let total = commit.created;
    while (total < exportMembers) {
      total += (await send(await roster(template, Math.min(rows, exportMembers - total), organizations), false)).created;
      log(`${total} members imported`);
    }
    let bytes = 0;
    const sink = new Writable({ write: (chunk: Buffer, _e, done) => ((bytes += chunk.length), done()) });
    const started = Date.now();
    const report = exportReports.roster;
    const exported = await writeExport(sink, report.sheet, report.columns, report.rows(client, {}));
    const seconds = (Date.now() - started) / 1000;
    log(
      `roster export through the gateway: ${exported} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${seconds.toFixed(1)} s = ${Math.round(exported / seconds)} rows/s`,
    );
  } finally {
    await stack.stop();
    if (!options['in-process'])
      await Promise.all(subgraphs.map((s) => dropDatabase(serviceDatabaseUrl(serverUrl, `${prefix}${s.name}`)).catch(() => undefined)));
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
