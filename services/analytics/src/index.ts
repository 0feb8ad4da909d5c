import { createLogger, runProcess, startTracing } from '@cpb/kit';
import { startAnalytics } from './service';

startTracing('analytics');
runProcess(createLogger('analytics'), async () => (await startAnalytics()).stop);
