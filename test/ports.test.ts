/**
 * Ports for servers started side by side (the test federation, local stacks): picked below the kernel's
 * ephemeral range, where no outgoing connection can take them before the server listens; a server whose
 * port is taken anyway fails its start at once (EADDRINUSE), never waits for ever.
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { freePort, loadConfig } from '@cpb/kit';
import { gatewayEnvSchema, startGateway } from '@cpb/gateway';
import { subgraphs } from '@cpb/subgraphs';

const ephemeralFloor = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);

function listenOn(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('freePort', () => {
  it('picks ports below the ephemeral range that a server can then listen on', async () => {
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(10_000);
      expect(port).toBeLessThan(ephemeralFloor);
    }
    const server = await listenOn(ports[0]);
    server.close();
  });
});

describe('a server whose port is taken', () => {
  it('fails its start with EADDRINUSE instead of waiting', async () => {
    const taken = await listenOn(await freePort());
    try {
      const port = (taken.address() as net.AddressInfo).port;
      const start = startGateway(
        loadConfig(gatewayEnvSchema, {
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          PORT: String(port),
          HOST: '127.0.0.1',
          ...Object.fromEntries(subgraphs.map((s) => [s.urlVariable, 'http://127.0.0.1:9/graphql'])),
        }),
      );
      await expect(start).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      taken.close();
    }
  });
});
