import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_SCHEMA_DIR, eventValidator, knownEventTypes } from '@cpb/kit';
import { exampleRecord, readSchema, streamOf, type JsonSchema } from '../scripts/events/catalogue';

const servicesDir = join(__dirname, '..', 'services');
const types = knownEventTypes();

/** Property names that would carry personal data (phone, ID number, address, birth date, contact handles, real names). */
const PERSONAL = [/phone/i, /mobile/i, /^tel/i, /id_?num/i, /id_?card/i, /identity/i, /address/i, /birth/i, /e_?mail/i, /wechat/i, /real_?name/i, /full_?name/i];

/** Every property name in a schema, nested objects and array items included, as dotted paths. */
function propertyPaths(schema: JsonSchema, prefix = ''): string[] {
  const own = Object.entries(schema.properties ?? {}).flatMap(([name, sub]) => [`${prefix}${name}`, ...propertyPaths(sub, `${prefix}${name}.`)]);
  return schema.items ? [...own, ...propertyPaths(schema.items, `${prefix}[].`)] : own;
}

function personalFields(schema: JsonSchema): string[] {
  return propertyPaths(schema).filter((path) => PERSONAL.some((pattern) => pattern.test(path.split('.').pop()!)));
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
    for (const [, type] of readFileSync(file, 'utf8').matchAll(/'([a-z][a-z0-9-]*\.[a-z][a-z0-9-]*(?:\.v[0-9]+)?)'/g)) emitted.set(type, service);
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
});

it('would catch a personal field anywhere in a schema (the check itself can fail)', () => {
  const planted: JsonSchema = {
    type: 'object',
    properties: {
      memberId: { type: 'string' },
      contact: { type: 'object', properties: { mobilePhone: { type: 'string' }, homeAddress: { type: 'string' } } },
      guardians: { type: 'array', items: { type: 'object', properties: { idNumber: { type: 'string' }, birthDate: { type: 'string' }, id_card: { type: 'string' } } } },
    },
  };
  expect(personalFields(planted)).toEqual(['contact.mobilePhone', 'contact.homeAddress', 'guardians.[].idNumber', 'guardians.[].birthDate', 'guardians.[].id_card']);
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
