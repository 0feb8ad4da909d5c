export * from './actor';
export * from './internal-token';
export * from './policy';
export * from './caller-token';
export * from './guard';
export * from './scope';
