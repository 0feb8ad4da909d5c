/**
 * `npm run events:compat`: fails when schemas/events/ breaks a consumer of the last released schemas
 * (schemas/released/events/, a committed copy), naming the event, the property and why.
 * `npm run events:compat -- --release` then records the current schemas as released: run it when
 * cutting a release, and commit the result.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_SCHEMA_DIR } from '@cpb/kit';
import { compareReleases, describeFinding } from './compatibility';
import { RELEASED_SCHEMA_DIR, readSchemas } from './schema-files';

function release(): void {
  mkdirSync(RELEASED_SCHEMA_DIR, { recursive: true });
  for (const file of readdirSync(RELEASED_SCHEMA_DIR).filter((f) => f.endsWith('.json'))) rmSync(join(RELEASED_SCHEMA_DIR, file));
  const files = readdirSync(EVENT_SCHEMA_DIR).filter((f) => f.endsWith('.json'));
  for (const file of files) copyFileSync(join(EVENT_SCHEMA_DIR, file), join(RELEASED_SCHEMA_DIR, file));
  console.log(`recorded ${files.length} event schemas as released in schemas/released/events/: commit them with the release`);
}

function main(): void {
  const released = readSchemas(RELEASED_SCHEMA_DIR);
  if (released.size === 0) {
    if (process.argv.includes('--release')) return release(); // the first release: nothing to be compatible with
    console.error('no released event schemas in schemas/released/events/: run `npm run events:compat -- --release` once and commit them');
    process.exit(1);
  }
  const report = compareReleases(released, readSchemas(EVENT_SCHEMA_DIR), new Date().toISOString().slice(0, 10));
  for (const note of report.notes) console.log(`compatible: ${describeFinding(note)}`);
  if (report.breaking.length) {
    for (const finding of report.breaking) console.error(`BREAKING: ${describeFinding(finding)}`);
    console.error(
      `\n${report.breaking.length} breaking change(s) against the released event schemas. Keep the released shape and add ` +
        'optional properties, or emit a new type (<type>.v2) beside the deprecated old one: docs/events.md, "Versions and compatibility".',
    );
    process.exit(1);
  }
  console.log(`event schemas are compatible with the ${released.size} released ones`);
  if (process.argv.includes('--release')) release();
}

main();
