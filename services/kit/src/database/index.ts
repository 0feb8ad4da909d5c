export { openDatabase, type Database, type DatabaseOptions } from './open-database';
export { ensureDatabaseExists, dropDatabase } from './ensure-database';
export { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded';
export { EMBEDDED_SETTINGS } from './embedded-settings';
export { insertRows, isEmpty } from './bulk-insert';
export { translateConstraint } from './constraint-errors';
