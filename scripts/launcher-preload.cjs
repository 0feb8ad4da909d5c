// `npm start` loads this before its launcher (scripts/start.ts). tsx compiles the launcher's TypeScript
// with esbuild, whose synchronous API would otherwise keep a service process and a worker thread alive
// for the launcher's whole life once tsx's cache missed, as on a fresh clone (about 25 MB). Without
// worker threads esbuild runs once per file that misses the cache, then exits.
process.env.ESBUILD_WORKER_THREADS = '0';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload, run before any TypeScript
require('tsx/cjs');
