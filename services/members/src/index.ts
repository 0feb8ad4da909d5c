import { createLogger, runProcess, startSubgraph, startTracing } from '@cpb/kit';
import { members } from './server';

// Tracing is off unless the OTEL_* variables name an exporter (docs/operations.md).
startTracing('members');
runProcess(createLogger('members'), async () => (await startSubgraph(members)).stop);
