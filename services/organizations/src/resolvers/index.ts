import { Community } from './community';
import { Organization } from './organization';
import { Query } from './query';
import { ResidentUnit } from './resident-unit';
import { Street } from './street';

export const resolvers = { Query, Street, Community, ResidentUnit, Organization };
