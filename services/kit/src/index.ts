export * from './core';
export * from './database';
export * from './graphql';
export * from './subgraph';
export * from './events';
export * from './transact';
export * from './peers';
export * from './input';
