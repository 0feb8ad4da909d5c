/**
 * Starts Hive Gateway (the `hive-gateway` CLI from @graphql-hive/gateway) on the same supergraph and
 * subgraphs as ours, planning with its JavaScript planner or with the Rust one of
 * @graphql-hive/router-runtime (`planner: 'router'`). The CLI runs under tsx so its config file can import our TypeScript kit.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parse, print, visit } from 'graphql';
import { freePort } from '@cpb/kit';
import { waitUntilReady, type Child } from '../lib/child';

const root = join(__dirname, '..', '..');

/** The committed supergraph with each subgraph's URL replaced by where it answers in this run. */
/**
 * What Hive Gateway 2.15.1 cannot load: its federation-to-stitching step refuses the to-do list's section type,
 * shared by three subgraphs ("Multiple canonical definitions for ToDoSection"). No benchmark operation reads
 * the to-do list, so the Hive targets get the supergraph without it; everything they are measured on is the same.
 */
const NOT_LOADED_BY_HIVE = new Set(['ToDoList', 'ToDoSection', 'ToDoItem', 'ToDoCount', 'ToDoKind']);

export function withoutToDoList(sdl: string): string {
  const document = visit(parse(sdl), {
    ObjectTypeDefinition(node) {
      if (NOT_LOADED_BY_HIVE.has(node.name.value)) return null;
      if (node.name.value !== 'Query') return undefined;
      return { ...node, fields: node.fields?.filter((field) => field.name.value !== 'toDoList') };
    },
    EnumTypeDefinition: (node) => (NOT_LOADED_BY_HIVE.has(node.name.value) ? null : undefined),
  });
  return print(document);
}

export function supergraphWithUrls(supergraphPath: string, urls: Record<string, string>, outDir: string): string {
  let sdl = withoutToDoList(readFileSync(supergraphPath, 'utf8'));
  for (const [name, url] of Object.entries(urls)) {
    sdl = sdl.replace(new RegExp(`(join__graph\\(name: "${name}", url: ")[^"]*(")`), `$1${url}$2`);
  }
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, 'supergraph.graphql');
  writeFileSync(path, sdl);
  return path;
}

export interface HiveGateway {
  url: string;
  child: Child;
}

export type HivePlanner = 'javascript' | 'router';

export async function startHiveGateway(options: {
  supergraphPath: string;
  env: NodeJS.ProcessEnv;
  workers: number;
  planner: HivePlanner;
  echo: (line: string) => void;
}): Promise<HiveGateway> {
  const port = await freePort();
  const bin = join(root, 'node_modules', '@graphql-hive', 'gateway', 'dist', 'bin.js');
  const args = [
    '--import',
    'tsx',
    bin,
    'supergraph',
    options.supergraphPath,
    '-c',
    join(__dirname, 'hive', 'gateway.config.cjs'),
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
  ];
  // --fork 1 would still add a primary process; leave it out for one worker, as the CLI does by default.
  if (options.workers > 1) args.push('--fork', String(options.workers));
  const tag = options.planner === 'router' ? 'hive+router' : 'hive';
  const process_ = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...options.env, BENCH_SUPERGRAPH: options.supergraphPath, BENCH_HIVE_PLANNER: options.planner },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [process_.stdout, process_.stderr])
    createInterface({ input: stream }).on('line', (line) => options.echo(`[${tag}] ${line}`));
  const exited = new Promise<number | null>((resolve) => process_.once('exit', (code) => resolve(code)));
  const child: Child = {
    name: options.planner === 'router' ? 'hive-gateway-router' : 'hive-gateway',
    process: process_,
    exited,
    async stop(graceMs = 10_000) {
      if (process_.exitCode !== null || process_.signalCode !== null) return;
      process_.kill('SIGTERM');
      const timer = setTimeout(() => process_.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  try {
    await waitUntilReady(`http://127.0.0.1:${port}/readiness`, child, Math.max(120_000, Number(process.env.STACK_READY_TIMEOUT_MS) || 0));
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}/graphql`, child };
}
