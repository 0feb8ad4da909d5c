import { Activity } from './activity';
import { Community } from './community';
import { Query } from './query';

export const resolvers = { Query, Activity, Community };
