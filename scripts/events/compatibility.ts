/**
 * Whether the event schemas can replace the last released ones without breaking a consumer that reads
 * old and new events alike: one written against the released schemas must read new events, and one
 * written against the new schemas must read events already published (history, replays). The rules
 * are docs/events.md's "Versions and compatibility".
 */
import type { Deprecation, JsonSchema } from './schema-files';

export interface Finding {
  type: string;
  /** Dotted path of the property (`[]` for array items); absent for the event type itself. */
  property?: string;
  why: string;
}

export interface CompatibilityReport {
  /** Changes that break a consumer: each fails `events:compat`. */
  breaking: Finding[];
  /** Compatible changes worth a reviewer's eye (new types, new optional properties, wider enums). */
  notes: Finding[];
}

/** A deprecated type is emitted beside its replacement for at least this long (docs/events.md). */
export const MIN_DEPRECATION_DAYS = 180;

const BOUNDS = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'pattern',
] as const;

export function compareReleases(released: Map<string, JsonSchema>, current: Map<string, JsonSchema>, today: string): CompatibilityReport {
  const report: CompatibilityReport = { breaking: [], notes: [] };
  for (const [type, old] of released) {
    const now = current.get(type);
    if (now) {
      compareSchema(type, old, now, report);
      continue;
    }
    const terms = old.deprecated ? old['x-deprecation'] : undefined;
    if (terms && terms.until <= today) report.notes.push({ type, why: `removed after its deprecation period (until ${terms.until})` });
    else if (terms)
      report.breaking.push({ type, why: `removed before ${terms.until}, the end of its deprecation period: keep emitting it until then` });
    else
      report.breaking.push({
        type,
        why: `removed or renamed: consumers subscribe to it; deprecate it first (deprecated and x-deprecation in its schema) and emit it for ${MIN_DEPRECATION_DAYS} days beside its replacement`,
      });
  }
  for (const [type, schema] of current) {
    if (!released.has(type)) report.notes.push({ type, why: 'new event type' });
    report.breaking.push(...deprecationProblems(type, schema, released.get(type), current));
  }
  return report;
}

/** Compares one type's released schema with its current one. */
export function compareSchema(type: string, old: JsonSchema, now: JsonSchema, report: CompatibilityReport): void {
  compareValue(type, '', old, now, report);
}

function compareValue(type: string, path: string, old: JsonSchema, now: JsonSchema, report: CompatibilityReport): void {
  const breaking = (why: string) => report.breaking.push({ type, ...(path ? { property: path } : {}), why });
  const oldTypes = typeNames(old);
  const newTypes = typeNames(now);
  if (oldTypes !== newTypes)
    breaking(`type changed from ${oldTypes} to ${newTypes}: a consumer of either schema cannot read the other's events`);
  if (old.format !== now.format)
    breaking(`format changed from ${old.format ?? 'none'} to ${now.format ?? 'none'}: values of one do not parse as the other`);
  compareEnum(type, path, old, now, report);
  compareScrubbing(type, path, old, now, report);
  for (const bound of BOUNDS) {
    if (old[bound] !== now[bound])
      breaking(
        `${bound} changed from ${String(old[bound] ?? 'none')} to ${String(now[bound] ?? 'none')}: one schema's events break the other's check`,
      );
  }
  if (old.properties || now.properties) compareObject(type, path, old, now, report);
  if (old.items && now.items) compareValue(type, `${path}[]`, old.items, now.items, report);
}

function compareObject(type: string, path: string, old: JsonSchema, now: JsonSchema, report: CompatibilityReport): void {
  const at = (name: string) => (path ? `${path}.${name}` : name);
  const oldRequired = new Set(old.required ?? []);
  const newRequired = new Set(now.required ?? []);
  for (const [name, oldProperty] of Object.entries(old.properties ?? {})) {
    const newProperty = now.properties?.[name];
    if (!newProperty) {
      report.breaking.push({
        type,
        property: at(name),
        why: 'removed or renamed: consumers read it, and events already published carry it',
      });
      continue;
    }
    compareValue(type, at(name), oldProperty, newProperty, report);
    if (!oldRequired.has(name) && newRequired.has(name)) {
      report.breaking.push({ type, property: at(name), why: 'became required: events already published may lack it' });
    }
    if (oldRequired.has(name) && !newRequired.has(name)) {
      report.breaking.push({ type, property: at(name), why: 'became optional: consumers of the released schema expect it in every event' });
    }
  }
  for (const name of Object.keys(now.properties ?? {})) {
    if (old.properties?.[name]) continue;
    if (newRequired.has(name))
      report.breaking.push({
        type,
        property: at(name),
        why: 'new required property: events already published lack it (add it as optional)',
      });
    else report.notes.push({ type, property: at(name), why: 'new optional property' });
  }
}

