/**
 * Development defaults, refused in production (see `assertProductionSecrets`). A module of its own:
 * minting a demo token (the launcher of `npm start`) should not load the configuration schemas.
 */
export function devSecret(name: string): string {
  return `dev-only-${name}-secret-change-me`;
}
