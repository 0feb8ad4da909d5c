import { CreateOutbox1764000000001 } from '@cpb/kit';
import { CreateActivities1764000000000 } from './1764000000000-CreateActivities';

/** Every committed migration, in order. Never edit one that has landed: add a new one. */
export const migrations = [CreateActivities1764000000000, CreateOutbox1764000000001];
