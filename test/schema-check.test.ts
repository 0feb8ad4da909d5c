/**
 * `npm run schema:check` fails on a change that breaks a client: removed or retyped fields and
 * arguments, and any registered operation that no longer validates; additions pass.
 */
import { readFileSync } from 'node:fs';
import { composeSupergraph } from '../scripts/compose';
import { checkSchema, loadRegisteredOperations, releasedSupergraphPath } from '../scripts/schema-check/check';

const released = readFileSync(releasedSupergraphPath, 'utf8');
const operations = loadRegisteredOperations();
/** The supergraph composed with organizations' schema edited by `edit`. */
const withOrganizations = (edit: (sdl: string) => string) => composeSupergraph((name, sdl) => (name === 'organizations' ? edit(sdl) : sdl));
const streetBlock = /type Street @key\(fields: "id"\)[^{]*\{[^}]*\}/;

describe('schema:check', () => {
  it('registers the benchmark and README operations, and passes on the working tree', () => {
    expect(operations.map((o) => o.file)).toEqual(
      expect.arrayContaining([
        'benchmark/community-overview.graphql',
        'benchmark/member-list.graphql',
        'readme/first-community.graphql',
        'readme/communities-kind-check.graphql',
      ]),
    );
    // Dangerous but compatible changes (an enum value added) may stand between releases; breaking ones may not.
    expect(checkSchema(released, composeSupergraph(), operations)).toMatchObject({ breaking: [], invalidOperations: [], ok: true });
  });

  it('fails when a field that operations use is removed: the change and every operation it breaks are named', () => {
    const broken = withOrganizations((sdl) => sdl.replace(streetBlock, (block) => block.replace(/\n\s*name: String!/, '')));
    const result = checkSchema(released, broken, operations);
    expect(result.ok).toBe(false);
    expect(result.breaking).toEqual(['FIELD_REMOVED: Street.name was removed.']);
    expect(result.invalidOperations).toEqual(
      [
        'benchmark/community-overview.graphql',
        'dashboard/community-profile.graphql',
        'dashboard/street-overview.graphql',
        'dashboard/streets.graphql',
      ].map((file) => `${file}: Cannot query field "name" on type "Street".`),
    );
  });

  it('fails when an argument is retyped, even if no registered operation uses it', () => {
    const broken = withOrganizations((sdl) =>
      sdl.replace(
        'organizationsAuditTrail(targetId: ID, first: Int = 20, after: String)',
        'organizationsAuditTrail(targetId: ID, first: Int = 20, after: Int)',
      ),
    );
    const result = checkSchema(released, broken, operations);
    expect(result.ok).toBe(false);
    expect(result.breaking).toEqual(['ARG_CHANGED_KIND: Query.organizationsAuditTrail arg after has changed type from String to Int.']);
    expect(result.invalidOperations).toEqual([]);
  });

  it('fails when a field is retyped', () => {
    const broken = withOrganizations((sdl) => sdl.replace(streetBlock, (block) => block.replace('district: String!', 'district: Int!')));
    expect(checkSchema(released, broken, operations).breaking).toEqual([
      'FIELD_CHANGED_KIND: Street.district changed type from String! to Int!.',
    ]);
  });

  it('fails on a registered operation that does not validate, with the schema unchanged', () => {
    const result = checkSchema(released, composeSupergraph(), [
      ...operations,
      { file: 'dashboard/typo.graphql', source: 'query Typo { streets { nmae } }' },
    ]);
    expect(result.ok).toBe(false);
    expect(result.breaking).toEqual([]);
    expect(result.invalidOperations).toEqual(['dashboard/typo.graphql: Cannot query field "nmae" on type "Street". Did you mean "name"?']);
  });

  it('passes an additive change: a new field is not breaking', () => {
    const added = withOrganizations((sdl) =>
      sdl.replace(streetBlock, (block) =>
        block.replace('district: String!', 'district: String!\n  "Where the street office is."\n  officeAddress: String'),
      ),
    );
    expect(checkSchema(released, added, operations)).toMatchObject({ ok: true, breaking: [], invalidOperations: [] });
  });
});
