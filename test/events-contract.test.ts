import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_SCHEMA_DIR, eventValidator, knownEventTypes } from '@cpb/kit';
import { exampleRecord, readSchema, streamOf, type JsonSchema } from '../scripts/events/catalogue';
import { textProperties } from '../scripts/events/schema-files';

const servicesDir = join(__dirname, '..', 'services');
const types = knownEventTypes();

/** Property names that would carry personal data (phone, ID number, address, birth date, contact handles, real names). */
const PERSONAL = [
  /phone/i,
  /mobile/i,
  /^tel/i,
  /id_?num/i,
  /id_?card/i,
  /identity/i,
  /address/i,
  /birth/i,
  /e_?mail/i,
  /wechat/i,
  /real_?name/i,
  /full_?name/i,
];

/** Every property name in a schema, nested objects and array items included, as dotted paths. */
function propertyPaths(schema: JsonSchema, prefix = ''): string[] {
  const own = Object.entries(schema.properties ?? {}).flatMap(([name, sub]) => [
    `${prefix}${name}`,
    ...propertyPaths(sub, `${prefix}${name}.`),
  ]);
  return schema.items ? [...own, ...propertyPaths(schema.items, `${prefix}[].`)] : own;
}

function personalFields(schema: JsonSchema): string[] {
  return propertyPaths(schema).filter((path) => PERSONAL.some((pattern) => pattern.test(path.split('.').pop()!)));
}

/**
 * Free text that would leave unscrubbed: every string property without format, enum or pattern must be
 * marked `x-scrubbed` (the kit scrubs it at the outbox) or `x-code` (a fixed vocabulary no one types);
 * the marks sit on strings only, and a `withheldWhen` names a sibling enum and values it can hold.
 */
function unmarkedOrMisplacedText(schema: JsonSchema): string[] {
  const text = textProperties(schema);
  const problems = text
    .filter((p) => !p.schema['x-scrubbed'] && !p.schema['x-code'])
    .map((p) => `${p.path}: free text neither x-scrubbed nor x-code`);
  problems.push(...text.filter((p) => p.schema['x-scrubbed'] && p.schema['x-code']).map((p) => `${p.path}: both x-scrubbed and x-code`));
  const marked = (node: JsonSchema, path: string): string[] => [
    ...(path && (node['x-scrubbed'] || node['x-code']) && !text.some((p) => p.path === path)
      ? [`${path}: x-scrubbed or x-code on something that is not free text`]
      : []),
    ...Object.entries(node.properties ?? {}).flatMap(([name, sub]) => marked(sub, path ? `${path}.${name}` : name)),
    ...(node.items ? marked(node.items, `${path}[]`) : []),
  ];
  problems.push(...marked(schema, ''));
  for (const { path, schema: property, holder } of text) {
    const mark = property['x-scrubbed'];
    if (typeof mark !== 'object') continue;
    for (const [sibling, values] of Object.entries(mark.withheldWhen)) {
      const known = holder.properties?.[sibling]?.enum;
      const strays = values.filter((value) => !known?.includes(value));
      if (strays.length)
        problems.push(
          `${path}: withheldWhen ${sibling} ${JSON.stringify(strays)}, which ${known ? 'that enum does not hold' : 'is no sibling enum'}`,
        );
    }
  }
  return problems;
}

/** Objects anywhere in a schema that accept properties they do not declare. */
function openObjects(schema: JsonSchema, path = '(root)'): string[] {
  const here = schema.type === 'object' || schema.properties ? (schema.additionalProperties === false ? [] : [path]) : [];
  const nested = Object.entries(schema.properties ?? {}).flatMap(([name, sub]) => openObjects(sub, `${path}.${name}`));
  return [...here, ...nested, ...(schema.items ? openObjects(schema.items, `${path}[]`) : [])];
}

/** The event type literals each service's src/events.ts uses (`type: '…'` or a builder's type argument), `….v2` included. */
function typesEmittedBy(): Map<string, string> {
  const emitted = new Map<string, string>();
  for (const service of readdirSync(servicesDir)) {
    const file = join(servicesDir, service, 'src', 'events.ts');
    if (!existsSync(file)) continue;
    for (const [, type] of readFileSync(file, 'utf8').matchAll(/'([a-z][a-z0-9-]*\.[a-z][a-z0-9-]*(?:\.v[0-9]+)?)'/g))
      emitted.set(type, service);
  }
  return emitted;
}

