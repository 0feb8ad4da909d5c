/**
 * Generates docs/events.md, the event catalogue, from schemas/events/*.json and the table of streams
 * below. `--check` regenerates in memory and fails when the committed file is stale, so whoever adds
 * or changes an event type reruns `npm run events:catalogue` and commits the result.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CLOUDEVENTS_CONTENT_TYPE,
  PLACEHOLDER_MEANINGS,
  PLACEHOLDERS,
  eventTopic,
  knownEventTypes,
  toCloudEvent,
  toKafkaMessage,
  withTraceHeaders,
} from '@cpb/kit';
import { readSchema, textProperties, type JsonSchema } from './schema-files';

export { readSchema, type JsonSchema };

export const cataloguePath = join(__dirname, '..', '..', 'docs', 'events.md');

/** Which service publishes a type prefix, and which data field holds the aggregate id (the Kafka key). */
export interface Stream {
  prefix: string;
  /** The subgraph (@cpb/subgraphs) whose outbox emits it. */
  service: string;
  /** The aggregate whose events stay in order (one key, one partition). */
  aggregate: string;
  key: string;
}

// A new prefix needs a row here; a type whose prefix is missing stops the generator.
export const streams: Stream[] = [
  { prefix: 'organization', service: 'organizations', aggregate: 'organization', key: 'organizationId' },
  { prefix: 'position', service: 'organizations', aggregate: 'organization', key: 'organizationId' },
  { prefix: 'meeting', service: 'organizations', aggregate: 'organization', key: 'organizationId' },
  { prefix: 'meeting-rhythm', service: 'organizations', aggregate: 'meeting rhythm (one type)', key: 'rhythmId' },
  { prefix: 'street', service: 'organizations', aggregate: 'street', key: 'streetId' },
  { prefix: 'community', service: 'organizations', aggregate: 'community', key: 'communityId' },
  { prefix: 'grid', service: 'organizations', aggregate: 'community', key: 'communityId' },
  { prefix: 'resident-unit', service: 'organizations', aggregate: 'resident unit', key: 'residentUnitId' },
  { prefix: 'resident-unit-import', service: 'organizations', aggregate: 'resident unit import', key: 'importId' },
  { prefix: 'instructor', service: 'organizations', aggregate: 'resident unit', key: 'residentUnitId' },
  { prefix: 'member', service: 'members', aggregate: 'member', key: 'memberId' },
  { prefix: 'member-import', service: 'members', aggregate: 'member import', key: 'importId' },
  { prefix: 'applicant', service: 'members', aggregate: 'applicant', key: 'applicantId' },
  { prefix: 'dues', service: 'members', aggregate: 'member', key: 'memberId' },
  { prefix: 'resource', service: 'resources', aggregate: 'resource', key: 'resourceId' },
  { prefix: 'booking', service: 'resources', aggregate: 'resource (the booked venue)', key: 'resourceId' },
  { prefix: 'agreement', service: 'resources', aggregate: 'agreement', key: 'agreementId' },
  { prefix: 'commitment', service: 'resources', aggregate: 'agreement', key: 'agreementId' },
  { prefix: 'need', service: 'resources', aggregate: 'need', key: 'needId' },
  { prefix: 'project', service: 'resources', aggregate: 'need (the project answers it)', key: 'needId' },
  { prefix: 'joint-meeting', service: 'resources', aggregate: 'joint meeting', key: 'jointMeetingId' },
  { prefix: 'team', service: 'activities', aggregate: 'volunteer team', key: 'teamId' },
  { prefix: 'team-membership-import', service: 'activities', aggregate: 'team membership import', key: 'importId' },
  { prefix: 'activity', service: 'activities', aggregate: 'activity', key: 'activityId' },
  { prefix: 'participation', service: 'activities', aggregate: 'activity', key: 'activityId' },
];

export function streamOf(type: string): Stream {
  const stream = streams.find((s) => type.startsWith(`${s.prefix}.`));
  if (!stream) throw new Error(`Event type ${type} has no producer: add its prefix to the streams table in scripts/events/catalogue.ts`);
  return stream;
}

/** A stable UUID per field name, so the same id (e.g. communityId) reads the same in every example. */
function exampleUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Readable text for free-text fields, by `<prefix>.<field>` or by field. */
const EXAMPLE_TEXT: Record<string, string> = {
  'organization.name': '东风社区党委',
  'street.name': '东风街道',
  'grid.name': '第一网格',
  'resident-unit.name': '市第二人民医院',
  'resource.name': '党群服务中心会议室',
  'team.name': '银发志愿服务队',
  name: '东风社区',
  previousName: '东风居委会',
  title: '周末助老义诊',
  district: '和平区',
  reason: '场地维修',
  // Scrubbed text as consumers receive it: what the staff typed, with placeholders where personal data was.
  'booking.reason': '场地维修，改期请联系[PHONE]',
  'agreement.reason': '联络员[NAME]调离，单位搬迁',
  item: '每季度开放会议室',
  specialty: '助老服务',
  role: 'SECRETARY',
};

