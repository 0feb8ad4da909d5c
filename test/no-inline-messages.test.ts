import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * No thrown error carries inline prose: every refusal a user can read is a catalogue message
 * (`msg(key, params)`), so it reads in Chinese by default and in English on request. The kit's error
 * classes keep their old string constructors, marked @deprecated, only while the services' throw sites
 * are converted; a `new` that resolves to one of them is inline prose. A GraphQLError built from a
 * string literal is prose too (the kit and gateway build theirs with `requestRefusal`). No file is
 * exempt: issue 23's phase 2 converted the last throw sites, and the check is absolute.
 */

const root = join(__dirname, '..');
const checked = [
  'services/kit/src',
  'gateway/src',
  'services/analytics/src',
  'services/organizations/src',
  'services/members/src',
  'services/resources/src',
  'services/activities/src',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function proseIn(program: ts.Program, file: ts.SourceFile): string[] {
  const checker = program.getTypeChecker();
  const found: string[] = [];
  const where = (node: ts.Node) => `${relative(root, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node)) {
      const callee = node.expression.getText(file);
      const declaration = checker.getResolvedSignature(node)?.getDeclaration();
      if (declaration && ts.getJSDocDeprecatedTag(declaration) && declaration.getSourceFile().fileName.includes('/services/kit/src/')) {
        found.push(`${where(node)} new ${callee}(…) with inline prose`);
      }
      const first = node.arguments?.[0];
      if (
        callee === 'GraphQLError' &&
        first &&
        (ts.isStringLiteral(first) || ts.isTemplateExpression(first) || ts.isNoSubstitutionTemplateLiteral(first))
      ) {
        found.push(`${where(node)} new GraphQLError(…) with inline prose`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('messages come from the catalogue', () => {
  const files = checked.flatMap((dir) => sourceFiles(join(root, dir)));
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    strict: true,
    experimentalDecorators: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  });
  const prose = new Map(files.map((path) => [relative(root, path), proseIn(program, program.getSourceFile(path)!)]));

  it('no thrown error carries inline prose', () => {
    expect([...prose.values()].flat()).toEqual([]);
  });

  it('catches prose where it is thrown (the check itself can fail)', () => {
    const host = ts.createCompilerHost({});
    const sample = join(root, 'services/kit/src/__prose-sample.ts');
    const text = [
      "import { ConflictError, NotFoundError } from './errors';",
      "import { msg } from './messages';",
      "import { GraphQLError } from 'graphql';",
      "export const a = new ConflictError('inline');",
      'export const b = new GraphQLError(`inline`);',
      "export const c = new NotFoundError('Member', 'x');",
      "export const d = new ConflictError(msg('record.conflict'));",
      "export const e = new NotFoundError(String(1), 'x');",
    ].join('\n');
    const readFile = host.readFile.bind(host);
    host.readFile = (name) => (name === sample ? text : readFile(name));
    host.fileExists = (
      (exists) => (name: string) =>
        name === sample || exists(name)
    )(host.fileExists.bind(host));
    const sampleProgram = ts.createProgram(
      [sample],
      {
        strict: true,
        module: ts.ModuleKind.Node16,
        moduleResolution: ts.ModuleResolutionKind.Node16,
        skipLibCheck: true,
        noEmit: true,
        types: [],
      },
      host,
    );
    const found = proseIn(sampleProgram, sampleProgram.getSourceFile(sample)!).map((line) => line.replace(/^.*:(\d+) /, '$1 '));
    expect(found).toEqual([
      '4 new ConflictError(…) with inline prose',
      '5 new GraphQLError(…) with inline prose',
      '8 new NotFoundError(…) with inline prose',
    ]);
  });
});
