import fc from 'fast-check';
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  type GraphQLScalarType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';

/** Values nobody planned for, by the kind of slot they go into (the fuzz suite, docs/reliability.md). */

const SQL_AND_LIKE = [
  "' OR '1'='1",
  "'; DROP TABLE outbox; --",
  '%',
  '_',
  '\\',
  '%_\\%',
  "O'Brien",
  '$1',
  '"; SELECT pg_sleep(5); --',
  '*/ /*',
];
const TRICKY_TEXT = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\t\n\r',
  '\u202eevil',
  '\u200b',
  'e\u0301\u0301\u0301\u0301',
  '\ud800',
  '\udfff x',
  '😀👩‍👩‍👧',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  '<script>',
];
const DATES = [
  '2026-02-30',
  '2026-13-01',
  '0000-01-01',
  '9999-12-31',
  '+275760-09-13',
  '-000001-01-01',
  '2026-05-01T25:61:00Z',
  '9999-12-31T23:59:59Z',
  '1970-01-01T00:00:00+25:00',
  '2026-05-01T09:00:00',
  '20260501',
  '2026-W18-5',
  'yesterday',
];
const MALFORMED_IDS = [
  '',
  '0',
  '-1',
  '1.5',
  "' OR 1=1 --",
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'zzzzzzzz-zzzz-4zzz-8zzz-zzzzzzzzzzzz',
  '00000000-0000-4000-8000-00000000000',
  '{00000000-0000-4000-8000-000000000000}',
  '%',
  'x'.repeat(5000),
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SQL_AND_LIKE, ...TRICKY_TEXT, ...DATES),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc
    .array(
      fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)),
      { maxLength: 10 },
    )
    .map((cs) => cs.join('')),
  fc.tuple(fc.constantFrom('x', '党', 'e\u0301', '%'), fc.integer({ min: 200, max: 20_000 })).map(([s, n]) => s.repeat(n)),
);

const hugeIntegers = fc.constantFrom(0, -1, 1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53, -(2 ** 53), 1e21);
const hostileInt = fc.oneof(hugeIntegers, fc.integer(), fc.integer({ min: -3, max: 3 }));
const hostileFloat = fc.oneof(fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 0.1), fc.double({ noNaN: true, noDefaultInfinity: true }));

/** A JSON object nested `depth` levels: for any slot, where the schema expects something flat. */
const deeplyNested = fc.integer({ min: 20, max: 400 }).map((depth) => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
});

export interface ValueContext {
  /** Ids that exist somewhere in the district, so refusals past the id checks are reached too. */
  knownIds: string[];
}

/** Values for a slot of `type`: mostly the right shape with hostile contents, sometimes the wrong shape. */
export function valueFor(type: GraphQLInputType, context: ValueContext, seen: ReadonlySet<string> = new Set()): fc.Arbitrary<unknown> {
  const wrongShape = fc.oneof(deeplyNested, hostileString, hostileInt, fc.constant(null), fc.array(hostileString, { maxLength: 3 }));
  return fc.oneof({ weight: 12, arbitrary: rightShape(type, context, seen) }, { weight: 1, arbitrary: wrongShape });
}

function rightShape(type: GraphQLInputType, context: ValueContext, seen: ReadonlySet<string>): fc.Arbitrary<unknown> {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const element = valueFor(inner.ofType, context, seen);
    const oversized = fc.tuple(element, fc.integer({ min: 100, max: 2_000 })).map(([v, n]) => Array.from({ length: n }, () => v));
    return fc.oneof({ weight: 5, arbitrary: fc.array(element, { maxLength: 4 }) }, { weight: 1, arbitrary: oversized });
  }
  if (inner instanceof GraphQLEnumType)
    return fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...inner.getValues().map((v) => v.value as string)) },
      { weight: 1, arbitrary: hostileString },
    );
  if (inner instanceof GraphQLInputObjectType) {
    if (seen.has(inner.name)) return fc.constant({});
    const fields = Object.values(inner.getFields());
    const shape = Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, context, new Set([...seen, inner.name]))]));
    const requiredKeys = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name);
    return fc.record(shape, { requiredKeys });
  }
  switch ((inner as GraphQLScalarType).name) {
    case 'ID':
      return fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...context.knownIds) },
        { weight: 2, arbitrary: fc.uuid() },
        { weight: 2, arbitrary: fc.constantFrom(...MALFORMED_IDS) },
        { weight: 1, arbitrary: hostileString },
      );
    case 'Int':
      return hostileInt;
    case 'Float':
      return hostileFloat;
    case 'Boolean':
      return fc.boolean();
    default:
      return hostileString;
  }
}

/** Arguments for a field: every required one, optional ones sometimes. */
export function argumentsFor(args: readonly GraphQLArgument[], context: ValueContext): fc.Arbitrary<Record<string, unknown>> {
  const shape = Object.fromEntries(args.map((a) => [a.name, valueFor(a.type, context)]));
  const requiredKeys = args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => a.name);
  return fc.record(shape, { requiredKeys });
}
