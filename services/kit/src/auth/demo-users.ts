import { worldId } from '@cpb/demo-world';
import type { Actor } from './actor';

/**
 * The demo district's users, one per role, with scopes that agree with the seeded data (World):
 * `npm run token` mints their tokens, and in development the gateway signs the dashboard in as them.
 */
export const demoUsers: Record<string, Actor> = {
  'district-admin': { role: 'DISTRICT_ADMIN', sub: 'district-admin' },
  'street-admin': { role: 'STREET_ADMIN', sub: 'street-admin', orgId: worldId('org-street', 0) },
  'community-secretary': { role: 'COMMUNITY_SECRETARY', sub: 'community-secretary', orgId: worldId('org-community', 0), memberId: worldId('member', 0) },
  'unit-liaison': { role: 'UNIT_LIAISON', sub: 'unit-liaison', unitId: worldId('unit', 0) },
  member: { role: 'MEMBER', sub: 'member', memberId: worldId('member', 12) },
  analyst: { role: 'ANALYST', sub: 'analyst' },
};
