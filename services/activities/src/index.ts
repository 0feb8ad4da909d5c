import { createLogger, runProcess, startSubgraph, startTracing } from '@cpb/kit';
import { activities } from './server';

// Tracing is off unless the OTEL_* variables name an exporter (docs/operations.md).
startTracing('activities');
runProcess(createLogger('activities'), async () => (await startSubgraph(activities)).stop);
