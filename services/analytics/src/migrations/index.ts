import { CreateProcessedEvents1766000000000 } from '@cpb/kit';
import { CreateReadModel1766000000001 } from './1766000000001-CreateReadModel';
import { CountSkippedEvents1767000000001 } from './1767000000001-CountSkippedEvents';
import { CountMembersWhereTheyLive1768000000001 } from './1768000000001-CountMembersWhereTheyLive';

/** Every committed migration, in order. Never edit one that has landed: add a new one. */
export const migrations = [
  CreateProcessedEvents1766000000000,
  CreateReadModel1766000000001,
  CountSkippedEvents1767000000001,
  CountMembersWhereTheyLive1768000000001,
];
