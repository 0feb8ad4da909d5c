import type { DataSource } from 'typeorm';
import { check, msg, requireRole, ValidationError, type Actor } from '@cpb/kit';

export interface IdentifiedMember {
  id: string;
  idNumber: string;
  name: string;
  organizationId: string;
}

const MAX_ID_NUMBERS = 1_000;

/**
 * The members recorded with each of `idNumbers`, for a service resolving the 公民身份号码 a file
 * gives (the team memberships import in activities): one statement by the unique index. Only a
 * service may ask (the field is hidden from the gateway); the asking service scopes what it does.
 */
export async function membersWithIdNumbers(
  dataSource: DataSource,
  actor: Actor,
  args: { idNumbers: string[] },
): Promise<IdentifiedMember[]> {
  requireRole(actor);
  if (args.idNumbers.length > MAX_ID_NUMBERS)
    throw new ValidationError('idNumbers', msg('import.listTooLong', { field: 'idNumbers', max: MAX_ID_NUMBERS }));
  const idNumbers = args.idNumbers.map((n) => check.freeText('idNumbers', n, 18));
  return dataSource.query(
    `SELECT id, id_number AS "idNumber", name, organization_id AS "organizationId" FROM member WHERE id_number = ANY($1)`,
    [idNumbers],
  );
}
