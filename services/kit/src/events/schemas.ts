import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** Where every event type's JSON Schema lives: schemas/events/<type>.json at the repository root. */
export const EVENT_SCHEMA_DIR = process.env.EVENT_SCHEMA_DIR ?? join(__dirname, '..', '..', '..', '..', 'schemas', 'events');

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
// The terms of a deprecated event type (docs/events.md, "Versions and compatibility"): an annotation,
// but its shape is checked so a misspelt date or field fails when the schema is compiled.
const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
ajv.addKeyword({
  keyword: 'x-deprecation',
  metaSchema: {
    type: 'object',
    required: ['since', 'until'],
    additionalProperties: false,
    properties: { since: isoDate, until: isoDate, replacedBy: { type: 'string' }, note: { type: 'string' } },
  },
});
// Free text in an event passes the kit's scrubber (scrub-event.ts): `true`, or withheld whole while a
// sibling property holds one of the listed values. Codes typed by no one are named as such instead.
ajv.addKeyword({
  keyword: 'x-scrubbed',
  metaSchema: {
    oneOf: [
      { const: true },
      {
        type: 'object',
        required: ['withheldWhen'],
        additionalProperties: false,
        properties: { withheldWhen: { type: 'object', minProperties: 1, additionalProperties: { type: 'array', minItems: 1 } } },
      },
    ],
  },
});
ajv.addKeyword({ keyword: 'x-code', metaSchema: { type: 'string', minLength: 1 } });
const schemas = new Map<string, Record<string, unknown>>();
const validators = new Map<string, ValidateFunction>();

export function hasEventSchema(type: string): boolean {
  return schemas.has(type) || existsSync(join(EVENT_SCHEMA_DIR, `${type}.json`));
}

/** An event type's JSON Schema as written (schemas/events/<type>.json), read once; an unknown type is a bug. */
export function eventSchema(type: string): Record<string, unknown> {
  let schema = schemas.get(type);
  if (!schema) {
    const path = join(EVENT_SCHEMA_DIR, `${type}.json`);
    if (!existsSync(path)) throw new Error(`No JSON Schema for event type ${type} at ${path}`);
    schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    schemas.set(type, schema);
  }
  return schema;
}

/** The validator for an event type's data, compiled once; an unknown type is a bug, not a caller error. */
export function eventValidator(type: string): ValidateFunction {
  let validate = validators.get(type);
  if (!validate) {
    validate = ajv.compile(eventSchema(type));
    validators.set(type, validate);
  }
  return validate;
}

/** Throws when `data` does not match its type's schema: an event that breaks its contract is never written. */
export function assertValidEvent(type: string, data: unknown): void {
  const validate = eventValidator(type);
  if (!validate(data)) {
    throw new Error(`Event ${type} does not match its schema: ${ajv.errorsText(validate.errors)}`);
  }
}

/** Every event type that has a schema (for the catalogue and tests). */
export function knownEventTypes(): string[] {
  return readdirSync(EVENT_SCHEMA_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}
