/**
 * The part of the kit that needs no database or Kafka client: configuration, errors, logging, the
 * HTTP/GraphQL server, identities. The gateway imports only this (`@cpb/kit/core`), so its image
 * carries no TypeORM, pg or PGlite (its own kafkajs only reads events for the response cache); services import the whole kit (`@cpb/kit`).
 */
export * from './config';
export * from './errors';
export * from './messages';
export * from './logger';
export * from './server';
export * from './auth';
export { graphql, responseErrorCodes, type GraphQLResponse } from './graphql/client';
export * as check from './validation';
export { YEARS } from './validation';
export { birthDateInIdNumber, checkIdNumber, checkMobile, idCheckCharacter } from './identity';
export * from './telemetry';
export * from './clock';
export { IDEMPOTENCY_KEY_HEADER } from './idempotency/header';
export * from './period';
export { SIX_ONES } from './six-ones';
export { FileRefusedError, type FileProblem } from './spreadsheets/file-refusal';
