import { createLogger, runProcess, startSubgraph } from '@cpb/kit';
import { organizations } from './server';

runProcess(createLogger('organizations'), async () => (await startSubgraph(organizations)).stop);
