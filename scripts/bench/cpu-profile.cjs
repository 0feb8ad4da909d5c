// Preloaded (NODE_OPTIONS=--require) by `npm run bench -- --profile`: Node 20 refuses --cpu-prof in
// NODE_OPTIONS, so the gateways (ours and Hive, workers included) and the subgraph services profile
// themselves through the inspector and write <dir>/<pid>.cpuprofile when they exit.
/* eslint-disable @typescript-eslint/no-require-imports */
const { Session } = require('node:inspector');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.BENCH_PROFILE_DIR;
const entry = process.argv[1] || '';
if (dir && /gateway\/src\/index\.ts$|@graphql-hive\/gateway\/dist\/bin\.js$|services\/\w+\/src\/index\.ts$/.test(entry)) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  process.on('exit', () => {
    // The in-process session answers synchronously, so this completes inside the exit handler.
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
