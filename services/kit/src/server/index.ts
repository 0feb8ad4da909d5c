export { startGraphQLServer, type GraphQLServerOptions, type RunningServer, type RequestInfo, type Caller } from './graphql-server';
export { createMetrics, errorCodeLabel, type Metrics } from './metrics';
export { runProcess } from './lifecycle';
export { REQUEST_ID_HEADER, requestIdOf } from './request-id';
export { freePort } from './ports';
export { createHttpApp } from './http-app';
export { createDrain, type Drain } from './drain';
export { StartupClock } from './startup-clock';
export {
  fileRoutes,
  httpRefusal,
  IMPORT_MAX_BYTES,
  XLSX_TYPE,
  type FileImport,
  spreadsheetImport,
  type SpreadsheetImportParts,
  type FileRouteOptions,
  type ImportOutcome,
} from './file-routes';
export { boundedBody } from './bounded-body';
