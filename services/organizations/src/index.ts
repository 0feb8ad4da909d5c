import { createLogger, runProcess, startSubgraph, startTracing } from '@cpb/kit';
import { organizations } from './server';

// Tracing is off unless the OTEL_* variables name an exporter (docs/operations.md).
startTracing('organizations');
runProcess(createLogger('organizations'), async () => (await startSubgraph(organizations)).stop);
