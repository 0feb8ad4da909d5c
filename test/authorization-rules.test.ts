import { readFileSync } from 'node:fs';
import { allFields, fieldsNeedingRules, SUPERGRAPH_PATH } from './authorization/schema-fields';
import { changeRules } from './authorization/change-rules';
import { memberFields, otherPersonalFields, PERSONAL_NAME } from './authorization/member-fields';
import { readRules } from './authorization/read-rules';

/**
 * Deny by default, checked for every field (issue 11): every root field, list, contributed field and
 * mutation of the composed schema has a stated rule, which test/authorization.int.test.ts then
 * checks for every role through the gateway. A new field without a rule fails here.
 */
const stated = (coordinate: string) =>
  coordinate in readRules || coordinate in memberFields || (coordinate.startsWith('Mutation.') && coordinate.slice(9) in changeRules);

/** Fields the walk finds that have no stated rule. */
function unruled(sdl?: string): string[] {
  return fieldsNeedingRules(sdl)
    .map((f) => f.coordinate)
    .filter((c) => !stated(c));
}

describe('every field of the composed schema has a stated authorisation rule', () => {
  it('walks the supergraph: root fields, lists, contributed fields and mutations all have one', () => {
    const fields = fieldsNeedingRules();
    expect(fields.filter((f) => f.reasons.includes('query')).length).toBeGreaterThan(30);
    expect(fields.filter((f) => f.reasons.includes('mutation')).length).toBeGreaterThan(50);
    expect(fields.filter((f) => f.reasons.includes('contributed')).map((f) => f.coordinate)).toEqual(
      expect.arrayContaining(['Organization.memberCount', 'Member.volunteerHours', 'Community.needs']),
    );
    expect(unruled()).toEqual([]);
  });

  it('states no rule for a field that no longer exists', () => {
    const existing = new Set(allFields());
    const ruled = [...Object.keys(readRules), ...Object.keys(memberFields), ...Object.keys(changeRules).map((name) => `Mutation.${name}`)];
    expect(ruled.filter((c) => !existing.has(c))).toEqual([]);
  });

  it('states who sees every field named like personal data', () => {
    const personal = allFields().filter((c) => PERSONAL_NAME.test(c.split('.')[1]) && !c.endsWith('Masked'));
    expect(personal.filter((c) => !(c in memberFields) && !(c in otherPersonalFields))).toEqual([]);
  });

  it('fails for a new field without a stated rule (a field added to the composed schema here)', () => {
    const sdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
    const withNewFields = sdl
      .replace(/(type Query\n[^{]*\{\n)/, '$1  secretReport(id: ID!): String @join__field(graph: MEMBERS)\n')
      .replace(/(type Community\n[^{]*\{\n)/, '$1  residentPhones: [String!] @join__field(graph: MEMBERS)\n');
    expect(withNewFields).not.toBe(sdl);
    expect(unruled(withNewFields)).toEqual(['Community.residentPhones', 'Query.secretReport']);
  });
});
