/**
 * Transpiles the packages `npm start` runs (scripts/lib/compiled-build.ts) into each package's
 * dist/, the layout `npm run build` gives, file by file and without type checking: the same
 * JavaScript tsc emits, in a few seconds instead of the quarter of a minute a full `tsc -b` takes
 * on a fresh clone. Type errors stay the business of `npm run typecheck` and `npm test`.
 *   node --require tsx/cjs scripts/transpile.ts <package dir>...
 */
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..');

function transpilePackage(dir: string): string[] {
  const configPath = join(root, dir, 'tsconfig.build.json');
  const problems: string[] = [];
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => problems.push(ts.flattenDiagnosticMessageText(d.messageText, '\n')) });
  if (!config) return problems;
  // Maps would point at the sources from a different place than tsc's; the stack runs without them.
  const compilerOptions = { ...config.options, sourceMap: false, declaration: false, composite: false, declarationMap: false };
  for (const file of config.fileNames) {
    const { outputText, diagnostics } = ts.transpileModule(readFileSync(file, 'utf8'), { fileName: file, compilerOptions, reportDiagnostics: true });
    for (const d of diagnostics ?? []) problems.push(`${relative(root, file)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    const out = join(config.options.outDir!, relative(config.options.rootDir!, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
  return problems;
}

const problems = process.argv.slice(2).flatMap(transpilePackage);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
