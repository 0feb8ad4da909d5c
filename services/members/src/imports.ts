import type { FileImport } from '@cpb/kit';
import type * as Spreadsheets from '@cpb/kit/spreadsheets';
import type { Context } from './context';
import type * as MemberImport from './domain/member-import';
import type * as MemberImportColumns from './domain/member-import-columns';

/*
 * The spreadsheet code (exceljs, seconds to load on a busy machine) loads on the first import, not at
 * start-up: most processes never see a file. `require` rather than `import()`, which CommonJS under
 * node16 resolution would leave as a real ES import.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const spreadsheets = () => require('@cpb/kit/spreadsheets') as typeof Spreadsheets;
const memberImport = () => require('./domain/member-import') as typeof MemberImport;
const memberColumns = () => (require('./domain/member-import-columns') as typeof MemberImportColumns).memberColumns;
/* eslint-enable @typescript-eslint/no-require-imports */

/** The files this service imports (issue 18), at /imports/:kind behind the gateway (docs/decisions/0021). */
export const imports: Record<string, FileImport<Context>> = {
  members: {
    template: () => spreadsheets().importTemplate('党员信息', memberColumns()),
    async run(context, file, { dryRun }) {
      const { importMembers, annotatedReport } = memberImport();
      const report = await importMembers(context, { file, dryRun });
      return { report, annotated: () => annotatedReport(file, report) };
    },
  },
};
