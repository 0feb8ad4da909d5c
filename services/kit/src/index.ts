export * from './config';
export * from './errors';
export * from './logger';
export * from './database';
export * from './graphql';
export * from './server';
export * from './subgraph';
