import { CreateOutbox1764000000001 } from '@cpb/kit';
import { CreateActivities1764000000000 } from './1764000000000-CreateActivities';
import { TeamDisbanding1768100000002 } from './1768100000002-TeamDisbanding';
import { TeamMembershipImports1770000000001 } from './1770000000001-TeamMembershipImports';
import { VolunteerTeamOrganizationIndex1770100000010 } from './1770100000010-VolunteerTeamOrganizationIndex';

/** Every committed migration, in order. Never edit one that has landed: add a new one. */
export const migrations = [
  CreateActivities1764000000000,
  CreateOutbox1764000000001,
  TeamDisbanding1768100000002,
  TeamMembershipImports1770000000001,
  VolunteerTeamOrganizationIndex1770100000010,
];
