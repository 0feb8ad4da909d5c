/**
 * `npm run schema:check`: composes the working tree's supergraph and compares it with the last
 * released one (schemas/released/supergraph.graphql, or `--against <git ref>` for the supergraph
 * committed there); fails on a change that breaks a client or a registered operation.
 * `npm run schema:release` records the working tree's supergraph as released (after a deploy).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { composeSupergraph } from '../compose';
import { checkSchema, loadRegisteredOperations, releasedSupergraphPath } from './check';

const root = join(__dirname, '..', '..');

function releasedSdl(args: string[]): { sdl: string; from: string } {
  const at = args.indexOf('--against');
  if (at < 0) return { sdl: readFileSync(releasedSupergraphPath, 'utf8'), from: 'schemas/released/supergraph.graphql' };
  const ref = args[at + 1];
  if (!ref) throw new Error('--against needs a git ref, e.g. --against v1.4.0');
  return {
    sdl: execFileSync('git', ['show', `${ref}:schemas/supergraph.graphql`], { cwd: root, encoding: 'utf8' }),
    from: `${ref}:schemas/supergraph.graphql`,
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const current = composeSupergraph();
  if (args.includes('--release')) {
    mkdirSync(dirname(releasedSupergraphPath), { recursive: true });
    writeFileSync(releasedSupergraphPath, current);
    console.log(`recorded the working tree's supergraph as released: ${releasedSupergraphPath}`);
    return;
  }
  const released = releasedSdl(args);
  const operations = loadRegisteredOperations();
  const result = checkSchema(released.sdl, current, operations);
  for (const change of result.dangerous) console.warn(`warning: ${change}`);
  if (!result.ok) {
    console.error(`schema check failed against ${released.from}:`);
    for (const change of result.breaking) console.error(`  breaking: ${change}`);
    for (const invalid of result.invalidOperations) console.error(`  operation no longer valid: ${invalid}`);
    console.error(
      'Add before you remove (docs/operations.md, "Changing a schema"): deprecate, move clients, then remove in a later release.',
    );
    process.exit(1);
  }
  console.log(`schema check passed against ${released.from}: no breaking change, ${operations.length} registered operations valid`);
}

main();
