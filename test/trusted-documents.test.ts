import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildManifest, documentHash, manifestText } from '../scripts/lib/trusted-documents';
import { loadTrustedDocuments } from '../gateway/src/trusted-documents';

describe('the trusted documents manifest', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-operations-'));
    mkdirSync(join(dir, 'dashboard'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('holds each operation with the fragments it uses (from any file, transitively), hashed by SHA-256', () => {
    writeFileSync(join(dir, 'dashboard', 'a.graphql'), 'query B { streets { ...S } }\nquery A($id: ID!) { street(id: $id) { id } }');
    writeFileSync(
      join(dir, 'fragments.graphql'),
      'fragment S on Street { id ...N }\nfragment N on Street { name }\nfragment Unused on Street { id }',
    );
    const manifest = buildManifest(dir);
    expect(manifest.operations.map((o) => o.name)).toEqual(['A', 'B']);
    const b = manifest.operations[1];
    expect(b.type).toBe('query');
    expect(b.body).toBe(
      'query B {\n  streets {\n    ...S\n  }\n}\n\nfragment N on Street {\n  name\n}\n\nfragment S on Street {\n  id\n  ...N\n}',
    );
    expect(b.id).toBe(documentHash(b.body));
    expect(b.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['an unnamed operation', '{ streets { id } }', /needs a name/],
    ['an operation named twice', 'query A { streets { id } }\nquery A { streets { name } }', /A is defined twice/],
    ['a missing fragment', 'query A { streets { ...Missing } }', /fragment Missing is used but defined in no file/],
    ['a schema definition', 'type Street { id: ID }', /only operations and fragments/],
  ])('refuses %s', (_what, text, message) => {
    writeFileSync(join(dir, 'x.graphql'), text);
    expect(() => buildManifest(dir)).toThrow(message);
  });

  it("is read by the gateway, which refuses an entry whose id is not its text's hash", () => {
    writeFileSync(join(dir, 'a.graphql'), 'query A { streets { id } }');
    const manifest = buildManifest(dir);
    const path = join(dir, 'manifest.json');
    writeFileSync(path, manifestText(manifest));
    expect(loadTrustedDocuments(path).get(manifest.operations[0].id)).toBe(manifest.operations[0].body);
    manifest.operations[0].body = 'query A { streets { id name } }';
    writeFileSync(path, manifestText(manifest));
    expect(() => loadTrustedDocuments(path)).toThrow(/does not match its text's SHA-256/);
  });
});
