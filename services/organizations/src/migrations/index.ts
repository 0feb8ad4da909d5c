import { CreateOutbox1764000000001 } from '@cpb/kit';
import { CreateStructure1764000000000 } from './1764000000000-CreateStructure';
import { OrganizationClosing1767100000000 } from './1767100000000-OrganizationClosing';
import { OrganizationalLife1768000000000 } from './1768000000000-OrganizationalLife';
import { MeetingRhythms1769000000000 } from './1769000000000-MeetingRhythms';
import { OrganizationNameIndex1769000000000 } from './1769000000000-OrganizationNameIndex';
import { ResidentUnitImports1770000000000 } from './1770000000000-ResidentUnitImports';
import { ResidentUnitNameUnique1770500000000 } from './1770500000000-ResidentUnitNameUnique';

/** Every committed migration, in order. Never edit one that has landed: add a new one. */
export const migrations = [
  CreateStructure1764000000000,
  CreateOutbox1764000000001,
  OrganizationClosing1767100000000,
  OrganizationalLife1768000000000,
  MeetingRhythms1769000000000,
  OrganizationNameIndex1769000000000,
  ResidentUnitImports1770000000000,
  ResidentUnitNameUnique1770500000000,
];
