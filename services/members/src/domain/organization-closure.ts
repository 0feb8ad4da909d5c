import { check, useCase } from '@cpb/kit';
import { OrganizationGate } from '../data/organization-gate';
import type { Services } from './services';

/**
 * The members side of dissolving an organisation (docs/decisions/0010), asked by the organizations
 * service once it has marked the organisation CLOSING: closes it to members for good if it holds
 * none, in one transaction with the count. Only a service may ask (the field is hidden from the gateway).
 */
export const closeOrganizationMembership = useCase({
  authorize({ policy }: Services, args: { organizationId: string }) {
    policy.permitService('closeOrganizationMembership');
    return check.uuid('organizationId', args.organizationId);
  },
  change: ({ tx }, organizationId) => new OrganizationGate(tx).closeIfEmpty(organizationId),
});
