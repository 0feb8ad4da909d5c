import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_SCHEMA_DIR } from '@cpb/kit';
import { deprecatedSection, deprecationLine } from '../scripts/events/catalogue';
import { compareReleases, describeFinding } from '../scripts/events/compatibility';
import { RELEASED_SCHEMA_DIR, readSchemas, type JsonSchema } from '../scripts/events/schema-files';

const root = join(__dirname, '..');
const released = readSchemas(RELEASED_SCHEMA_DIR);
const TODAY = '2026-12-05';

/** The released schemas with one type changed by `edit` (a deep copy: the released map is never touched). */
function withChange(type: string, edit: (schema: JsonSchema) => void): Map<string, JsonSchema> {
  const current = new Map([...released].map(([name, schema]) => [name, structuredClone(schema)]));
  edit(current.get(type)!);
  return current;
}

const breaking = (current: Map<string, JsonSchema>, before = released) =>
  compareReleases(before, current, TODAY).breaking.map(describeFinding);
const notes = (current: Map<string, JsonSchema>) => compareReleases(released, current, TODAY).notes.map(describeFinding);

it('the committed event schemas are compatible with the released copy', () => {
  expect(released.size).toBeGreaterThanOrEqual(55);
  expect(breaking(readSchemas(EVENT_SCHEMA_DIR))).toEqual([]);
});

describe('fails on each kind of breaking change, naming the event, the property and why', () => {
  it('a removed property', () => {
    expect(breaking(withChange('participation.hours-credited', (s) => delete s.properties!.hours))).toEqual([
      'participation.hours-credited: hours: removed or renamed: consumers read it, and events already published carry it',
    ]);
  });

  it('a renamed property (removed, and a new required one)', () => {
    const renamed = withChange('need.raised', (s) => {
      s.properties!.needCategory = s.properties!.category;
      delete s.properties!.category;
      s.required = s.required!.map((name) => (name === 'category' ? 'needCategory' : name));
    });
    expect(breaking(renamed)).toEqual([
      'need.raised: category: removed or renamed: consumers read it, and events already published carry it',
      'need.raised: needCategory: new required property: events already published lack it (add it as optional)',
    ]);
  });

  it('a changed type, including a property that becomes nullable or stops being nullable', () => {
    expect(breaking(withChange('participation.hours-credited', (s) => (s.properties!.hours.type = 'string')))).toEqual([
      "participation.hours-credited: hours: type changed from number to string: a consumer of either schema cannot read the other's events",
    ]);
    expect(breaking(withChange('member.admitted', (s) => (s.properties!.workUnitId.type = 'string')))).toEqual([
      "member.admitted: workUnitId: type changed from null | string to string: a consumer of either schema cannot read the other's events",
    ]);
  });

  it('a changed format', () => {
    expect(breaking(withChange('member.admitted', (s) => (s.properties!.joinedOn.format = 'date-time')))).toEqual([
      'member.admitted: joinedOn: format changed from date to date-time: values of one do not parse as the other',
    ]);
  });

  it('a new required property, and an optional property that becomes required', () => {
    const withOptional = withChange('need.raised', (s) => (s.properties!.urgency = { type: 'string' }));
    expect(breaking(withOptional)).toEqual([]);
    expect(notes(withOptional)).toEqual(['need.raised: urgency: new optional property']);
    const required = withChange('need.raised', (s) => {
      s.properties!.urgency = { type: 'string' };
      s.required!.push('urgency');
    });
    expect(breaking(required)).toEqual([
      'need.raised: urgency: new required property: events already published lack it (add it as optional)',
    ]);
    expect(breaking(required, withOptional)).toEqual(['need.raised: urgency: became required: events already published may lack it']);
    expect(breaking(withOptional, required)).toEqual([
      'need.raised: urgency: became optional: consumers of the released schema expect it in every event',
    ]);
  });

  it('a narrowed enum, while a widened one is allowed with a note', () => {
    expect(
      breaking(
        withChange('member.admitted', (s) => (s.properties!.category.enum = s.properties!.category.enum!.filter((v) => v !== 'STUDENT'))),
      ),
    ).toEqual(['member.admitted: category: enum narrowed: "STUDENT" no longer allowed, and events already published carry it']);
    const widened = withChange('member.admitted', (s) => s.properties!.category.enum!.push('RETURNED_OVERSEAS'));
    expect(breaking(widened)).toEqual([]);
    expect(notes(widened)).toEqual([
      'member.admitted: category: enum widened by "RETURNED_OVERSEAS": consumers must tolerate values they do not know',
    ]);
  });

  it('a changed bound', () => {
    expect(breaking(withChange('participation.hours-credited', (s) => (s.properties!.hours.maximum = 24)))).toEqual([
      "participation.hours-credited: hours: maximum changed from none to 24: one schema's events break the other's check",
    ]);
  });

  it('a removed event type, unless its deprecation period has ended', () => {
    const without = (current: Map<string, JsonSchema>) => (current.delete('grid.created'), current);
    expect(breaking(without(withChange('grid.created', () => undefined)))).toEqual([
      'grid.created: removed or renamed: consumers subscribe to it; deprecate it first (deprecated and x-deprecation in its schema) and emit it for 180 days beside its replacement',
    ]);
    const deprecated = (until: string) =>
      withChange('grid.created', (s) => Object.assign(s, { deprecated: true, 'x-deprecation': { since: '2026-01-02', until } }));
    expect(breaking(without(withChange('grid.created', () => undefined)), deprecated('2027-01-31'))).toEqual([
      'grid.created: removed before 2027-01-31, the end of its deprecation period: keep emitting it until then',
    ]);
    expect(breaking(without(withChange('grid.created', () => undefined)), deprecated('2026-07-01'))).toEqual([]);
  });

  it('a deprecation without terms, shorter than 180 days, shortened after release, or replaced by a type that does not exist', () => {
    expect(breaking(withChange('grid.created', (s) => (s.deprecated = true)))).toEqual([
      'grid.created: a deprecation needs both "deprecated": true and "x-deprecation": { since, until }',
    ]);
    const deprecate = (terms: object) => withChange('grid.created', (s) => Object.assign(s, { deprecated: true, 'x-deprecation': terms }));
    expect(breaking(deprecate({ since: '2026-12-05', until: '2027-03-01', replacedBy: 'grid.created.v2' }))).toEqual([
      'grid.created: deprecated for less than 180 days (2026-12-05 to 2027-03-01)',
      'grid.created: replacedBy names grid.created.v2, which has no schema',
    ]);
    expect(
      breaking(deprecate({ since: '2026-12-05', until: '2027-06-30' }), deprecate({ since: '2026-12-05', until: '2027-07-31' })),
    ).toEqual(['grid.created: deprecation period shortened from 2027-07-31 to 2027-06-30: consumers plan by the released date']);
  });

  it('scrubbing taken back, or a text withheld in fewer cases; scrubbing or withholding more is a note', () => {
    const mark = (value: JsonSchema['x-scrubbed']) =>
      withChange('need.raised', (s) => Object.assign(s.properties!.title, { 'x-scrubbed': value }));
    const scrubbed = mark(true);
    const withheld = mark({ withheldWhen: { category: ['HARDSHIP_ASSISTANCE', 'HEALTH'] } });
    expect(breaking(released, scrubbed)).toEqual([
      'need.raised: title: no longer scrubbed: consumers keep it on the promise that it carries no personal data',
    ]);
    expect(breaking(mark({ withheldWhen: { category: ['HARDSHIP_ASSISTANCE'] } }), withheld)).toEqual([
      'need.raised: title: withheld in fewer cases: no longer when category=HEALTH',
    ]);
    expect(breaking(scrubbed, withheld)).toEqual([
      'need.raised: title: withheld in fewer cases: no longer when category=HARDSHIP_ASSISTANCE, category=HEALTH',
    ]);
    expect(breaking(withheld, scrubbed)).toEqual([]);
    expect(notes(withheld)).toEqual([
      'need.raised: title: now scrubbed: personal data in it reads as placeholders ([PHONE], [NAME], ...)',
      'need.raised: title: withheld whole ([WITHHELD]) when category=HARDSHIP_ASSISTANCE, category=HEALTH',
    ]);
  });
});

