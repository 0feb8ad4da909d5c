import { activitiesMessages } from './activities';
import { analyticsMessages } from './analytics';
import { commonMessages } from './common';
import { duesMessages } from './dues';
import { faultsMessages } from './faults';
import { gatewayMessages } from './gateway';
import { importMessages } from './import';
import { importKindsMessages } from './import-kinds';
import { kitMessages } from './kit';
import { lifecycleMessages } from './lifecycle';
import { lifeFollowUpMessages } from './life-follow-up';
import { membersMessages } from './members';
import { organizationalLifeMessages } from './organizational-life';
import { organizationsMessages } from './organizations';
import { queryCostMessages } from './query-cost';
import { residentUnitsMessages } from './resident-units';
import { resourcesMessages } from './resources';
import { todoMessages } from './todo';
import { transferLetterMessages } from './transfer-letters';

/** The catalogue in parts, by who says it (the catalogue test checks no key is in two parts). */
export const catalogueParts = {
  kit: kitMessages,
  common: commonMessages,
  gateway: gatewayMessages,
  queryCost: queryCostMessages,
  analytics: analyticsMessages,
  organizations: organizationsMessages,
  organizationalLife: organizationalLifeMessages,
  lifeFollowUp: lifeFollowUpMessages,
  members: membersMessages,
  dues: duesMessages,
  transferLetters: transferLetterMessages,
  todo: todoMessages,
  resources: resourcesMessages,
  activities: activitiesMessages,
  lifecycle: lifecycleMessages,
  faults: faultsMessages,
  import: importMessages,
  importKinds: importKindsMessages,
  residentUnits: residentUnitsMessages,
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
  ...lifeFollowUpMessages,
  ...membersMessages,
  ...duesMessages,
  ...transferLetterMessages,
  ...todoMessages,
  ...resourcesMessages,
  ...activitiesMessages,
  ...lifecycleMessages,
  ...faultsMessages,
  ...importMessages,
  ...importKindsMessages,
  ...residentUnitsMessages,
};

export type Catalogue = typeof catalogue;
export type MessageKey = keyof Catalogue;
