import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { SupergraphManager } from '@apollo/gateway';
import { Supergraph } from '@apollo/federation-internals';
import { Counter, type Registry } from 'prom-client';
import type { Logger } from '@cpb/kit/core';

export interface SupergraphFileOptions {
  path: string;
  /** How often the file is re-read (ms); 0 reads it once. */
  pollMs: number;
  logger: Logger;
  registry?: Registry;
}

/** What changes when the file (or the target of its symlink, a ConfigMap's swap) is replaced or rewritten. */
function stampOf(path: string): string {
  const { ino, size, mtimeMs } = statSync(path);
  return `${ino}:${size}:${mtimeMs}`;
}

const hashOf = (sdl: string) => createHash('sha256').update(sdl).digest('hex').slice(0, 12);

/** Throws unless `sdl` is a valid supergraph whose API schema builds (whatever NODE_ENV says). */
function assertValidSupergraph(sdl: string): void {
  Supergraph.build(sdl, { validateSupergraph: true }).apiSchema();
}

/**
 * Serves the supergraph from a file and swaps to a new one when the file changes (a ConfigMap
 * update, without restarting the gateway). A new file that is not a valid supergraph is refused
 * and the gateway keeps serving the one it has; in-flight requests finish on the schema they
 * started with. The file is polled rather than watched: a ConfigMap volume replaces it through a
 * symlink swap that inode watches miss (and a `subPath` mount never updates at all).
 */
export function supergraphFile(options: SupergraphFileOptions): SupergraphManager {
  const updates = new Counter({
    name: 'supergraph_updates_total',
    help: 'Changes of the supergraph file: applied, or rejected (the previous supergraph kept)',
    labelNames: ['outcome'],
    registers: options.registry ? [options.registry] : [],
  });
  return {
    async initialize({ update }) {
      const first = readFileSync(options.path, 'utf8');
      assertValidSupergraph(first);
      let seen = hashOf(first);
      options.logger.info({ supergraph: seen, path: options.path }, 'supergraph loaded');
      // The file is read and hashed only when its inode, size or modification time moved (a stat per poll).
      let stamp = stampOf(options.path);
      const check = () => {
        let sdl: string;
        try {
          const now = stampOf(options.path);
          if (now === stamp) return;
          sdl = readFileSync(options.path, 'utf8');
          stamp = now;
        } catch (error) {
          // Mid-swap or briefly missing: the next poll sees the settled file.
          options.logger.warn({ err: error, path: options.path }, 'supergraph file unreadable; keeping the current one');
          return;
        }
        const hash = hashOf(sdl);
        if (hash === seen) return;
        // Remembered either way, so a rejected file is reported once, not on every poll.
        const previous = seen;
        seen = hash;
        try {
          assertValidSupergraph(sdl);
          update(sdl);
          updates.inc({ outcome: 'applied' });
          options.logger.info({ supergraph: hash, previous }, 'supergraph updated');
        } catch (error) {
          updates.inc({ outcome: 'rejected' });
          options.logger.error({ err: error, supergraph: hash, kept: previous }, 'new supergraph rejected; keeping the previous one');
        }
      };
      const timer = options.pollMs > 0 ? setInterval(check, options.pollMs) : undefined;
      timer?.unref();
      return { supergraphSdl: first, cleanup: async () => clearInterval(timer) };
    },
  };
}