/** A deterministic example value that satisfies `schema`; `name` (and the type's `prefix`) pick readable text and shared ids. */
export function exampleValue(schema: JsonSchema, name: string, prefix = ''): unknown {
  if (schema.examples?.length) return schema.examples[0];
  const nonNull = schema.enum?.filter((v) => v !== null);
  if (nonNull?.length) return nonNull[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([field, sub]) => [field, exampleValue(sub, field, prefix)]));
    case 'array':
      return schema.items ? [exampleValue(schema.items, name.replace(/Ids$/, 'Id').replace(/s$/, ''), prefix)] : [];
    case 'integer':
      return Math.max(schema.minimum ?? 0, Math.min(schema.maximum ?? 3, 3));
    case 'number':
      return Math.max(schema.minimum ?? 0, Math.min(schema.maximum ?? 2.5, 2.5));
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'uuid') return exampleUuid(name);
      if (schema.format === 'date') return '2026-05-18';
      if (schema.format === 'date-time') return '2026-05-18T01:30:00.000Z';
      return EXAMPLE_TEXT[`${prefix}.${name}`] ?? EXAMPLE_TEXT[name] ?? name;
    default:
      throw new Error(`No example for ${name}: type ${String(schema.type)}`);
  }
}

/** The example's trace: the change's create span (in the event) and the relay's publish span (on the record). */
const EXAMPLE_ORIGIN_TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const EXAMPLE_PUBLISH_TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-b7ad6b7169203331-01';

/** The Kafka record a relay would publish for the type's example data (the kit's own envelope code). */
export function exampleRecord(type: string) {
  const data = exampleValue(readSchema(type), type, type.split('.')[0]) as Record<string, unknown>;
  const { service, key } = streamOf(type);
  const event = toCloudEvent(
    {
      seq: '1',
      id: exampleUuid(`event:${type}`),
      aggregate_type: type.split('.')[0],
      aggregate_id: String(data[key]),
      type,
      payload: data,
      occurred_at: new Date('2026-05-18T01:30:00.000Z'),
      traceparent: EXAMPLE_ORIGIN_TRACEPARENT,
    },
    service,
  );
  const message = withTraceHeaders(toKafkaMessage(event), { traceparent: EXAMPLE_PUBLISH_TRACEPARENT });
  return { topic: eventTopic(service), key: message.key as string, headers: message.headers as Record<string, string>, event };
}

function typeLabel(schema: JsonSchema): string {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'any'];
  const base = types.filter((t) => t !== 'null').join(' | ');
  const detail = schema.enum
    ? `${base}: ${schema.enum
        .filter((v) => v !== null)
        .map((v) => `\`${String(v)}\``)
        .join(', ')}`
    : schema.format
      ? `${base} (${schema.format})`
      : base === 'array' && schema.items
        ? `array of ${typeLabel(schema.items)}`
        : base;
  return types.includes('null') ? `${detail}, or null` : detail;
}

/** How the kit treats a free-text property before the event is written: scrubbed (maybe withheld), or a code. */
export function textHandling(schema: JsonSchema): string {
  const mark = schema['x-scrubbed'];
  if (mark === true) return '**scrubbed**';
  if (mark) {
    const when = Object.entries(mark.withheldWhen)
      .map(([property, values]) => `\`${property}\` is ${values.map((v) => `\`${String(v)}\``).join(' or ')}`)
      .join(', or ');
    return `**scrubbed**; \`${PLACEHOLDERS.withheld}\` when ${when}`;
  }
  return schema['x-code'] ? `code: ${schema['x-code']}` : '';
}

/** The notes on a field: its description, and how its free text (or its array's items) leaves scrubbed. */
function fieldNotes(sub: JsonSchema): string {
  const handling = textHandling(sub) || (sub.items ? textHandling(sub.items) : '');
  return [sub.description, handling].filter(Boolean).join(' ');
}

function typeSection(type: string): string {
  const schema = readSchema(type);
  const stream = streamOf(type);
  const record = exampleRecord(type);
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(
    ([field, sub]) =>
      `| \`${field}\`${field === stream.key ? ' (key)' : ''}${sub.deprecated ? ' (deprecated)' : ''} | ${typeLabel(sub)} | ${required.has(field) ? 'yes' : 'no'} | ${fieldNotes(sub)} |`,
  );
  return [
    `### \`${type}\``,
    '',
    ...deprecationLine(schema),
    `Producer **${stream.service}** · topic \`${record.topic}\` · key \`${stream.key}\` (the ${stream.aggregate}) · CloudEvents type \`${record.event.type}\` · schema [\`schemas/events/${type}.json\`](../schemas/events/${type}.json)`,
    '',
    '| Field | Type | Required | Notes |',
    '| --- | --- | --- | --- |',
    ...fields,
    '',
    'Example record:',
    '',
    '```json',
    JSON.stringify({ key: record.key, headers: record.headers, value: record.event }, null, 2),
    '```',
    '',
  ].join('\n');
}

