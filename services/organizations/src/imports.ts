import { spreadsheetImport, type FileImport } from '@cpb/kit';
import type { Context } from './context';
import type * as UnitImport from './domain/resident-unit-import';
import type * as UnitImportColumns from './domain/resident-unit-import-columns';

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on the first import, not at start-up (the kit's spreadsheetImport) */
/** The files this service imports (issue 18), at /imports/:kind behind the gateway (docs/decisions/0021). */
export const imports: Record<string, FileImport<Context>> = {
  'resident-units': spreadsheetImport<Context>(() => ({
    sheetName: '驻区单位',
    columns: (require('./domain/resident-unit-import-columns') as typeof UnitImportColumns).residentUnitColumns,
    importer: (require('./domain/resident-unit-import') as typeof UnitImport).importResidentUnits,
  })),
};
