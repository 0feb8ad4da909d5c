import { mintCallerToken, type Actor } from '@cpb/kit';
import { demoUsers } from '../demo-users';
import { worldId } from '../ids';

/**
 * The callers every authorisation test asks as. The demo users manage community 0 and street 0;
 * "other" personas manage community 1 and street 1, so asking as them about community 0's data
 * (or listing everything) shows whether scope holds.
 */
export const personas = {
  anonymous: null,
  member: demoUsers.member,
  unitLiaison: demoUsers['unit-liaison'],
  otherSecretary: { role: 'COMMUNITY_SECRETARY', sub: 'secretary-of-community-1', orgId: worldId('org-community', 1) },
  otherStreetAdmin: { role: 'STREET_ADMIN', sub: 'street-admin-of-street-1', orgId: worldId('org-street', 1) },
  analyst: demoUsers.analyst,
  secretary: demoUsers['community-secretary'],
  streetAdmin: demoUsers['street-admin'],
  districtAdmin: demoUsers['district-admin'],
} satisfies Record<string, Actor | null>;

export type PersonaName = keyof typeof personas;

/** The request headers of a persona: none for the anonymous caller. */
export async function headersOf(name: PersonaName): Promise<Record<string, string>> {
  const actor = personas[name];
  return actor ? { authorization: `Bearer ${await mintCallerToken(actor)}` } : {};
}

/** The stable code of a refusal (the first error's), or undefined when there was none. */
export const codeOf = (result: { errors?: readonly { extensions?: { code?: unknown } }[] }): string | undefined =>
  result.errors?.[0]?.extensions?.code as string | undefined;

/** What every caller outside a community's management gets when asking to change its data. */
export const outsidersRefused = {
  anonymous: 'UNAUTHENTICATED',
  member: 'FORBIDDEN',
  unitLiaison: 'FORBIDDEN',
  analyst: 'FORBIDDEN',
  otherSecretary: 'FORBIDDEN',
  otherStreetAdmin: 'FORBIDDEN',
} as const satisfies Partial<Record<PersonaName, string>>;

/**
 * The code each persona's call gets (undefined when it succeeded), asked one persona after another in
 * the order of `expected`'s keys, so a table can say "the first one allowed changes it, the next meet
 * the once-only rule".
 */
export async function codesByPersona(
  expected: Partial<Record<PersonaName, string | undefined>>,
  ask: (headers: Record<string, string>, persona: PersonaName) => Promise<{ errors?: readonly { extensions?: { code?: unknown } }[] }>,
): Promise<Partial<Record<PersonaName, string | undefined>>> {
  const seen: Partial<Record<PersonaName, string | undefined>> = {};
  for (const persona of Object.keys(expected) as PersonaName[]) seen[persona] = codeOf(await ask(await headersOf(persona), persona));
  return seen;
}
