/**
 * The part of the kit that needs no database or Kafka client: configuration, errors, logging, the
 * HTTP/GraphQL server, identities. The gateway imports only this (`@cpb/kit/core`), so its image
 * carries no TypeORM, pg, PGlite or kafkajs; services import the whole kit (`@cpb/kit`).
 */
export * from './config';
export * from './errors';
export * from './logger';
export * from './server';
export * from './auth';
export { graphql, responseErrorCodes, type GraphQLResponse } from './graphql/client';
export * as check from './validation';
export { todayIso, YEARS } from './validation';
export * from './telemetry';
// No database client in these two: a launcher of embedded services passes the flags and may make the template early.
export { EMBEDDED_NODE_FLAGS } from './database/embedded-settings';
export { prepareEmbeddedTemplate } from './database/embedded-template';
