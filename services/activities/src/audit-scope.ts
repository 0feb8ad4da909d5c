import { subtreeFrom, type AuditScope, type Peers } from '@cpb/kit';

/** Which of this service's audit rows (activity and team events) lie in a street administrator's street. */
export const auditTargets: AuditScope['targets'] = {
  activity: 'SELECT id::text FROM activity WHERE organizer_id = ANY(:organizations)',
  'volunteer-team': 'SELECT id::text FROM volunteer_team WHERE organization_id = ANY(:organizations)',
};

export const auditScope = (peers: Peers): AuditScope => ({ targets: auditTargets, subtree: subtreeFrom(peers) });
