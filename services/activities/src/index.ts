import { createLogger, runProcess, startSubgraph } from '@cpb/kit';
import { activities } from './server';

runProcess(createLogger('activities'), async () => (await startSubgraph(activities)).stop);
