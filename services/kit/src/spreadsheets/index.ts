/**
 * Spreadsheets in and out (issue 18): templates, reading uploads safely (.xlsx, CSV in UTF-8 or
 * GB18030), per-row reports on the user's own file, streamed exports. Its own entry point
 * (`@cpb/kit/spreadsheets`) so that only what imports or exports loads exceljs.
 */
export { EXPLANATION_PREFIX, type ColumnSpec } from './columns';
export { FileRefusedError, type FileProblem } from './file-refusal';
export { escapeFormula } from './formula-escape';
export { readSheet, type ReadOptions, type SheetCell, type SheetRow, type SheetFile } from './read-sheet';
export { annotatedFile, type RowError } from './report';
export { importTemplate } from './template';
export { writeExport, type ExportColumn } from './export-sheet';
export { MAX_UNPACKED_BYTES } from './zip-guard';
export { RowReader, refusalOf, dateOf, oneOf, duplicatesInFile, type Finding } from './row-reader';
export {
  annotatedReport,
  checkSheet,
  importReport,
  sortAgainstRecorded,
  uncommitted,
  toCommit,
  type ImportReport,
  type CheckedFile,
  type ReadRow,
} from './import-report';
export { ImportLedger, type ImportWriter } from './import-ledger';
export { importEnvSchema, importSliceRows, useImportSliceRows } from './import-settings';
export { codesAndNames, resolveReferences, type Resolved } from './references';
