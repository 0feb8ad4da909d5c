/**
 * What a launcher of the services needs (`npm start`, scripts/lib/stack.ts): free ports, the flags and
 * template of embedded PGlite, a caller token and the GraphQL response type, without the server, database or
 * Kafka libraries, so the process that supervises the others stays small (`@cpb/kit/launch`).
 */
export { freePort } from './server/ports';
export { EMBEDDED_NODE_FLAGS } from './database/embedded-settings';
export { prepareEmbeddedTemplate } from './database/embedded-template';
export { mintCallerToken } from './auth/caller-token';
export type { GraphQLResponse } from './graphql/client';
