/**
 * Mints a caller token for a demo user (the identity provider's job in production):
 *   npm run token -- community-secretary
 * then: curl -H "authorization: Bearer $(npm run -s token -- community-secretary)" ...
 * Users: district-admin, street-admin, community-secretary, unit-liaison, member, analyst.
 * A third argument sets the user's own language (the token's `locale` claim), e.g. `-- member 8h en`.
 * Signs with JWT_SECRET (the gateway's development default unless set).
 */
import { demoUsers } from '@cpb/demo-world';
import { mintCallerToken, type Actor } from '@cpb/kit';

export { demoUsers };

const users: Record<string, Actor> = demoUsers;

async function main(): Promise<void> {
  const name = process.argv[2];
  const user = name ? users[name] : undefined;
  if (!user) {
    console.error(`usage: npm run token -- <${Object.keys(demoUsers).join('|')}> [expiresIn, e.g. 8h] [locale, e.g. en]`);
    process.exit(2);
  }
  console.log(await mintCallerToken(user, { secret: process.env.JWT_SECRET, expiresIn: process.argv[3] ?? '8h', locale: process.argv[4] }));
}

if (require.main === module) void main();
