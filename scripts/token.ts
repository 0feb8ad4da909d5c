/**
 * Mints a caller token for a demo user (the identity provider's job in production):
 *   npm run token -- community-secretary
 * then: curl -H "authorization: Bearer $(npm run -s token -- community-secretary)" ...
 * Users: district-admin, street-admin, community-secretary, unit-liaison, member, analyst.
 * Signs with JWT_SECRET (the gateway's development default unless set).
 */
import { mintCallerToken, type Actor } from '@cpb/kit';
import { worldId } from '@cpb/demo-world';

/** The demo district's people and scopes; ids agree with the seeded data (World). */
export const demoUsers: Record<string, Actor> = {
  'district-admin': { role: 'DISTRICT_ADMIN', sub: 'district-admin' },
  'street-admin': { role: 'STREET_ADMIN', sub: 'street-admin', orgId: worldId('org-street', 0) },
  'community-secretary': { role: 'COMMUNITY_SECRETARY', sub: 'community-secretary', orgId: worldId('org-community', 0), memberId: worldId('member', 0) },
  'unit-liaison': { role: 'UNIT_LIAISON', sub: 'unit-liaison', unitId: worldId('unit', 0) },
  member: { role: 'MEMBER', sub: 'member', memberId: worldId('member', 12) },
  analyst: { role: 'ANALYST', sub: 'analyst' },
};

async function main(): Promise<void> {
  const name = process.argv[2];
  const user = name ? demoUsers[name] : undefined;
  if (!user) {
    console.error(`usage: npm run token -- <${Object.keys(demoUsers).join('|')}> [expiresIn, e.g. 8h]`);
    process.exit(2);
  }
  console.log(await mintCallerToken(user, { secret: process.env.JWT_SECRET, expiresIn: process.argv[3] ?? '8h' }));
}

if (require.main === module) void main();