function compareEnum(type: string, path: string, old: JsonSchema, now: JsonSchema, report: CompatibilityReport): void {
  const where = path ? { property: path } : {};
  if (!old.enum && !now.enum) return;
  if (!old.enum) {
    report.breaking.push({ type, ...where, why: `enum added: a property that took any value now takes only ${list(now.enum!)}` });
    return;
  }
  if (!now.enum) {
    report.notes.push({ type, ...where, why: 'enum lifted: any value is allowed now' });
    return;
  }
  const removed = old.enum.filter((value) => !now.enum!.includes(value));
  const added = now.enum.filter((value) => !old.enum!.includes(value));
  if (removed.length)
    report.breaking.push({
      type,
      ...where,
      why: `enum narrowed: ${list(removed)} no longer allowed, and events already published carry ${removed.length > 1 ? 'them' : 'it'}`,
    });
  if (added.length)
    report.notes.push({ type, ...where, why: `enum widened by ${list(added)}: consumers must tolerate values they do not know` });
}

/** Each value for which a scrubbed text is withheld whole, as `property=value`. */
function withheldCases(schema: JsonSchema): string[] {
  const mark = schema['x-scrubbed'];
  return typeof mark === 'object'
    ? Object.entries(mark.withheldWhen).flatMap(([property, values]) => values.map((value) => `${property}=${String(value)}`))
    : [];
}

/**
 * Scrubbing is a promise to consumers, whose stores hold no personal data because of it: taking it back
 * (or withholding a text in fewer cases) is breaking; scrubbing or withholding more is compatible (the
 * value stays a string, with placeholders where personal data was).
 */
function compareScrubbing(type: string, path: string, old: JsonSchema, now: JsonSchema, report: CompatibilityReport): void {
  const where = path ? { property: path } : {};
  if (old['x-scrubbed'] && !now['x-scrubbed']) {
    report.breaking.push({ type, ...where, why: 'no longer scrubbed: consumers keep it on the promise that it carries no personal data' });
    return;
  }
  if (!old['x-scrubbed'] && now['x-scrubbed'])
    report.notes.push({ type, ...where, why: 'now scrubbed: personal data in it reads as placeholders ([PHONE], [NAME], ...)' });
  const before = withheldCases(old);
  const after = withheldCases(now);
  const dropped = before.filter((c) => !after.includes(c));
  const added = after.filter((c) => !before.includes(c));
  if (dropped.length) report.breaking.push({ type, ...where, why: `withheld in fewer cases: no longer when ${dropped.join(', ')}` });
  if (added.length) report.notes.push({ type, ...where, why: `withheld whole ([WITHHELD]) when ${added.join(', ')}` });
}

/** A deprecation states its terms, keeps them for the minimum period, and never shortens a released one. */
function deprecationProblems(
  type: string,
  schema: JsonSchema,
  released: JsonSchema | undefined,
  current: Map<string, JsonSchema>,
): Finding[] {
  const terms = schema['x-deprecation'];
  if (!schema.deprecated && !terms) return [];
  if (!schema.deprecated || !terms)
    return [{ type, why: 'a deprecation needs both "deprecated": true and "x-deprecation": { since, until }' }];
  const problems: string[] = [];
  if (days(terms.since, terms.until) < MIN_DEPRECATION_DAYS)
    problems.push(`deprecated for less than ${MIN_DEPRECATION_DAYS} days (${terms.since} to ${terms.until})`);
  if (terms.replacedBy && !current.has(terms.replacedBy)) problems.push(`replacedBy names ${terms.replacedBy}, which has no schema`);
  const releasedTerms: Deprecation | undefined = released?.deprecated ? released['x-deprecation'] : undefined;
  if (releasedTerms && terms.until < releasedTerms.until)
    problems.push(`deprecation period shortened from ${releasedTerms.until} to ${terms.until}: consumers plan by the released date`);
  return problems.map((why) => ({ type, why }));
}

function typeNames(schema: JsonSchema): string {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : ['any'];
  return [...types].sort().join(' | ');
}

function list(values: unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

function days(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** One line per finding: `member.admitted: category: enum narrowed: …`. */
export function describeFinding(finding: Finding): string {
  return `${finding.type}: ${finding.property ? `${finding.property}: ` : ''}${finding.why}`;
}
