import { spreadsheetImport, type FileImport } from '@cpb/kit';
import type { Context } from './context';
import type * as MemberImport from './domain/member-import';
import type * as MemberImportColumns from './domain/member-import-columns';

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on the first import, not at start-up (the kit's spreadsheetImport) */
/** The files this service imports (issue 18), at /imports/:kind behind the gateway (docs/decisions/0021). */
export const imports: Record<string, FileImport<Context>> = {
  members: spreadsheetImport<Context>(() => ({
    sheetName: '党员信息',
    columns: (require('./domain/member-import-columns') as typeof MemberImportColumns).memberColumns,
    importer: (require('./domain/member-import') as typeof MemberImport).importMembers,
  })),
};
