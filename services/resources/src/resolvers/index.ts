import { Query } from './query';
import { ResidentUnit } from './resident-unit';
import { Resource } from './resource';

export const resolvers = { Query, Resource, ResidentUnit };
