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
}

export function readSchema(type: string, dir = EVENT_SCHEMA_DIR): JsonSchema {
  return JSON.parse(readFileSync(join(dir, `${type}.json`), 'utf8')) as JsonSchema;
}

/** Every schema in a folder of `<type>.json` files, by type. */
export function readSchemas(dir: string): Map<string, JsonSchema> {
  if (!existsSync(dir)) return new Map();
  const types = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)).sort();
  return new Map(types.map((type) => [type, readSchema(type, dir)]));
}
