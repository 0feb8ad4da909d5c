import { isCompositeType, ObjectType, type Schema } from '@apollo/federation-internals';
import type { ReadRule } from './read-rules';

/** How a probe reaches an object of each type in community 0, from a root field (variables from the targets). */
const reach: Record<string, (selection: string) => string> = {
  Query: (s) => s,
  Street: (s) => `street(id: $street) { ${s} }`,
  Community: (s) => `community(id: $community) { ${s} }`,
  CommunityCensus: (s) => `community(id: $community) { census { ${s} } }`,
  Organization: (s) => `organization(id: $organization) { ${s} }`,
  ResidentUnit: (s) => `residentUnit(id: $unit) { ${s} }`,
  Member: (s) => `member(id: $member) { ${s} }`,
  MemberDues: (s) => `member(id: $member) { dues(year: $year) { ${s} } }`,
  DuesPayment: (s) => `member(id: $member) { dues(year: $year) { payments { ${s} } } }`,
  CommunityRegistration: (s) => `member(id: $registered) { registrations { ${s} } }`,
  Activity: (s) => `activity(id: $activity) { ${s} }`,
  VolunteerTeam: (s) => `volunteerTeam(id: $team) { ${s} }`,
  VolunteerStats: (s) => `community(id: $community) { volunteerStats(from: $from, to: $to) { ${s} } }`,
  Resource: (s) => `resource(id: $venue) { ${s} }`,
  Agreement: (s) => `agreement(id: $agreement) { ${s} }`,
  AgreementReview: (s) => `agreement(id: $agreement) { review(year: $year) { ${s} } }`,
  Commitment: (s) => `agreement(id: $agreement) { commitments { ${s} } }`,
  Need: (s) => `need(id: $need) { ${s} }`,
  Project: (s) => `project(id: $project) { ${s} }`,
  JointMeeting: (s) => `jointMeeting(id: $meeting) { ${s} }`,
  LifeCompliance: (s) => `organization(id: $organization) { lifeCompliance(from: $from, to: $to) { ${s} } }`,
  MeetingTypeCompliance: (s) => `organization(id: $organization) { lifeCompliance(from: $from, to: $to) { types { ${s} } } }`,
  Meeting: (s) => `meeting(id: $lifeMeeting) { ${s} }`,
  MeetingRecord: (s) => `meeting(id: $lifeMeeting) { record { ${s} } }`,
  MemberAttendance: (s) => `member(id: $member) { attendance(year: $year) { ${s} } }`,
  SixMonthFlag: (s) => `organization(id: $organization) { sixMonthFlags { edges { node { ${s} } } } }`,
  ToDoList: (s) => `toDoList(organizationId: $organization) { ${s} }`,
  ToDoSection: (s) => `toDoList(organizationId: $organization) { members { ${s} } }`,
};

/** Which target an `id` argument of a root field names. */
const idTarget: Record<string, string> = {
  activity: 'activity',
  volunteerTeam: 'team',
  member: 'member',
  applicant: 'applicant',
  transfer: 'transfer',
  street: 'street',
  community: 'community',
  organization: 'organization',
  residentUnit: 'unit',
  resource: 'venue',
  booking: 'booking',
  agreement: 'agreement',
  need: 'need',
  project: 'planned',
  jointMeeting: 'meeting',
  meeting: 'lifeMeeting',
};

const variableTypes: Record<string, string> = { year: 'Int!', month: 'Int!', from: 'String!', to: 'String!' };

/** The least a probe selects of an object: its id, or its type name. */
function leaf(schema: Schema, typeName: string): string {
  const type = schema.type(typeName);
  return type instanceof ObjectType && type.field('id') ? 'id' : '__typename';
}

/** A query reaching `Type.field` in community 0 with what the rule needs to judge the answer. */
export function readProbe(schema: Schema, coordinate: string, rule: ReadRule): string {
  const [typeName, fieldName] = coordinate.split('.');
  const field = (schema.type(typeName) as ObjectType).field(fieldName)!;
  const args = field.arguments().flatMap((arg) => {
    if (arg.name === 'id') return [`id: $${idTarget[fieldName]}`];
    if (arg.name === 'organizationId' && arg.type!.toString().endsWith('!')) return ['organizationId: $organization'];
    if (arg.name in variableTypes && arg.type!.toString().endsWith('!')) return [`${arg.name}: $${arg.name}`];
    if (arg.name === 'first' && (rule.kind === 'scopedList' || rule.kind === 'trail')) return ['first: 100'];
    return [];
  });
  const named = field.type!.toString().replace(/[[\]!]/g, '');
  const rows = rule.kind === 'scopedList' ? rule.rows : rule.kind === 'trail' ? 'targetId' : '';
  let selection = '';
  if (named.endsWith('Connection')) {
    const node = named.slice(0, -'Connection'.length);
    const counted = (schema.type(named) as ObjectType).field('totalCount') ? 'totalCount ' : '';
    selection = `{ ${counted}edges { node { ${leaf(schema, node)} ${rows} } } }`;
  } else if (isCompositeType(schema.type(named)!)) {
    selection = `{ ${leaf(schema, named)} ${rows} }`;
  }
  const body = reach[typeName](`${fieldName}${args.length ? `(${args.join(', ')})` : ''} ${selection}`);
  const variables = [...new Set([...body.matchAll(/\$(\w+)/g)].map((m) => m[1]))];
  const header = variables.length ? `(${variables.map((v) => `$${v}: ${variableTypes[v] ?? 'ID!'}`).join(', ')})` : '';
  return `query${header} { ${body} }`;
}

/** The variables a probe declares, from the targets. */
export function probeVariables(query: string, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries([...new Set([...query.matchAll(/\$(\w+)/g)].map((m) => m[1]))].map((name) => [name, values[name]]));
}

/** The rows of a probe's answer (the nodes of a connection or the items of a list at the probed field). */
export function rowsOf(data: unknown, coordinate: string): Record<string, unknown>[] {
  const fieldName = coordinate.split('.')[1];
  const find = (value: unknown): unknown => {
    if (!value || typeof value !== 'object') return undefined;
    if (fieldName in (value as object)) return (value as Record<string, unknown>)[fieldName];
    for (const child of Object.values(value as object)) {
      const found = find(child);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const found = find(data) as { edges?: { node: Record<string, unknown> }[] } | Record<string, unknown>[] | null;
  if (!found) return [];
  return Array.isArray(found) ? found : (found.edges ?? []).map((e) => e.node);
}
