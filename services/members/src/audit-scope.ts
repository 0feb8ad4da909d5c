import { subtreeFrom, type AuditScope, type Peers } from '@cpb/kit';

/** Which of this service's audit rows (member and applicant events) lie in a street administrator's street. */
export const auditTargets: AuditScope['targets'] = {
  member: 'SELECT id::text FROM member WHERE organization_id = ANY(:organizations)',
  applicant: 'SELECT id::text FROM applicant WHERE organization_id = ANY(:organizations)',
};

export const auditScope = (peers: Peers): AuditScope => ({ targets: auditTargets, subtree: subtreeFrom(peers) });
