export { openDatabase, type Database, type DatabaseOptions } from './open-database';
export { ensureDatabaseExists, dropDatabase } from './ensure-database';
export { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded';
export { EMBEDDED_SETTINGS } from './embedded-settings';
export { insertRows, isEmpty } from './bulk-insert';
export { translateConstraint } from './constraint-errors';
export { keyset, Keyset, type IdType, type KeysetOrder, type SortKey, type SortType } from './keyset';
export { likeContains } from './like';
export { whereEquals } from './list-filters';
