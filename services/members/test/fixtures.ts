import type { Federation } from '@cpb/kit/testing';

/** Look-ups shared by the members service's tests (and the system tests that read its outbox). */

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

export const MEMBER_FIELDS =
  'id name status joinedOn probationEndsOn convertedOn category organization { id } residenceCommunity { id } workUnit { id } skills';
