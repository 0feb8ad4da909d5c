import { ActivityEntity } from './activity';

export * from './activity';

export const entities = [ActivityEntity];
