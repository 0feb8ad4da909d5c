import { spreadsheetImport, type FileImport } from '@cpb/kit';
import type { Context } from './context';
import type * as MembershipImport from './domain/team-membership-import';
import type * as MembershipImportColumns from './domain/team-membership-import-columns';

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on the first import, not at start-up (the kit's spreadsheetImport) */
/** The files this service imports (issue 18), at /imports/:kind behind the gateway (docs/decisions/0021). */
export const imports: Record<string, FileImport<Context>> = {
  'team-memberships': spreadsheetImport<Context>(() => ({
    sheetName: '志愿服务队队员',
    columns: (require('./domain/team-membership-import-columns') as typeof MembershipImportColumns).teamMembershipColumns,
    importer: (require('./domain/team-membership-import') as typeof MembershipImport).importTeamMemberships,
  })),
};
