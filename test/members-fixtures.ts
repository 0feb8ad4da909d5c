import { today } from '@cpb/kit';
import type { Federation } from './federation-harness';

/** Builders and look-ups shared by the members tests (test/members-*.int.test.ts). */

export interface SeededCommunity {
  id: string;
  partyOrganization: { id: string; children: { id: string; name: string; kind: string; scope: string }[] };
  residentUnits: { id: string; name: string }[];
}

export interface Seeded {
  streetCommittee: { id: string };
  communities: SeededCommunity[];
}

/** The first seeded street's committee, every community, their organisations (with the migrant branch) and units. */
export async function seeded(federation: Federation): Promise<Seeded> {
  const result = await federation.query<{ streets: { workingCommittee: { id: string }; communities: SeededCommunity[] }[] }>(
    '{ streets { workingCommittee { id } communities { id partyOrganization { id children { id name kind scope } } residentUnits { id name } } } }',
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  const streets = result.data!.streets;
  return { streetCommittee: streets[0].workingCommittee, communities: streets.flatMap((s) => s.communities) };
}

/** A branch of a community organisation: the n-th COMMUNITY-scope branch, or its migrant branch. */
export function branchOf(community: SeededCommunity, which: number | 'MIGRANT'): { id: string; name: string } {
  const children = community.partyOrganization.children.filter((c) => c.kind === 'BRANCH');
  const found = which === 'MIGRANT' ? children.find((c) => c.scope === 'MIGRANT') : children.filter((c) => c.scope === 'COMMUNITY').sort((a, b) => a.name.localeCompare(b.name))[which];
  if (!found) throw new Error(`no branch ${which}`);
  return found;
}

/** A calendar day in the district (the services' one clock, Asia/Shanghai), `days` before today. */
export function daysAgo(days: number): string {
  return today(new Date(Date.now() - days * 86_400_000));
}

export function yearsAgo(years: number, extraDays = 0): string {
  const [y, m, d] = today().split('-').map(Number);
  return new Date(Date.UTC(y - years, m - 1, d - extraDays)).toISOString().slice(0, 10);
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
let sequence = 0;

/** A valid resident ID number for this birth date, different on every call. */
export function idNumberFor(birthDate: string): string {
  const first17 = `320102${birthDate.replace(/-/g, '')}${String(++sequence % 1000).padStart(3, '0')}`;
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** A person's record that passes every rule; override what a test is about. */
export function person(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const birthDate = (overrides.birthDate as string) ?? '1990-05-17';
  return { name: '测试党员', gender: 'FEMALE', birthDate, ethnicity: '汉族', education: 'BACHELOR', phone: '13912345678', idNumber: idNumberFor(birthDate), category: 'EMPLOYED', ...overrides };
}

/** Types and payloads the members service wrote to its outbox, in order. */
export async function memberOutbox(federation: Federation): Promise<{ type: string; payload: Record<string, unknown> }[]> {
  return federation.subgraphs.members.running.database.dataSource.query('SELECT type, payload FROM outbox ORDER BY seq');
}

/** Values that must never appear in an event: personal data. */
export function expectNoPersonalData(payloads: Record<string, unknown>[], record: Record<string, unknown>): void {
  const text = JSON.stringify(payloads);
  for (const field of ['phone', 'idNumber', 'birthDate', 'name']) {
    if (typeof record[field] === 'string') expect(text).not.toContain(record[field] as string);
  }
}

export const MEMBER_FIELDS = 'id name status joinedOn probationEndsOn convertedOn category organization { id } residenceCommunity { id } workUnit { id } skills';
