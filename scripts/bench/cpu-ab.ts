/**
 * Our gateway's CPU per request on the mix, this tree's code against an earlier commit's, on the same
 * subgraphs and data, measured in alternating windows so background load falls on both alike:
 *   npx tsx scripts/bench/cpu-ab.ts --baseline <commit> --skip-seed --scale N --prefix P [--rounds 6] [--duration 10]
 *     [--operations a,b] [--baseline-env NAME=value,NAME=value] [--profile-baseline DIR] [--profile-stack DIR] [--runtime compiled]
 * `--operations` loads only those benchmark operations (default: the whole mix); `--baseline-env` sets
 * settings on the baseline's gateway only (e.g. `--baseline HEAD --baseline-env SUBGRAPH_SHARE_INFLIGHT=false`
 * to measure a setting). The subgraphs' CPU (the four services, not Postgres) over each gateway's windows,
 * per request, is reported beside the gateway's: what each gateway's subgraph requests cost.
 * `--runtime compiled` runs the current gateway and the services from `npm run build`'s dist/ (as the
 * image does) instead of under tsx; the baseline always runs under tsx.
 * `--profile-baseline DIR` writes a V8 CPU profile of the baseline's gateway there (summarise it with
 * profile-summary.ts `--after` the warm-up; `--baseline HEAD` profiles this commit's code); `--profile-stack DIR`
 * profiles the services and the current gateway (each file is named by its pid; the pids are printed).
 * The baseline's gateway/src is taken from git (`git archive`) into bench-results/tmp/ and run beside
 * the current one (both under tsx, production settings). CPU is each gateway process's own (from /proc)
 * over its windows, divided by the requests it answered in them: steadier than latency on a busy machine.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { freePort, mintCallerToken } from '@cpb/kit';
import { subgraphNames, subgraphs } from '@cpb/subgraphs';
import { spawnNode, waitUntilReady, type Child } from '../lib/child';
import { startStack } from '../lib/stack';
import { supergraphPath } from '../subgraphs';
import { loadGateway } from './gateway-load';
import { loadOperations, variablePools } from './operations';
import { parseOptions } from './options';
import { sampleUsage } from './process-usage';
import { Random } from './random';
import { markdownTable } from './report';

const root = join(__dirname, '..', '..');
const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
};

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const baseline = arg('baseline', 'HEAD');
  const rounds = Number(arg('rounds', '6'));
  const profileDir = arg('profile-baseline', '');
  const stackProfileDir = arg('profile-stack', '');
  const runtime = arg('runtime', 'tsx') === 'compiled' ? 'compiled' : 'tsx';
  const only = arg('operations', '').split(',').filter(Boolean);
  const baselineEnv = Object.fromEntries(
    arg('baseline-env', '')
      .split(',')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
  const seconds = Number(arg('duration', '10'));
  const dir = join(root, 'bench-results', 'tmp', `baseline-${baseline.replace(/\W/g, '')}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${baseline} gateway/src | tar -x -C ${dir}`], { cwd: root });

  const secrets = Object.fromEntries([
    ...subgraphNames.map((n) => [`${n.toUpperCase()}_SECRET`, randomBytes(24).toString('hex')]),
    ['JWT_SECRET', randomBytes(24).toString('hex')],
  ]);
  const env = { NODE_ENV: 'production', APOLLO_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'warn', ...secrets };
  const stack = await startStack({
    serverUrl: options.serverUrl,
    databasePrefix: options.databasePrefix,
    ports: 'free',
    seedDemo: false,
    runtime,
    ...(stackProfileDir ? { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${stackProfileDir}`] } : {}),
    env,
  });
  let other: Child | undefined;
  try {
    const port = await freePort();
    const urls = Object.fromEntries(stack.services.map((s) => [subgraphs.find((d) => d.name === s.name)!.urlVariable, s.url]));
    // Paths the baseline would resolve next to its own copy are given explicitly.
    const paths = {
      SUPERGRAPH_PATH: supergraphPath,
      TRUSTED_DOCUMENTS_PATH: join(root, 'schemas', 'trusted-documents.json'),
      DASHBOARD_DIR: join(root, 'services', 'dashboard', 'dist'),
    };
    other = spawnNode(
      'baseline',
      [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), '--import', 'tsx', join(dir, 'gateway', 'src', 'index.ts')],
      { ...env, ...urls, ...paths, ...baselineEnv, PORT: String(port) },
      () => {},
    );
    await waitUntilReady(`http://127.0.0.1:${port}/ready`, other, 400_000);
    const gateways = [
      {
        name: `current (${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim()} + working tree${runtime === 'compiled' ? ', compiled' : ''})`,
        url: stack.gatewayUrl,
        pid: stack.gateway.process.pid!,
      },
      {
        name: `baseline ${baseline}${Object.keys(baselineEnv).length ? ` (${arg('baseline-env', '')})` : ''}`,
        url: `http://127.0.0.1:${port}/graphql`,
        pid: other.process.pid!,
      },
    ];
    console.log(`[cpu-ab] ${gateways.map((g) => `${g.name}: pid ${g.pid}`).join('; ')}`);
    console.log(`[cpu-ab] services: ${stack.services.map((s) => `${s.name} pid ${s.child.process.pid}`).join('; ')}`);
    const headers = {
      authorization: `Bearer ${await mintCallerToken({ role: 'DISTRICT_ADMIN', sub: 'bench' }, { secret: secrets.JWT_SECRET, expiresIn: '2h' })}`,
    };
    const operations = loadOperations().filter((op) => only.length === 0 || only.includes(op.name));
    if (operations.length === 0) throw new Error(`no benchmark operation named ${only.join(', ')}`);
    const pools = variablePools(operations, options.scale, options.poolSize);
    const subgraphPids = stack.services.map((s) => s.child.process.pid!);
    const ops = [...pools.keys()];
    const load = (url: string, s: number, seed: number) =>
      loadGateway({ url, headers, pools, ops, connections: options.connections, seconds: s, random: new Random(seed) });
    for (const g of gateways) await load(g.url, options.warmupSeconds * 2, 7); // JIT and caches warm on both
    const totals = gateways.map(() => ({ requests: 0, cpuSeconds: 0, subgraphCpuSeconds: 0, seconds: 0, errors: 0 }));
    const loadBefore = loadavg();
    for (let round = 0; round < rounds; round++) {
      // Alternating order: neither always runs first after the other's window.
      const order = round % 2 === 0 ? [0, 1] : [1, 0];
      for (const i of order) {
        const usage = sampleUsage([gateways[i].pid]);
        const subgraphUsage = sampleUsage(subgraphPids);
        const started = Date.now();
        const recorder = await load(gateways[i].url, seconds, 100 + round);
        const { cpuSeconds } = usage.stop();
        const subgraphCpuSeconds = subgraphUsage.stop().cpuSeconds;
        totals[i].subgraphCpuSeconds += subgraphCpuSeconds;
        const summary = recorder.overall(seconds);
        totals[i].requests += summary.requests;
        totals[i].errors += summary.errors;
        totals[i].cpuSeconds += cpuSeconds;
        totals[i].seconds += (Date.now() - started) / 1000;
        console.log(
          `[cpu-ab] round ${round + 1} ${gateways[i].name}: ${summary.requests} requests, ${((cpuSeconds * 1000) / summary.requests).toFixed(2)} CPU ms/req, subgraphs ${((subgraphCpuSeconds * 1000) / summary.requests).toFixed(2)} CPU ms/req, load ${loadavg()[0].toFixed(1)}`,
        );
      }
    }
    const loadAfter = loadavg();
    const rows = gateways.map((g, i) => ({
      gateway: g.name,
      requests: totals[i].requests,
      errors: totals[i].errors,
      'req/s': (totals[i].requests / totals[i].seconds).toFixed(1),
      'CPU s': totals[i].cpuSeconds.toFixed(1),
      'CPU ms/req': ((totals[i].cpuSeconds * 1000) / totals[i].requests).toFixed(2),
      'subgraphs CPU ms/req': ((totals[i].subgraphCpuSeconds * 1000) / totals[i].requests).toFixed(2),
    }));
    console.log(
      `\n${only.length ? only.join(', ') : 'mix'}, scale ${options.scale}, ${options.connections} connections, ${rounds} rounds of ${seconds} s each; load average ${loadBefore.map((n) => n.toFixed(1)).join(' ')} before, ${loadAfter.map((n) => n.toFixed(1)).join(' ')} after\n`,
    );
    console.log(markdownTable(rows));
  } finally {
    await other?.stop();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
