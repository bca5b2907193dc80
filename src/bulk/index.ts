/** The public surface of bulk/: importing and exporting a portal's rows of one kind (CLI and HTTP both call these). */
export { exportRows } from './export-rows.ts';
export { type FileFormat, fileFormats } from './file-format.ts';
export {
  type ImportProgress,
  ImportRefused,
  type ImportSummary,
  importRows,
  maxImportRows,
  maxReportedErrors,
  type RowError,
} from './import-rows.ts';
export { type BulkKind, type KindName, kindNames } from './kind.schemas.ts';
export { bulkKinds } from './kinds/index.kind.ts';
