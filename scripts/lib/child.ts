import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { httpRequest } from './http';

export interface Child {
  name: string;
  process: ChildProcess;
  /** Sends SIGTERM and resolves when the process has exited (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

/** Spawns Node with `args` (flags and entry point), prefixing each output line with the process name. */
export function spawnNode(name: string, args: string[], env: NodeJS.ProcessEnv, echo: (line: string) => void): Child {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => echo(`[${name}] ${line}`));
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    name,
    process: child,
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `url` until it answers 200, the child exits, the wait is aborted, or the time runs out. */
export async function waitUntilReady(url: string, child: Child, timeoutMs = 60_000, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitedEarly = false;
  void child.exited.then(() => (exitedEarly = true));
  while (Date.now() < deadline) {
    if (exitedEarly) throw new Error(`${child.name} exited before it was ready`);
    signal?.throwIfAborted();
    try {
      if ((await httpRequest(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${child.name} was not ready at ${url} within ${timeoutMs} ms`);
}
