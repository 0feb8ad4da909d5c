import { CommunityEntity } from './community';
import { GridEntity } from './grid';
import { OrganizationEntity } from './organization';
import { ResidentUnitEntity } from './resident-unit';
import { StreetEntity } from './street';

export * from './community';
export * from './grid';
export * from './organization';
export * from './resident-unit';
export * from './street';

export const entities = [StreetEntity, CommunityEntity, GridEntity, ResidentUnitEntity, OrganizationEntity];
