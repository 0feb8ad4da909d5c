import { subtreeFrom, type AuditScope, type Peers } from '@cpb/kit';

/** Which of this service's audit rows (co-building events) lie in a street administrator's street. */
export const auditTargets: AuditScope['targets'] = {
  resource: 'SELECT id::text FROM resource WHERE community_id = ANY(:communities)',
  agreement: 'SELECT id::text FROM agreement WHERE community_id = ANY(:communities)',
  need: 'SELECT id::text FROM need WHERE community_id = ANY(:communities)',
  'joint-meeting': 'SELECT id::text FROM joint_meeting WHERE convener_id = ANY(:organizations)',
};

export const auditScope = (peers: Peers): AuditScope => ({ targets: auditTargets, subtree: subtreeFrom(peers) });
