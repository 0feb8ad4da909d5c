import type { DataSource } from 'typeorm';
import { check, requireRole, ValidationError, msg, type Actor } from '@cpb/kit';

export interface NamedOrganization {
  id: string;
  name: string;
  status: string;
}

const MAX_NAMES = 1_000;

/**
 * The organisations bearing each of `names` exactly (several may share one; the caller decides),
 * for the members service resolving a file's 所在党组织 within its caller's scope. Only a service may
 * ask: the field is hidden from the gateway.
 */
export async function organizationsNamed(dataSource: DataSource, actor: Actor, args: { names: string[] }): Promise<NamedOrganization[]> {
  requireRole(actor);
  if (args.names.length > MAX_NAMES) throw new ValidationError('names', msg('import.listTooLong', { field: 'names', max: MAX_NAMES }));
  const names = args.names.map((n) => check.freeText('names', n, 100));
  return dataSource.query(`SELECT id, name, status FROM organization WHERE name = ANY($1) ORDER BY name, id`, [names]);
}
