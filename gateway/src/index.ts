import { createLogger, loadConfig, runProcess } from '@cpb/kit';
import { gatewayEnvSchema } from './config';
import { startGateway } from './server';

process.env.APOLLO_TELEMETRY_DISABLED ??= '1';

runProcess(createLogger('gateway'), async () => (await startGateway(loadConfig(gatewayEnvSchema))).stop);