it('npm run events:compat exits 1 on a broken schema and names it; 0 on the committed ones', () => {
  const dir = mkdtempSync(join(tmpdir(), 'events-compat-'));
  try {
    cpSync(EVENT_SCHEMA_DIR, dir, { recursive: true });
    const schema = structuredClone(released.get('participation.hours-credited')!);
    delete schema.properties!.servedAt;
    writeFileSync(join(dir, 'participation.hours-credited.json'), JSON.stringify(schema));
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync('npx', ['tsx', 'scripts/events/compat.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
    const broken = run({ EVENT_SCHEMA_DIR: dir });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('BREAKING: participation.hours-credited: servedAt: removed or renamed');
    expect(run({}).status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('the catalogue lists deprecated types and properties, with their terms, so consumers learn of them', () => {
  const old = Object.assign(structuredClone(released.get('member.admitted')!), {
    deprecated: true,
    'x-deprecation': { since: '2027-01-04', until: '2027-07-05', replacedBy: 'member.admitted.v2', note: 'category split in two.' },
  });
  old.properties!.category.deprecated = true;
  old.properties!.category.description = 'use member.admitted.v2';
  const schemas: Record<string, JsonSchema> = { 'member.admitted': old, 'need.raised': released.get('need.raised')! };
  expect(deprecatedSection(Object.keys(schemas), (type) => schemas[type])).toEqual([
    '## Deprecated',
    '',
    '| Event type | What | Since | Emitted until | Instead |',
    '| --- | --- | --- | --- | --- |',
    '| [`member.admitted`](#memberadmitted) | the event type | 2027-01-04 | 2027-07-05 | member.admitted.v2 |',
    '| [`member.admitted`](#memberadmitted) | `category` | | | use member.admitted.v2 |',
    '',
  ]);
  expect(deprecationLine(old)).toEqual([
    '**Deprecated** since 2027-01-04, emitted until 2027-07-05; use [`member.admitted.v2`](#memberadmittedv2). category split in two.',
    '',
  ]);
  expect(deprecatedSection(['need.raised'], () => released.get('need.raised')!)).toEqual(['## Deprecated', '', 'None at present.', '']);
});
