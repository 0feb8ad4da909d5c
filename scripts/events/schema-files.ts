import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_SCHEMA_DIR } from '@cpb/kit';

/** The committed copy of the last released event schemas, which events:compat compares against. */
export const RELEASED_SCHEMA_DIR = join(__dirname, '..', '..', 'schemas', 'released', 'events');

/** A deprecated event type's terms: emitted until `until`, then removable (docs/events.md, "Versions"). */
export interface Deprecation {
  since: string;
  until: string;
  replacedBy?: string;
  note?: string;
}

/** The parts of a JSON Schema (draft-07) that event schemas use. */
export interface JsonSchema {
  $id?: string;
  title?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  examples?: unknown[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  /** Standard annotation: the type (or property) is on its way out. */
  deprecated?: boolean;
  /** Our annotation on a deprecated type, registered in the kit's Ajv so a typo fails. */
  'x-deprecation'?: Deprecation;
  /** Free text the kit scrubs before the event is written (services/kit/src/events/scrub-event.ts). */
  'x-scrubbed'?: true | { withheldWhen: Record<string, unknown[]> };
  /** A string no one types: a code from a fixed vocabulary, described. */
  'x-code'?: string;
}

/** A string property that is neither an id, a date, an enum nor a pattern: text someone may have typed. */
export interface TextProperty {
  /** Dotted path, `[]` for array items (as the compatibility report names properties). */
  path: string;
  schema: JsonSchema;
  /** The object schema that holds it (for `withheldWhen`, which names its siblings). */
  holder: JsonSchema;
}

function isString(schema: JsonSchema): boolean {
  return (Array.isArray(schema.type) ? schema.type : [schema.type]).includes('string');
}

/** Every string property without format, enum or pattern, at any depth: each must be scrubbed or be a code. */
export function textProperties(schema: JsonSchema, prefix = '', holder: JsonSchema = schema): TextProperty[] {
  const here = prefix && isString(schema) && !schema.format && !schema.enum && !schema.pattern ? [{ path: prefix, schema, holder }] : [];
  const nested = Object.entries(schema.properties ?? {}).flatMap(([name, sub]) =>
    textProperties(sub, prefix ? `${prefix}.${name}` : name, schema),
  );
  return [...here, ...nested, ...(schema.items ? textProperties(schema.items, `${prefix}[]`, holder) : [])];
}

export function readSchema(type: string, dir = EVENT_SCHEMA_DIR): JsonSchema {
  return JSON.parse(readFileSync(join(dir, `${type}.json`), 'utf8')) as JsonSchema;
}

/** Every schema in a folder of `<type>.json` files, by type. */
export function readSchemas(dir: string): Map<string, JsonSchema> {
  if (!existsSync(dir)) return new Map();
  const types = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
  return new Map(types.map((type) => [type, readSchema(type, dir)]));
}
