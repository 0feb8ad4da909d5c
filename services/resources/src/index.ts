import { createLogger, runProcess, startSubgraph, startTracing } from '@cpb/kit';
import { resources } from './server';

// Tracing is off unless the OTEL_* variables name an exporter (docs/operations.md).
startTracing('resources');
runProcess(createLogger('resources'), async () => (await startSubgraph(resources)).stop);
