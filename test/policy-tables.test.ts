import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';
import { userRoles, type PolicyTable } from '@cpb/kit';
import { changes as activities } from '../services/activities/src/domain/policy';
import { changes as members } from '../services/members/src/domain/policy';
import { changes as organizations } from '../services/organizations/src/domain/policy';
import { changes as resources } from '../services/resources/src/domain/policy';

const tables: Record<string, PolicyTable> = { organizations, members, resources, activities };

/** The mutations a subgraph's schema declares (its `type Mutation`, and any `extend type Mutation`). */
function mutationsOf(service: string): string[] {
  const document = parse(readFileSync(join(__dirname, '..', 'services', service, 'schema.graphql'), 'utf8'));
  return document.definitions.flatMap((definition) =>
    (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) &&
    definition.name.value === 'Mutation'
      ? (definition.fields ?? []).map((field) => field.name.value)
      : [],
  );
}

describe("each service's policy table (src/domain/policy.ts)", () => {
  it.each(Object.keys(tables))('%s states a rule for every mutation of its schema, in roles the README names', (service) => {
    const table = tables[service];
    const mutations = mutationsOf(service);
    expect(mutations.length).toBeGreaterThan(0);
    expect(mutations.filter((name) => !table[name])).toEqual([]);
    for (const [name, rule] of Object.entries(table)) {
      expect(rule.roles.filter((role) => !(userRoles as readonly string[]).includes(role))).toEqual([]);
      expect(rule.scope.length).toBeGreaterThan(0);
      // A row without a mutation is a reaction or a service-only step: only services may make it.
      if (!mutations.includes(name)) expect({ name, roles: rule.roles }).toEqual({ name, roles: [] });
    }
  });
});
