/**
 * Postgres settings for a demo district on one machine. The defaults are a server's: 128 MB of
 * shared buffers and shared memory sized for 100 connections, all of which PGlite allocates and
 * zeroes (so it is resident) in each service's WebAssembly memory, while a demo service's whole
 * database is under 10 MB. PGlite runs Postgres in single-user mode: no autovacuum, checkpointer
 * or other background process runs, so these are the memory settings that matter.
 * See docs/decisions/0016-lighter-embedded-default.md.
 */
export const EMBEDDED_SETTINGS: Record<string, string> = {
  shared_buffers: '8MB',
  // PGlite serves one session; Postgres sizes its lock tables and process slots by this.
  max_connections: '5',
  // Per sort or hash and per index build: the demo's largest sorts are a few thousand rows.
  work_mem: '2MB',
  maintenance_work_mem: '16MB',
  temp_buffers: '1MB',
};

/**
 * Node flags for a process that runs PGlite (`npm start` passes them): V8 compiles PGlite's 9 MB
 * of WebAssembly with its baseline compiler only. Its optimising compiler would take some 500 MB
 * while compiling Postgres's largest functions and keep about 100 MB of code, per service; the
 * baseline code is fast enough for a demo.
 */
export const EMBEDDED_NODE_FLAGS = ['--no-wasm-tier-up', '--no-wasm-dynamic-tiering'];
