export * from './pagination';
export * from './loaders';
export * from './paged-loader';
export { loadTypeDefs, typeDefsOf } from './type-defs';
export { graphql, responseErrorCodes, type GraphQLResponse } from './client';
