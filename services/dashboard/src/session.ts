import { reactive } from 'vue';

export type Role = 'DISTRICT_ADMIN' | 'STREET_ADMIN' | 'COMMUNITY_SECRETARY' | 'UNIT_LIAISON' | 'MEMBER' | 'ANALYST';

/** The claims the gateway reads from a caller's token (it verifies them; the dashboard only shows them). */
export interface Claims {
  sub: string;
  role: Role;
  org?: string;
  unit?: string;
  member?: string;
  exp?: number;
}

const KEY = 'cpb.token';

function decode(token: string): Claims | null {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json) as Claims;
    return typeof claims.role === 'string' && typeof claims.sub === 'string' ? claims : null;
  } catch {
    return null;
  }
}

/** Who is signed in, for this browser tab (sessionStorage: closing the tab signs out). */
export const session = reactive({
  token: null as string | null,
  claims: null as Claims | null,
});

export function signIn(token: string): boolean {
  const claims = decode(token.trim());
  if (!claims) return false;
  session.token = token.trim();
  session.claims = claims;
  sessionStorage.setItem(KEY, session.token);
  return true;
}

export function signOut(): void {
  session.token = null;
  session.claims = null;
  sessionStorage.removeItem(KEY);
}

export function restoreSession(): void {
  const token = sessionStorage.getItem(KEY);
  if (token && !signIn(token)) signOut();
}

export function expired(claims: Claims | null): boolean {
  return !!claims?.exp && claims.exp * 1000 < Date.now();
}
