import { worldId } from './ids';

/**
 * The demo district's users, one per role, with scopes that agree with the seeded data (World):
 * `npm run token` mints their tokens, and in development the gateway signs the dashboard in as them.
 * Plain data in the kit's actor shape (role, sub and the scope ids): whoever mints a token from
 * one types it as an actor, so the demo world needs nothing from the kit.
 */
export const demoUsers = {
  'district-admin': { role: 'DISTRICT_ADMIN', sub: 'district-admin' },
  'street-admin': { role: 'STREET_ADMIN', sub: 'street-admin', orgId: worldId('org-street', 0) },
  'community-secretary': {
    role: 'COMMUNITY_SECRETARY',
    sub: 'community-secretary',
    orgId: worldId('org-community', 0),
    memberId: worldId('member', 0),
  },
  'unit-liaison': { role: 'UNIT_LIAISON', sub: 'unit-liaison', unitId: worldId('unit', 0) },
  member: { role: 'MEMBER', sub: 'member', memberId: worldId('member', 12) },
  analyst: { role: 'ANALYST', sub: 'analyst' },
} as const;

export type DemoUserName = keyof typeof demoUsers;
