import { createLogger, runProcess, startSubgraph } from '@cpb/kit';
import { resources } from './server';

runProcess(createLogger('resources'), async () => (await startSubgraph(resources)).stop);
