import { MemberHomeAddress1766000000000 } from './1766000000000-MemberHomeAddress';
import { CreateOutbox1764000000001 } from '@cpb/kit';
import { CreateMembers1764000000000 } from './1764000000000-CreateMembers';
import { MembershipLifecycle1765000000000 } from './1765000000000-MembershipLifecycle';
import { MemberNameSearch1765000000001 } from './1765000000001-MemberNameSearch';
import { OrganizationGate1767100000000 } from './1767100000000-OrganizationGate';
import { PartyDues1768000000000 } from './1768000000000-PartyDues';
import { MemberImports1769000000000 } from './1769000000000-MemberImports';
import { ProbationExtension1768100000000 } from './1768100000000-ProbationExtension';
import { TransferLetters1769170000000 } from './1769170000000-TransferLetters';

/** Every committed migration, in order. Never edit one that has landed: add a new one. */
export const migrations = [
  CreateMembers1764000000000,
  CreateOutbox1764000000001,
  MembershipLifecycle1765000000000,
  MemberNameSearch1765000000001,
  MemberHomeAddress1766000000000,
  OrganizationGate1767100000000,
  PartyDues1768000000000,
  ProbationExtension1768100000000,
  MemberImports1769000000000,
  TransferLetters1769170000000,
];