it('finds the event schemas', () => {
  expect(types.length).toBeGreaterThanOrEqual(40);
});

describe.each(types)('%s', (type) => {
  const schema = readSchema(type);

  it('is a valid JSON Schema (ajv strict mode) for an object that refuses undeclared properties, named by its $id', () => {
    expect(() => eventValidator(type)).not.toThrow();
    expect({ type: schema.type, title: (schema as { title?: string }).title, $id: schema.$id }).toEqual({
      type: 'object',
      title: type,
      $id: `https://schemas.cpb.example/events/${type}.json`,
    });
    expect(openObjects(schema)).toEqual([]);
  });

  it('has a producer and requires the field that is its Kafka key', () => {
    const { key } = streamOf(type);
    expect(schema.required).toContain(key);
    expect(schema.properties?.[key]).toMatchObject({ type: 'string', format: 'uuid' });
  });

  it('has a catalogue example that validates against the schema and is keyed by its aggregate id', () => {
    const { key, event } = exampleRecord(type);
    const validate = eventValidator(type);
    expect({ valid: validate(event.data), errors: validate.errors ?? null }).toEqual({ valid: true, errors: null });
    expect(key).toBe(event.data[streamOf(type).key]);
    expect(event.subject).toBe(key);
  });

  it('carries no personal data: no property named like a phone, ID number, address or birth date', () => {
    expect(personalFields(schema)).toEqual([]);
  });

  it('carries no unscrubbed free text: every text property is x-scrubbed or an x-code', () => {
    expect(unmarkedOrMisplacedText(schema)).toEqual([]);
  });
});

it('would catch unmarked or misplaced marks of free text anywhere in a schema (the check itself can fail)', () => {
  const planted: JsonSchema = {
    type: 'object',
    properties: {
      memberId: { type: 'string', format: 'uuid', 'x-scrubbed': true },
      kind: { type: 'string', enum: ['A', 'B'] },
      title: { type: ['string', 'null'] },
      note: { type: 'string', 'x-scrubbed': { withheldWhen: { kind: ['C'], status: ['X'] } } },
      code: { type: 'string', pattern: '^[A-Z]+$' },
      tags: { type: 'array', items: { type: 'string' } },
      steps: {
        type: 'array',
        items: {
          type: 'object',
          properties: { text: { type: 'string' }, label: { type: 'string', 'x-code': 'a label', 'x-scrubbed': true } },
        },
      },
    },
  };
  expect(unmarkedOrMisplacedText(planted)).toEqual([
    'title: free text neither x-scrubbed nor x-code',
    'tags[]: free text neither x-scrubbed nor x-code',
    'steps[].text: free text neither x-scrubbed nor x-code',
    'steps[].label: both x-scrubbed and x-code',
    'memberId: x-scrubbed or x-code on something that is not free text',
    'note: withheldWhen kind ["C"], which that enum does not hold',
    'note: withheldWhen status ["X"], which is no sibling enum',
  ]);
});

it('would catch a personal field anywhere in a schema (the check itself can fail)', () => {
  const planted: JsonSchema = {
    type: 'object',
    properties: {
      memberId: { type: 'string' },
      contact: { type: 'object', properties: { mobilePhone: { type: 'string' }, homeAddress: { type: 'string' } } },
      guardians: {
        type: 'array',
        items: { type: 'object', properties: { idNumber: { type: 'string' }, birthDate: { type: 'string' }, id_card: { type: 'string' } } },
      },
    },
  };
  expect(personalFields(planted)).toEqual([
    'contact.mobilePhone',
    'contact.homeAddress',
    'guardians.[].idNumber',
    'guardians.[].birthDate',
    'guardians.[].id_card',
  ]);
});

it('has a schema for every event type a service emits, and the catalogue names that service as its producer', () => {
  const emitted = typesEmittedBy();
  expect(emitted.size).toBeGreaterThanOrEqual(40);
  const problems = [...emitted].flatMap(([type, service]) => {
    if (!existsSync(join(EVENT_SCHEMA_DIR, `${type}.json`))) return [`${type} (${service}): no schemas/events/${type}.json`];
    const producer = streamOf(type).service;
    return producer === service ? [] : [`${type}: emitted by ${service}, catalogued under ${producer}`];
  });
  expect(problems).toEqual([]);
});

it('has no schema that no service emits: the catalogue would promise an event that never comes', () => {
  const emitted = typesEmittedBy();
  expect(types.filter((type) => !emitted.has(type))).toEqual([]);
});