/** The placeholders the scrubber writes, and what each stands for (the kit's own constants). */
function placeholderTable(): string {
  const rows = Object.entries(PLACEHOLDERS).map(
    ([kind, placeholder]) => `| \`${placeholder}\` | ${PLACEHOLDER_MEANINGS[kind as keyof typeof PLACEHOLDERS]} |`,
  );
  return ['| Placeholder | Stands for |', '| --- | --- |', ...rows].join('\n');
}

/** Every free-text field of every type and how it leaves: the consumer's map of what may hold placeholders. */
export function scrubbedFieldsTable(types: string[], read: (type: string) => JsonSchema = readSchema): string {
  const rows = types.flatMap((type) =>
    textProperties(read(type))
      .filter((p) => p.schema['x-scrubbed'])
      .map((p) => `| [\`${type}\`](#${type.replace(/\./g, '')}) | \`${p.path}\` | ${textHandling(p.schema)} |`),
  );
  return ['| Event type | Field | Leaves |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The catalogue's hand-written part (how events travel, the envelope, the version policy, replay): kept as Markdown. */
const INTRO_TEMPLATE = readFileSync(join(__dirname, 'catalogue-intro.md'), 'utf8');

function intro(types: string[]): string {
  return INTRO_TEMPLATE.replace('{{CLOUDEVENTS_CONTENT_TYPE}}', CLOUDEVENTS_CONTENT_TYPE)
    .replace('{{PLACEHOLDERS}}', placeholderTable())
    .replace('{{SCRUBBED_FIELDS}}', scrubbedFieldsTable(types));
}

export function deprecationLine(schema: JsonSchema): string[] {
  const terms = schema['x-deprecation'];
  if (!schema.deprecated || !terms) return [];
  const replacement = terms.replacedBy ? `; use [\`${terms.replacedBy}\`](#${terms.replacedBy.replace(/\./g, '')})` : '';
  return [`**Deprecated** since ${terms.since}, emitted until ${terms.until}${replacement}.${terms.note ? ` ${terms.note}` : ''}`, ''];
}

/** Every deprecated type and property, so a consumer finds what it must move off in one place. */
export function deprecatedSection(types: string[], read: (type: string) => JsonSchema = readSchema): string[] {
  const rows = types.flatMap((type) => {
    const schema = read(type);
    const terms = schema['x-deprecation'];
    const own =
      schema.deprecated && terms
        ? [`| [\`${type}\`](#${type.replace(/\./g, '')}) | the event type | ${terms.since} | ${terms.until} | ${terms.replacedBy ?? ''} |`]
        : [];
    const fields = Object.entries(schema.properties ?? {})
      .filter(([, sub]) => sub.deprecated)
      .map(([field, sub]) => `| [\`${type}\`](#${type.replace(/\./g, '')}) | \`${field}\` | | | ${sub.description ?? ''} |`);
    return [...own, ...fields];
  });
  const table = rows.length
    ? ['| Event type | What | Since | Emitted until | Instead |', '| --- | --- | --- | --- | --- |', ...rows]
    : ['None at present.'];
  return ['## Deprecated', '', ...table, ''];
}

export function generateCatalogue(): string {
  const types = knownEventTypes();
  const byService = new Map<string, string[]>();
  for (const type of types) byService.set(streamOf(type).service, [...(byService.get(streamOf(type).service) ?? []), type]);
  const topics = [...new Set(streams.map((s) => s.service))].map(
    (service) =>
      `| \`${eventTopic(service)}\` | ${service} | ${(byService.get(service) ?? []).map((t) => `[\`${t}\`](#${t.replace(/\./g, '')})`).join(', ')} |`,
  );
  const index = types.map((type) => {
    const stream = streamOf(type);
    return `| [\`${type}\`](#${type.replace(/\./g, '')}) | ${stream.service} | \`${eventTopic(stream.service)}\` | \`${stream.key}\` | [schema](../schemas/events/${type}.json) |`;
  });
  return [
    intro(types),
    '## Topics',
    '',
    '| Topic | Producer | Event types |',
    '| --- | --- | --- |',
    ...topics,
    '',
    ...deprecatedSection(types),
    `## Event types (${types.length})`,
    '',
    '| Type | Producer | Topic | Key | Schema |',
    '| --- | --- | --- | --- | --- |',
    ...index,
    '',
    ...types.map(typeSection),
  ].join('\n');
}

function main(): void {
  const markdown = generateCatalogue();
  if (process.argv.includes('--check')) {
    const committed = existsSync(cataloguePath) ? readFileSync(cataloguePath, 'utf8') : '';
    if (committed !== markdown) {
      console.error('docs/events.md is stale: run `npm run events:catalogue` and commit the result.');
      process.exit(1);
    }
    console.log('event catalogue is up to date');
    return;
  }
  writeFileSync(cataloguePath, markdown);
  console.log(`wrote ${cataloguePath}`);
}

if (require.main === module) main();
