/**
 * Transpiles the packages `npm start` runs (scripts/lib/compiled-build.ts) into each package's
 * dist/, the files and layout of `npm run build` (each package's tsconfig.build.json), file by file
 * with swc and without type checking: in a fraction of a second, where a full `tsc -b` takes a
 * quarter of a minute on a fresh clone. swc with these settings is what Jest runs every test
 * through; type errors stay the business of `npm run typecheck` and `npm test`.
 *   node --require tsx/cjs scripts/transpile.ts <package dir>...
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { transformSync, type Options } from '@swc/core';
import ts from 'typescript';

const root = join(__dirname, '..');

/** jest.config.js's transform (ES2022, CommonJS), without source maps: the stack runs without them. */
const SWC: Options = {
  swcrc: false,
  jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
  module: { type: 'commonjs' },
  sourceMaps: false,
};

function transpilePackage(dir: string): string[] {
  const configPath = join(root, dir, 'tsconfig.build.json');
  const problems: string[] = [];
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => problems.push(ts.flattenDiagnosticMessageText(d.messageText, '\n')) },
  );
  if (!config) return problems;
  for (const file of config.fileNames) {
    try {
      const source = readFileSync(file, 'utf8');
      // Data files a package imports (the subgraph list) are copied as they are, as tsc emits them.
      const code = file.endsWith('.json') ? source : transformSync(source, { ...SWC, filename: file }).code;
      const out = join(config.options.outDir!, relative(config.options.rootDir!, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, code);
    } catch (error) {
      problems.push(`${relative(root, file)}: ${(error as Error).message}`);
    }
  }
  return problems;
}

const problems = process.argv.slice(2).flatMap(transpilePackage);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
