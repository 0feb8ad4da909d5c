import { check, requireRole, type UnitOfWork } from '@cpb/kit';
import { OrganizationGate, type GateClosure } from '../data/organization-gate';

/**
 * The members side of dissolving an organisation (docs/decisions/0010), asked by the organizations
 * service once it has marked the organisation CLOSING: closes it to members for good if it holds
 * none, in one transaction with the count. Only a service may ask (the field is hidden from the gateway).
 */
export async function closeOrganizationMembership({ tx, actor }: UnitOfWork, organizationId: string): Promise<GateClosure> {
  requireRole(actor);
  return new OrganizationGate(tx).closeIfEmpty(check.uuid('organizationId', organizationId));
}
