import { join } from 'node:path';
import { z } from 'zod';
import { userRoles, type Role } from '@cpb/kit/core';
import type { TrustedDocumentsMode } from './trusted-documents';

const root = join(__dirname, '..', '..');

/** The gateway's settings for dashboards: trusted documents, the dashboard's static build, GraphiQL. */
export const dashboardEnvShape = {
  /** `enforce` (the production default) runs only registered operations except for AD_HOC_ROLES; `allow` runs any. */
  TRUSTED_DOCUMENTS: z.enum(['allow', 'enforce']).optional(),
  TRUSTED_DOCUMENTS_PATH: z.string().default(join(root, 'schemas', 'trusted-documents.json')),
  /** Roles that may send operations that are not registered, comma-separated. */
  AD_HOC_ROLES: z
    .string()
    .default('DISTRICT_ADMIN,ANALYST')
    .transform((value) =>
      value
        .split(',')
        .map((role) => role.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(userRoles))),
  /** The dashboard's static build, served at /dashboard/. */
  DASHBOARD_DIR: z.string().default(join(root, 'services', 'dashboard', 'dist')),
  /** The self-hosted GraphiQL at GET /graphql (no CDN). */
  GRAPHIQL: z.stringbool().default(true),
};

export function trustedDocumentsMode(config: { NODE_ENV: string; TRUSTED_DOCUMENTS?: TrustedDocumentsMode }): TrustedDocumentsMode {
  return config.TRUSTED_DOCUMENTS ?? (config.NODE_ENV === 'production' ? 'enforce' : 'allow');
}

export function adHocRoles(config: { AD_HOC_ROLES: Role[] }): ReadonlySet<Role> {
  return new Set(config.AD_HOC_ROLES);
}
