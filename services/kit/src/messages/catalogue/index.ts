import { activitiesMessages } from './activities';
import { analyticsMessages } from './analytics';
import { commonMessages } from './common';
import { duesMessages } from './dues';
import { gatewayMessages } from './gateway';
import { kitMessages } from './kit';
import { membersMessages } from './members';
import { organizationalLifeMessages } from './organizational-life';
import { organizationsMessages } from './organizations';
import { queryCostMessages } from './query-cost';
import { resourcesMessages } from './resources';

/** The catalogue in parts, by who says it (the catalogue test checks no key is in two parts). */
export const catalogueParts = {
  kit: kitMessages,
  common: commonMessages,
  gateway: gatewayMessages,
  queryCost: queryCostMessages,
  analytics: analyticsMessages,
  organizations: organizationsMessages,
  organizationalLife: organizationalLifeMessages,
  members: membersMessages,
  dues: duesMessages,
  resources: resourcesMessages,
  activities: activitiesMessages,
};

/** Every message a user can read, by key: the one place its Chinese and English are written. */
export const catalogue = {
  ...kitMessages,
  ...commonMessages,
  ...gatewayMessages,
  ...queryCostMessages,
  ...analyticsMessages,
  ...organizationsMessages,
  ...organizationalLifeMessages,
  ...membersMessages,
  ...duesMessages,
  ...resourcesMessages,
  ...activitiesMessages,
};

export type Catalogue = typeof catalogue;
export type MessageKey = keyof Catalogue;
