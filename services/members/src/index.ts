import { createLogger, runProcess, startSubgraph } from '@cpb/kit';
import { members } from './server';

runProcess(createLogger('members'), async () => (await startSubgraph(members)).stop);
