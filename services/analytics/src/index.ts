import { createLogger, runProcess } from '@cpb/kit';
import { startAnalytics } from './service';

runProcess(createLogger('analytics'), async () => (await startAnalytics()).stop);
