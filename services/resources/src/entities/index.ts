import { ResourceEntity } from './resource';

export * from './resource';

export const entities = [ResourceEntity];
