import { PLACEHOLDERS, scrubText } from '../privacy';
import { eventSchema, hasEventSchema } from './schemas';

/** When a scrubbed text is withheld whole: a sibling property (e.g. `kind`) holds one of these values. */
export type WithheldWhen = Record<string, readonly unknown[]>;

/** A free-text property the scrubber passes over: its path (`[]` steps into array items) and when it is withheld. */
export interface ScrubbedProperty {
  path: string[];
  withheldWhen?: WithheldWhen;
}

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  'x-scrubbed'?: true | { withheldWhen: WithheldWhen };
}

/** Every property an event schema marks `x-scrubbed`, at any depth (the contract test checks the free text is all marked). */
export function scrubbedProperties(schema: SchemaNode, path: string[] = []): ScrubbedProperty[] {
  const here: ScrubbedProperty[] = [];
  const mark = schema['x-scrubbed'];
  if (mark) here.push(mark === true ? { path } : { path, withheldWhen: mark.withheldWhen });
  const nested = Object.entries(schema.properties ?? {}).flatMap(([name, sub]) => scrubbedProperties(sub, [...path, name]));
  return [...here, ...nested, ...(schema.items ? scrubbedProperties(schema.items, [...path, '[]']) : [])];
}

const byType = new Map<string, ScrubbedProperty[]>();

/** A type without a schema (retired after its deprecation, still in the archive) has nothing marked. */
function scrubbedPropertiesOf(type: string): ScrubbedProperty[] {
  let found = byType.get(type);
  if (!found) {
    found = hasEventSchema(type) ? scrubbedProperties(eventSchema(type) as SchemaNode) : [];
    byType.set(type, found);
  }
  return found;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function withheld(when: WithheldWhen | undefined, holder: Record<string, unknown> | null): boolean {
  return Boolean(when && holder && Object.entries(when).some(([property, values]) => values.includes(holder[property])));
}

function scrubAt(
  node: unknown,
  property: ScrubbedProperty,
  depth: number,
  names: readonly string[],
  holder: Record<string, unknown> | null,
): unknown {
  if (depth === property.path.length) {
    if (typeof node !== 'string') return node;
    return withheld(property.withheldWhen, holder) ? PLACEHOLDERS.withheld : scrubText(node, { names });
  }
  const step = property.path[depth];
  if (step === '[]') return Array.isArray(node) ? node.map((item) => scrubAt(item, property, depth + 1, names, holder)) : node;
  if (!isRecord(node) || !(step in node)) return node;
  return { ...node, [step]: scrubAt(node[step], property, depth + 1, names, node) };
}

/**
 * An event's data as it may leave the service: every property its schema marks `x-scrubbed` passed
 * through the scrubber (phones, ID numbers, bank cards, e-mail addresses and the `names` given become
 * placeholders) or withheld whole where the schema says so. The caller's object is not changed; the
 * original text stays in the service's own tables.
 */
export function scrubEventData(type: string, data: Record<string, unknown>, names: readonly string[] = []): Record<string, unknown> {
  let scrubbed: unknown = data;
  for (const property of scrubbedPropertiesOf(type)) scrubbed = scrubAt(scrubbed, property, 0, names, null);
  return scrubbed as Record<string, unknown>;
}
