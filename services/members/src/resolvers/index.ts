import { Member } from './member';
import { Organization } from './organization';
import { Query } from './query';

export const resolvers = { Query, Member, Organization };
