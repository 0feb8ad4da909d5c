import { reactive } from 'vue';

/** Hash routes (#/community/<id>): the static build needs no server rewrites wherever it is served. */
export type RouteName = 'home' | 'sign-in' | 'street' | 'community' | 'members' | 'activity' | 'not-found';

export const route = reactive({ name: 'home' as RouteName, id: null as string | null });

const patterns: [RegExp, RouteName][] = [
  [/^\/?$/, 'home'],
  [/^\/sign-in$/, 'sign-in'],
  [/^\/street(?:\/([\w-]+))?$/, 'street'],
  [/^\/community\/([\w-]+)$/, 'community'],
  [/^\/members$/, 'members'],
  [/^\/activity\/([\w-]+)$/, 'activity'],
];

function read(): void {
  const path = decodeURIComponent(location.hash.replace(/^#/, ''));
  for (const [pattern, name] of patterns) {
    const match = pattern.exec(path);
    if (match) {
      route.name = name;
      route.id = match[1] ?? null;
      return;
    }
  }
  route.name = 'not-found';
  route.id = null;
}

export function go(path: string): void {
  if (location.hash === `#${path}`) read();
  else location.hash = path;
}

export function startRouter(): void {
  window.addEventListener('hashchange', read);
  read();
}
